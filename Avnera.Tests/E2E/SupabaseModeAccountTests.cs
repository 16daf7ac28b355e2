using Avnera.Data.Tenancy;
using Avnera.Tests.Auth.Supabase;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Auth.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace Avnera.Tests.E2E;

/// <summary>
/// The app in Supabase mode, signing people in through GoTrue's REST API. GoTrue here is
/// <see cref="GoTrueProtocolDouble"/>, a local stand-in that follows the documented protocol — NOT Supabase.
/// Email confirmation is off-auto (links by token hash); access tokens live 62 s, so with the 60 s refresh
/// margin a session needs refreshing about two seconds after it starts. Google and GitHub are offered as external
/// providers, and the demo data is loaded with a service key, so the demo people exist at the double too.
/// </summary>
public sealed class SupabaseAppAndBrowser : IAsyncLifetime
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(62);
    public const string LeakedAtGoTrue = "leaked somewhere else 7";
    public GoTrueProtocolDouble GoTrue { get; private set; } = null!;
    public AvneraApp App { get; private set; } = null!;
    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        GoTrue = await GoTrueProtocolDouble.StartAsync();
        GoTrue.AutoConfirm = false;
        GoTrue.AccessTokenLifetime = TokenLifetime;
        // Passes the app's own checks (length, common passwords), leaked all the same: GoTrue's refusal is shown.
        GoTrue.LeakedPasswords = new HashSet<string> { LeakedAtGoTrue };
        App = new AvneraApp
        {
            ExtraSettings = new Dictionary<string, string?>
            {
                ["SUPABASE_URL"] = GoTrue.Url,
                ["SUPABASE_ANON_KEY"] = GoTrueProtocolDouble.AnonKey,
                ["SUPABASE_SERVICE_ROLE_KEY"] = GoTrueProtocolDouble.ServiceRoleKey,
                ["SUPABASE_OAUTH_PROVIDERS"] = "google,github",
            },
        };
        await Task.WhenAll(App.InitializeAsync(), Browser.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
        await GoTrue.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SupabaseE2ECollection : ICollectionFixture<SupabaseAppAndBrowser>
{
    public const string Name = "e2e-supabase";
}

[Collection(SupabaseE2ECollection.Name)]
public sealed class SupabaseModeAccountTests(SupabaseAppAndBrowser fixture)
{
    private const string Password = "correct horse battery";
    private GoTrueProtocolDouble GoTrue => fixture.GoTrue;
    private string Master => fixture.App.Inspect(fixture.App.MasterDatabase);

    private static string NewEmail() => $"supa-{Guid.NewGuid():N}"[..17] + "@example.com";

    [Fact]
    public async Task SignUp_ConfirmFromTheLink_SignIn_AccountShowsThePerson_SignOutEndsTheGoTrueSession()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        await new SignupPage(page).SignUpAsync(email, Password, "Sam Supa");

        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SubmitAsync(email, Password);
        await Assertions.Expect(login.Alert).ToContainTextAsync("confirm your email address");

        // The link GoTrue's confirmation template would have mailed: {site}/auth/callback?token_hash=...&type=signup.
        var mail = GoTrue.LastEmailTo(email);
        Assert.NotNull(mail);
        Assert.Equal("signup", mail.Type);
        await page.GotoAsync($"/auth/callback?token_hash={mail.TokenHash}&type=signup");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email confirmed" })).ToBeVisibleAsync();

        await login.SignInAsync(email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sam Supa" })).ToBeVisibleAsync();

        // The person row carries GoTrue's user id; the session row keeps GoTrue's tokens, encrypted.
        var gotrueId = GoTrue.FindUserId(email)!.Value;
        Assert.Equal(gotrueId, await TestData.ScalarAsync<Guid>(Master, "select id from users where email = $1", email));
        var stored = await TestData.ScalarAsync<string>(Master,
            "select provider_access_token from user_sessions where user_id = $1 and revoked_at is null", gotrueId);
        Assert.StartsWith("v1:", stored);
        Assert.DoesNotContain("eyJ", stored);
        Assert.Equal(1, GoTrue.SessionCount(gotrueId)); // the confirmation link's own session was ended
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Value.Contains("eyJ"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Contains(GoTrue.Requests, r => r.Path == "/auth/v1/logout" && r.Query == "?scope=local");
        Assert.Equal(0, GoTrue.SessionCount(gotrueId));
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount"));
    }

    [Fact]
    public async Task WrongPassword_ShowsGoTruesMessage()
    {
        var email = NewEmail();
        GoTrue.AddUser(email, Password);
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SubmitAsync(email, "not the password at all");
        await Assertions.Expect(login.Alert).ToHaveTextAsync("Wrong email or password.");
    }

    [Fact]
    public async Task WeakPassword_AtSignUp_ShowsTheReasons()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var signup = new SignupPage(page);
        await signup.SubmitAsync(NewEmail(), SupabaseAppAndBrowser.LeakedAtGoTrue);
        await Assertions.Expect(signup.Alert).ToContainTextAsync("it appears in a list of leaked passwords");
    }

    [Fact]
    public async Task ExpiringAccessToken_IsRefreshedOnce_ByTheNextRequest()
    {
        var (page, userId) = await SignedInAsync();
        var before = GoTrue.RefreshRequests;
        var expiresBefore = await ExpiresAtAsync(userId);
        await WaitUntilRefreshIsDueAsync(userId);

        // The refreshed token lives long enough that the second request must not refresh again, however slow
        // the machine (with the suite's 62 s tokens it is due again 2 s later).
        GoTrue.AccessTokenLifetime = TimeSpan.FromHours(1);
        try
        {
            await page.GotoAsync("/account");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
            await page.GotoAsync("/account");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        }
        finally
        {
            GoTrue.AccessTokenLifetime = SupabaseAppAndBrowser.TokenLifetime;
        }

        Assert.Equal(before + 1, GoTrue.RefreshRequests);
        Assert.True(await ExpiresAtAsync(userId) > expiresBefore);
    }

    [Fact]
    public async Task TwoConcurrentRequestsAfterExpiry_RefreshOnce_AndStaySignedIn()
    {
        var (page, userId) = await SignedInAsync();
        await WaitUntilRefreshIsDueAsync(userId);
        var before = GoTrue.RefreshRequests;

        var responses = await Task.WhenAll(page.APIRequest.GetAsync("/account"), page.APIRequest.GetAsync("/account"));

        foreach (var response in responses)
        {
            Assert.Equal(200, response.Status);
            Assert.DoesNotContain("/login", response.Url);
        }
        Assert.Equal(before + 1, GoTrue.RefreshRequests);
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        Assert.Equal(1, GoTrue.SessionCount(userId)); // no refresh token was reused, so the family lives on
    }

    [Fact]
    public async Task RefreshConflict_FromAnotherInstance_DoesNotSignOut()
    {
        var (page, userId) = await SignedInAsync();
        await WaitUntilRefreshIsDueAsync(userId);
        GoTrue.RefreshConflict = true;
        try
        {
            await page.GotoAsync("/account");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        }
        finally
        {
            GoTrue.RefreshConflict = false;
        }
        Assert.False(await TestData.ScalarAsync<bool>(Master, "select revoked_at is not null from user_sessions where user_id = $1", userId));
    }

    [Fact]
    public async Task SessionEndedAtGoTrue_SendsTheBrowserToSignIn_AtTheNextRefresh()
    {
        var (page, userId) = await SignedInAsync();
        GoTrue.EndSessions(userId); // e.g. "sign out everywhere" from another device
        await WaitUntilRefreshIsDueAsync(userId);

        await page.GotoAsync("/account");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount"));
        Assert.True(await TestData.ScalarAsync<bool>(Master, "select revoked_at is not null from user_sessions where user_id = $1", userId));
        Assert.True(await TestData.ScalarAsync<bool>(Master, "select provider_refresh_token is null from user_sessions where user_id = $1", userId));
    }

    [Fact]
    public async Task ExternalProvider_PkceCallback_SignsIn()
    {
        // The double skips the provider itself: /authorize redirects straight back with a code.
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/auth/authorize?provider=github");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        var id = GoTrue.FindUserId(GoTrue.OAuthUserEmail)!.Value;
        Assert.Equal(id, await TestData.ScalarAsync<Guid>(Master, "select id from users where email = $1", GoTrue.OAuthUserEmail));
        Assert.Contains(GoTrue.Requests, r => r.Path == "/auth/v1/token" && r.Query.Contains("grant_type=pkce"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "avnera.pkce");
    }

    [Fact]
    public async Task CodeWithoutTheVerifierCookie_IsRefused()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/auth/callback?code=" + Guid.NewGuid());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link does not work" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Recovery_LinkLetsThePersonChooseANewPassword_ThenSignsOutEverywhere()
    {
        var email = NewEmail();
        var userId = GoTrue.AddUser(email, Password);
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await page.GotoAsync("/forgot-password");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If an account uses this address");

        var mail = GoTrue.LastEmailTo(email);
        Assert.Equal("recovery", mail!.Type);
        await page.GotoAsync($"/auth/callback?token_hash={mail.TokenHash}&type=recovery");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reset-password$"));
        await page.GetByLabel("New password (at least 10 characters)").FillAsync("a brand new passphrase");
        await page.GetByLabel("Repeat the password").FillAsync("a brand new passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");
        Assert.Equal(0, GoTrue.SessionCount(userId));

        await new LoginPage(page).SignInAsync(email, "a brand new passphrase");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
    }

    [Fact]
    public async Task SignOutOtherSessions_EndsThemAtGoTrueToo()
    {
        var (page, userId) = await SignedInAsync();
        var email = await TestData.ScalarAsync<string>(Master, "select email from users where id = $1", userId);
        var other = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(other).SignInAsync(email!, Password);
        Assert.Equal(2, GoTrue.SessionCount(userId));

        await page.GotoAsync("/account/security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out all other sessions" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 other session is signed out.")).ToBeVisibleAsync();

        Assert.Equal(1, GoTrue.SessionCount(userId));
        await other.GotoAsync("/account");
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount"));
    }

    [Fact]
    public async Task ChangePassword_ChecksTheCurrentOne_ThenTheNewOneSignsIn()
    {
        var (page, userId) = await SignedInAsync();
        var email = await TestData.ScalarAsync<string>(Master, "select email from users where id = $1", userId);
        await page.GotoAsync("/account/security");
        await page.GetByLabel("Current password").FillAsync("not my password at all");
        await page.GetByLabel("New password (at least 10 characters)").FillAsync("another long passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The current password is not right.");

        await page.GetByLabel("Current password").FillAsync(Password);
        await page.GetByLabel("New password (at least 10 characters)").FillAsync("another long passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed, and your other sessions are signed out.");
        Assert.Equal(1, GoTrue.SessionCount(userId)); // the password check's own GoTrue session was ended

        var other = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(other).SignInAsync(email!, "another long passphrase");
        await Assertions.Expect(other).ToHaveURLAsync(new Regex("/account$"));
    }

    [Fact]
    public async Task ChangePassword_SignsOutTheOtherSessions_HereAndAtGoTrue()
    {
        var (laptop, userId) = await SignedInAsync();
        var email = await TestData.ScalarAsync<string>(Master, "select email from users where id = $1", userId);
        var phone = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(phone).SignInAsync(email!, Password);
        Assert.Equal(2, GoTrue.SessionCount(userId));

        await new SecurityPage(laptop).ChangePasswordAsync(Password, "a changed passphrase");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed, and your other sessions are signed out.");

        Assert.Equal(1, GoTrue.SessionCount(userId));
        await phone.GotoAsync("/account");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/login\\?returnUrl=%2Faccount"));
        await laptop.GotoAsync("/account");
        await Assertions.Expect(laptop).ToHaveURLAsync(new Regex("/account$"));
    }

    [Fact]
    public async Task CommonPassword_IsRefusedBeforeGoTrueIsAsked()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var email = NewEmail();
        var signup = new SignupPage(page);
        await signup.SubmitAsync(email, "password12");
        await Assertions.Expect(signup.Alert).ToContainTextAsync(Avnera.Web.Auth.Passwords.PasswordPolicy.CommonMessage);
        Assert.Null(GoTrue.FindUserId(email));

        var (laptop, userId) = await SignedInAsync();
        var own = await TestData.ScalarAsync<string>(Master, "select email from users where id = $1", userId);
        await new SecurityPage(laptop).ChangePasswordAsync(Password, own!);
        await Assertions.Expect(laptop.GetByRole(AriaRole.Alert)).ToContainTextAsync(Avnera.Web.Auth.Passwords.PasswordPolicy.EmailMessage);
    }

    private async Task<(IPage Page, Guid UserId)> SignedInAsync()
    {
        var email = NewEmail();
        var userId = GoTrue.AddUser(email, Password);
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
        return (page, userId);
    }

    private async Task<DateTimeOffset> ExpiresAtAsync(Guid userId) => DateTimeOffset.FromUnixTimeMilliseconds((long)(1000 * await TestData.ScalarAsync<double>(Master,
        "select extract(epoch from provider_expires_at)::float8 from user_sessions where user_id = $1 order by created_at desc limit 1", userId)));

    /// <summary>Waits until the stored access token is within the refresh margin (about two seconds).</summary>
    private async Task WaitUntilRefreshIsDueAsync(Guid userId)
    {
        var due = await ExpiresAtAsync(userId) - TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(300);
        var wait = due - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
