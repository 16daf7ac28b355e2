using System.Net;
using AngleSharp.Html.Parser;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Avnera.Tests.E2E;

/// <summary>
/// Forged Host headers, as an attacker sends them with curl: a password reset asked for on evil.example must not mail
/// the victim a link to evil.example carrying a valid code. Only the platform's public origin and stores' registered
/// host names are served; every link is built from them.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class HostHeaderTests(AppAndBrowser fixture)
{
    private const string Evil = "evil.example";
    private static string NewEmail() => $"host-{Guid.NewGuid():N}"[..17] + "@example.com";

    private static async Task<string?> HeadingAsync(HttpResponseMessage response) =>
        (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("h1")?.TextContent.Trim();

    private static Dictionary<string, string> Recovery(string email) => new() { ["Input.Email"] = email };

    [Fact]
    public async Task PasswordReset_WithAForgedHost_IsRefused_AndTheMailedLinkNamesThePublicOrigin()
    {
        var email = NewEmail();
        await fixture.App.CreateConfirmedAccountAsync(email, "first password 123");
        using var curl = new FormClient(fixture.App.BaseUrl);

        foreach (var host in new[] { Evil, $"127.0.0.1:{new Uri(fixture.App.BaseUrl).Port + 1}" })
        {
            var forged = await curl.PostFormAsync("/forgot-password", "forgot", Recovery(email), r => r.Headers.Host = host);
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Equal("This request cannot be answered", await HeadingAsync(forged));
        }
        Assert.Empty(Mailbox.TextsTo(fixture.App.MailFolder, email));

        // The platform's host, with the forwarding headers a proxy would add: none of them names the link's host.
        var asked = await curl.PostFormAsync("/forgot-password", "forgot", Recovery(email), r =>
        {
            r.Headers.Add("X-Forwarded-Host", Evil);
            r.Headers.Add("Forwarded", "host=" + Evil);
        });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/reset-password");
        Assert.StartsWith(fixture.App.BaseUrl + "/reset-password?user=", link);
        Assert.DoesNotContain(Evil, Assert.Single(Mailbox.TextsTo(fixture.App.MailFolder, email)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/s/maison-lumiere")]
    [InlineData("/s/maison-lumiere/robots.txt")]
    [InlineData("/s/maison-lumiere/sitemap.xml")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task UnknownHost_IsRefusedWithTheStatusPage(string path)
    {
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        request.Headers.Host = Evil;
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This request cannot be answered", await HeadingAsync(response));
        Assert.DoesNotContain(Evil, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthProbes_AnswerOnAnyHost()
    {
        using var client = fixture.App.CreateClient();
        foreach (var path in new[] { "healthz", "readyz" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "10.0.0.7:8080"; // an orchestrator probes the pod by address
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task SignUpOnAStoresOwnHost_MailsALinkToThatRegisteredHost()
    {
        var services = fixture.App.AppServices;
        var host = $"own-{Guid.NewGuid():N}"[..16] + ".example";
        var store = await TestData.CreateStoreAsync(services);
        await TestData.ExecuteAsync(fixture.App.Inspect(fixture.App.MasterDatabase), "update stores set custom_host = $1 where id = $2", host, store);
        services.GetRequiredService<StoreRegistry>().Invalidate(store);
        var email = NewEmail();
        using var curl = new FormClient(fixture.App.BaseUrl);

        var response = await curl.PostFormAsync("/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        }, r => r.Headers.Host = host.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"http://{host}/confirm-email?user=", await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/confirm-email"));
    }

    [Fact]
    public async Task SignInRedirect_NamesNoHost()
    {
        using var curl = new FormClient(fixture.App.BaseUrl);
        var response = await curl.Http.GetAsync("account");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Faccount", response.Headers.Location!.OriginalString);
    }
}
