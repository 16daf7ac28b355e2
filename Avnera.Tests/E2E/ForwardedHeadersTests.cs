using System.Net;
using System.Text.RegularExpressions;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.E2E;

/// <summary>
/// Behind a trusted reverse proxy (Avnera:KnownProxies covers 127.0.0.0/8, where the test client connects from),
/// X-Forwarded-For is the client: each forwarded client has its own rate-limit budget and sessions log its address.
/// (Without the setting the header is ignored: see <see cref="RateLimitTests"/>.)
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedApp fixture) : IClassFixture<ForwardedHeadersTests.ProxiedApp>
{
    public sealed class ProxiedApp : IAsyncLifetime
    {
        public AvneraApp App { get; } = new()
        {
            FormPostsPerMinute = 3,
            ExtraSettings = new Dictionary<string, string?>
            {
                ["Avnera:KnownProxies"] = "10.1.2.3, 127.0.0.0/8",
                ["Avnera:SeedDemoData"] = "false",
            },
        };

        public Task InitializeAsync() => App.InitializeAsync();
        public Task DisposeAsync() => App.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostLoginAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "nope" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task TwoForwardedClients_HaveSeparateRateLimitBudgets()
    {
        using var client = fixture.App.CreateClient();
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) first.Add(await PostLoginAsync(client, "203.0.113.10"));

        Assert.All(first.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[3]);
        // Another client behind the same proxy still has its whole budget.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostLoginAsync(client, "203.0.113.20"));
        // Through a chain of trusted proxies the first untrusted address is the client: the first one again.
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostLoginAsync(client, "203.0.113.10, 127.0.0.9"));
    }

    [Fact]
    public async Task SignIn_BehindTheProxy_LogsTheClientsAddress_AndHttpsFromTheProxy()
    {
        var email = $"fwd-{Guid.NewGuid():N}"[..14] + "@example.com";
        var userId = await fixture.App.CreateConfirmedAccountAsync(email, "correct horse battery");
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(fixture.App.BaseUrl + "/") };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.77");

        var form = await client.GetStringAsync("login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email, ["Input.Password"] = "correct horse battery",
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https"); // TLS ended at the proxy
        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("avnera.auth="));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        var master = fixture.App.Inspect(fixture.App.MasterDatabase);
        Assert.Equal("198.51.100.77", await TestData.ScalarAsync<string>(master, "select ip_address from user_sessions where user_id = $1", userId));
        Assert.Equal("198.51.100.77", await TestData.ScalarAsync<string>(master,
            "select ip_address from user_activity_logs where user_id = $1 and kind = 'sign_in'", userId));
    }
}
