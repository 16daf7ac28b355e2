using System.Net;
using AngleSharp.Html.Parser;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Auth.Passwords;

namespace Avnera.Tests.E2E;

/// <summary>
/// New passwords at sign-up, reset and change, posted as the forms post them: common, breached and email-derived ones
/// are refused with a message saying why (NIST SP 800-63B), and the same address answers the same for a weak password
/// whether or not it has an account.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PasswordPolicyHttpTests(AppAndBrowser fixture)
{
    private static string NewEmail() => $"pw-{Guid.NewGuid():N}"[..15] + "@example.com";

    private static async Task<IReadOnlyList<string>> AlertAsync(HttpResponseMessage response)
    {
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return doc.QuerySelectorAll("[role=alert] li").Select(li => li.TextContent.Trim()).ToList();
    }

    private Task<HttpResponseMessage> SignUpAsync(FormClient curl, string email, string password) =>
        curl.PostFormAsync("/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    [Theory]
    [InlineData("1234567890", PasswordPolicy.CommonMessage)]
    [InlineData("password12", PasswordPolicy.CommonMessage)]
    [InlineData("PASSWORD12", PasswordPolicy.CommonMessage)]
    [InlineData("qwertyuiop2024!", PasswordPolicy.CommonMessage)]
    [InlineData("abcdefghijk", PasswordPolicy.SequenceMessage)]
    [InlineData("{email}", PasswordPolicy.EmailMessage)]
    [InlineData("{local}2024!", PasswordPolicy.EmailMessage)]
    public async Task SignUp_WithAWeakPassword_IsRefusedWithTheReason(string password, string reason)
    {
        var email = NewEmail();
        password = password.Replace("{email}", email).Replace("{local}", email.Split('@')[0]);
        using var curl = new FormClient(fixture.App.BaseUrl);

        var response = await SignUpAsync(curl, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await AlertAsync(response));
        Assert.Empty(Mailbox.TextsTo(fixture.App.MailFolder, email));
    }

    [Fact]
    public async Task SignUp_WithAWeakPassword_AnswersTheSameForAnExistingAddress()
    {
        var existing = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(existing, "existing password 1");
        using var curl = new FormClient(fixture.App.BaseUrl);

        Assert.Equal(await AlertAsync(await SignUpAsync(curl, NewEmail(), "password12")),
            await AlertAsync(await SignUpAsync(curl, existing, "password12")));
        Assert.Empty(Mailbox.TextsTo(fixture.App.MailFolder, existing));
    }

    [Fact]
    public async Task Reset_ToACommonPassword_IsRefused()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "before the reset 1");
        using var curl = new FormClient(fixture.App.BaseUrl);
        await curl.PostFormAsync("/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = new Uri(await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/reset-password"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);

        var response = await curl.PostFormAsync(link.PathAndQuery, "reset", new Dictionary<string, string>
        {
            ["Input.User"] = query["user"]!, ["Input.Code"] = query["code"]!,
            ["Input.Password"] = "1234567890", ["Input.ConfirmPassword"] = "1234567890",
        });

        Assert.Contains(PasswordPolicy.CommonMessage, await AlertAsync(response));
        await curl.SignInAsync(email, "before the reset 1"); // the old password still works: nothing was changed
    }

    [Fact]
    public async Task Change_ToTheEmailAddress_IsRefused()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "before the change 1");
        using var curl = new FormClient(fixture.App.BaseUrl);
        await curl.SignInAsync(email, "before the change 1");

        var response = await curl.PostFormAsync("/account/security", "password", new Dictionary<string, string>
        {
            ["Input.Current"] = "before the change 1", ["Input.New"] = email.ToUpperInvariant(),
        });

        Assert.Contains(PasswordPolicy.EmailMessage, await AlertAsync(response));
    }
}
