using System.Net;
using AngleSharp.Html.Parser;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.E2E;

/// <summary>
/// Sign-up must not tell, by its answer or by the time it takes, whether an address already has an account. Timing
/// is noisy on a shared machine, so the work is counted instead: a new and an existing address each cost one
/// password hash (the slow part) and one email through the same sender.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SignUpWorkTests(AppAndBrowser fixture)
{
    private static string NewEmail() => $"work-{Guid.NewGuid():N}"[..17] + "@example.com";

    private async Task<string> SignUpAsync(string email, string password)
    {
        using var curl = new FormClient(fixture.App.BaseUrl);
        var response = await curl.PostFormAsync("/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return doc.QuerySelector("[role=status]")!.TextContent.Trim();
    }

    [Fact]
    public async Task NewAndExistingAddress_HashOnceAndSendOneEmail_AndAnswerAlike()
    {
        var existing = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(existing, "the owner's password 1");
        var fresh = NewEmail();
        // A password of its own per attempt, so the counts are this test's alone.
        var forFresh = "fresh sign-up " + Guid.NewGuid().ToString("N")[..8];
        var forExisting = "repeated sign-up " + Guid.NewGuid().ToString("N")[..8];

        var freshAnswer = await SignUpAsync(fresh, forFresh);
        var existingAnswer = await SignUpAsync(existing, forExisting);

        Assert.Equal(freshAnswer, existingAnswer);
        Assert.Equal(1, fixture.App.Hashes.Of(forFresh));
        Assert.Equal(1, fixture.App.Hashes.Of(forExisting));
        Assert.Contains("Subject: Confirm your email address", Assert.Single(Mailbox.TextsTo(fixture.App.MailFolder, fresh)));
        Assert.Contains("Subject: Someone tried to sign up with your address", Assert.Single(Mailbox.TextsTo(fixture.App.MailFolder, existing)));
    }
}
