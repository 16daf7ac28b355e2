using Avnera.Tests.Auth.Supabase;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Auth.Supabase;
using Avnera.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Avnera.Tests.E2E;

/// <summary>
/// Supabase mode, the ways in beyond a plain password: external provider buttons, the store-owner wish carried
/// through GoTrue's email confirmation, and the demo logins. GoTrue is <see cref="GoTrueProtocolDouble"/>, a local
/// stand-in that follows the documented protocol — NOT Supabase.
/// </summary>
[Collection(SupabaseE2ECollection.Name)]
public sealed class SupabaseModeOnboardingTests(SupabaseAppAndBrowser fixture)
{
    private const string Password = "correct horse battery";
    private GoTrueProtocolDouble GoTrue => fixture.GoTrue;
    private string Master => fixture.App.Inspect(fixture.App.MasterDatabase);

    private static string NewEmail() => $"onb-{Guid.NewGuid():N}"[..16] + "@example.com";

    [Fact]
    public async Task ContinueWithGitHub_OnSignIn_SignsInThroughGoTrue_OnTheReturnUrlPage()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/account/addresses");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount%2Faddresses$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "login-supabase-providers");

        await page.GetByRole(AriaRole.Link, new() { Name = "Continue with GitHub" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/addresses$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        var authorize = GoTrue.Requests.Last(r => r.Path == "/auth/v1/authorize");
        Assert.Contains("provider=github", authorize.Query);
        // GoTrue is sent back to exactly the allow-listed callback; the return URL stayed in our cookie.
        Assert.Contains("redirect_to=" + Uri.EscapeDataString(fixture.App.BaseUrl + "/auth/callback") + "&", authorize.Query);
        var id = GoTrue.FindUserId(GoTrue.OAuthUserEmail)!.Value;
        Assert.Equal(id, await TestData.ScalarAsync<Guid>(Master, "select id from users where email = $1", GoTrue.OAuthUserEmail));
    }

    [Fact]
    public async Task ContinueWithGoogle_OnSignUp_WithAForeignReturnUrl_LandsOnTheAccount()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/signup?returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        var google = page.GetByRole(AriaRole.Link, new() { Name = "Continue with Google" });
        await Browser.ScreenshotAsync(page, "signup-supabase-providers");
        Assert.DoesNotContain("evil", await google.GetAttributeAsync("href"));

        await google.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(fixture.App.BaseUrl) + "/account$"));
    }

    [Fact]
    public async Task ProviderRefusesTheSignIn_ThePersonIsToldWhatHappened()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/login");
        GoTrue.OAuthAccessDenied = true;
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue with GitHub" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("did not complete");
        }
        finally
        {
            GoTrue.OAuthAccessDenied = false;
        }
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == PkceFlowCookie.Name || c.Name == "avnera.auth");
    }

    [Fact]
    public async Task AProviderThatIsNotOffered_IsNotStarted()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var response = await page.APIRequest.GetAsync("/auth/authorize?provider=azure", new() { MaxRedirects = 0 });
        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task StoreOwnerSignUp_CarriedThroughGoTruesConfirmation_LeadsToOpeningTheFirstStore()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        var slug = "supa-" + Guid.NewGuid().ToString("N")[..6];
        await new SignupPage(page).SignUpAsync(email, Password, "Olive Supa", openStore: true);

        // The wish travels with the GoTrue user (user_metadata), not with this browser.
        var gotrueId = GoTrue.FindUserId(email)!.Value;
        using (var scope = fixture.App.AppServices.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<GoTrueClient>().GetUserByIdAsync(gotrueId);
            Assert.True(user!.UserMetadata![SupabaseAuthProvider.OpenStoreMetadata].GetBoolean());
        }

        var confirming = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl); // e.g. the phone's mail app
        await confirming.GotoAsync($"/auth/callback?token_hash={GoTrue.LastEmailTo(email)!.TokenHash}&type=signup");
        await Assertions.Expect(confirming.GetByRole(AriaRole.Heading, new() { Name = "Email confirmed" })).ToBeVisibleAsync();
        await confirming.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last.ClickAsync();
        await new LoginPage(confirming).SubmitAsync(email, Password);
        await Assertions.Expect(confirming.GetByRole(AriaRole.Heading, new() { Name = "Open your store" })).ToBeVisibleAsync();

        await confirming.GetByLabel("Store name").FillAsync("Olive's Supa Oils");
        await confirming.GetByLabel("Store address").FillAsync(slug);
        await confirming.GetByRole(AriaRole.Button, new() { Name = "Create the store" }).ClickAsync();
        await Assertions.Expect(confirming).ToHaveURLAsync(new Regex($"/admin/{slug}/products$"));
        await Assertions.Expect(confirming.GetByRole(AriaRole.Status).Filter(new() { HasText = "This store has no products yet" })).ToBeVisibleAsync();
        Assert.Equal(gotrueId, await TestData.ScalarAsync<Guid>(Master,
            "select m.user_id from store_members m join stores s on s.id = m.store_id where s.slug = $1 and m.role = 'owner'", slug));
    }

    [Fact]
    public async Task SignUpWithoutTheStoreWish_ConfirmationLeadsToTheAccount()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        await new SignupPage(page).SignUpAsync(email, Password);

        await page.GotoAsync($"/auth/callback?token_hash={GoTrue.LastEmailTo(email)!.TokenHash}&type=signup");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last.ClickAsync();
        await new LoginPage(page).SubmitAsync(email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
    }

    [Fact]
    public async Task DemoStoreOwner_SignsInThroughGoTrue_AndOpensTheStoreAdmin()
    {
        // Seeded through GoTrue's admin API with the Master person's id as GoTrue's id (the token's sub).
        var owner = DemoSeeder.Logins.FashionOwner;
        Assert.Equal(DemoSeeder.UserId(owner), GoTrue.FindUserId(owner));

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(owner, DemoSeeder.Logins.Password, "/admin/maison-lumiere/products");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/maison-lumiere/products$"));
        await Assertions.Expect(new AdminProductsPage(page).Rows.First).ToBeVisibleAsync();
        Assert.Contains(GoTrue.Requests, r => r.Path == "/auth/v1/token" && r.Query.Contains("grant_type=password"));
        Assert.Equal(1, await TestData.ScalarAsync<long>(Master, "select count(*) from users where email = $1", owner));
    }
}
