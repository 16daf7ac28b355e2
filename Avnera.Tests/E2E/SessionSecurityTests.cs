using System.Net;
using System.Text.RegularExpressions;
using Avnera.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Avnera.Tests.E2E;

/// <summary>Sessions as an attacker tries them: a stolen session after the password changed, a cross-site sign-out.</summary>
[Collection(E2ECollection.Name)]
public sealed class SessionSecurityTests(AppAndBrowser fixture)
{
    private static string NewEmail() => $"sess-{Guid.NewGuid():N}"[..17] + "@example.com";

    [Fact]
    public async Task PasswordChange_SignsOutEveryOtherSession_ButKeepsThisOne()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "first password 123");
        var laptop = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        var phone = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(laptop).SignInAsync(email, "first password 123");
        await new LoginPage(phone).SignInAsync(email, "first password 123");
        // A copy of the phone's cookie, as a thief would replay it from another machine.
        using var thief = new FormClient(fixture.App.BaseUrl);
        foreach (var cookie in await phone.Context.CookiesAsync())
            thief.Cookies.Add(new Uri(fixture.App.BaseUrl), new System.Net.Cookie(cookie.Name, cookie.Value, "/"));
        Assert.True(await thief.IsSignedInAsync());

        await new SecurityPage(laptop).ChangePasswordAsync("first password 123", "second password 456");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password is changed, and your other sessions are signed out.");

        await phone.GotoAsync("/account");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/login"));
        Assert.False(await thief.IsSignedInAsync());
        await laptop.GotoAsync("/account");
        await Assertions.Expect(laptop).ToHaveURLAsync(new Regex("/account$"));
    }

    [Fact]
    public async Task LogoutWithoutAnAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "logout password 1");
        using var curl = new FormClient(fixture.App.BaseUrl);
        await curl.SignInAsync(email, "logout password 1");

        // What a cross-site form (or curl) sends: the session cookie, no token.
        var bare = await curl.Http.PostAsync("logout", null);
        var forged = await curl.Http.PostAsync("logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("This request cannot be answered", await bare.Content.ReadAsStringAsync());
        Assert.True(await curl.IsSignedInAsync());
    }

    [Fact]
    public async Task SignOutButton_StillSignsOut()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "logout password 2");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseUrl);
        await new LoginPage(page).SignInAsync(email, "logout password 2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login"));
    }
}

/// <summary>/account/security: change the password, sign out other sessions.</summary>
public sealed class SecurityPage(IPage page)
{
    public async Task ChangePasswordAsync(string current, string next)
    {
        await page.GotoAsync("/account/security");
        await page.GetByLabel("Current password").FillAsync(current);
        await page.GetByLabel("New password (at least 10 characters)").FillAsync(next);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }
}
