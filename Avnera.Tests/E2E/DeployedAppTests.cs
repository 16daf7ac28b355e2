using System.Net;
using System.Text.Json;
using Avnera.Tests.Infrastructure;

namespace Avnera.Tests.E2E;

/// <summary>
/// The app as deployed: Production, its public origin https://avnera.test, TLS ended by a trusted proxy (the test
/// client on 127.0.0.1 plays it), and its Orders database unreachable, as in an outage.
/// </summary>
public sealed class DeployedAppTests(DeployedAppTests.DeployedApp fixture) : IClassFixture<DeployedAppTests.DeployedApp>
{
    public const string Origin = "https://avnera.test";
    private const string HiddenDatabase = "avnera_orders_behind_the_firewall";

    public sealed class DeployedApp : IAsyncLifetime
    {
        public AvneraApp App { get; } = new()
        {
            Environment = "Production",
            ExtraSettings = new Dictionary<string, string?>
            {
                ["Avnera:PublicOrigin"] = Origin,
                ["Avnera:KnownProxies"] = "127.0.0.0/8",
                ["Avnera:MigrateOnStartup"] = "false", // migrated by the fixture, before Orders "went down"
                ["Avnera:SeedDemoData"] = "false",
                ["ConnectionStrings:Orders"] = $"Host=127.0.0.1;Port=1;Database={HiddenDatabase};Username=nobody;Timeout=2",
            },
        };

        public Task InitializeAsync() => App.InitializeAsync();
        public Task DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>A request as the proxy forwards it: for the public host, over HTTPS at the edge.</summary>
    private static HttpRequestMessage Proxied(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "avnera.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    [Fact]
    public async Task Responses_CarryHsts_AndNoServerBanner()
    {
        using var client = fixture.App.CreateClient();
        using var request = Proxied(HttpMethod.Get, "login");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Readyz_WithADatabaseDown_SaysWhichOne_ButNotWhereItIsOrWhy()
    {
        using var client = fixture.App.CreateClient();
        using var request = Proxied(HttpMethod.Get, "readyz");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", json.RootElement.GetProperty("databases").GetProperty("master").GetString());
        Assert.Equal("unavailable", json.RootElement.GetProperty("databases").GetProperty("orders").GetString());
        foreach (var secret in new[] { HiddenDatabase, "127.0.0.1", "Port", "nobody", "refused", "Exception", fixture.App.MasterDatabase })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ResetLink_IsBuiltFromThePublicOrigin_EvenForAPlainHttpRequest()
    {
        var email = $"deployed-{Guid.NewGuid():N}"[..18] + "@example.com";
        await fixture.App.CreateConfirmedAccountAsync(email, "deployed password 1");
        // No X-Forwarded-Proto: the app sees a plain http request for avnera.test.
        using var curl = new FormClient(fixture.App.BaseUrl, host: "avnera.test");
        var response = await curl.PostFormAsync("/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(Origin + "/reset-password?user=", await Mailbox.LinkAsync(fixture.App.MailFolder, email, "/reset-password"));
    }
}
