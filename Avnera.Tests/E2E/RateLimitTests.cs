using System.Net;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.E2E;

/// <summary>
/// Sign-in, sign-up and recovery forms answer 429 beyond their budget (an app of its own, budget 3/min), per client
/// address; with no trusted proxy configured, X-Forwarded-For cannot choose that address.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly AvneraApp _app = new() { FormPostsPerMinute = 3 };

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task FormPostsBeyondTheBudget_Answer429_EvenWithASpoofedForwardedFor_WhilePagesStillLoad()
    {
        Assert.Equal(3, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Avnera.Web.Auth.AuthOptions>(_app.AppServices).FormPostsPerMinute);
        using var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com", ["Input.Password"] = "nope" });
            statuses.Add((await client.PostAsync("login", form)).StatusCode);
        }
        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // No proxy is trusted (Avnera:KnownProxies unset): a made-up X-Forwarded-For does not buy a fresh budget.
        using (var spoofed = new HttpRequestMessage(HttpMethod.Post, "login") { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) })
        {
            spoofed.Headers.Add("X-Forwarded-For", "203.0.113.99");
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(spoofed)).StatusCode);
        }

        using var signup = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "y@example.com" });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("signup", signup)).StatusCode);
        var limited = await client.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
        Assert.True(limited.Headers.RetryAfter is not null);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("login")).StatusCode);
    }
}
