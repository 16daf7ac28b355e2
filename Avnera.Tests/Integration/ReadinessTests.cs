using System.Net;
using System.Text.Json;
using Avnera.Data;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Features.Demo;
using Avnera.Web.Health;

namespace Avnera.Tests.Integration;

[Collection(E2ECollection.Name)]
public sealed class ReadinessTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task Readyz_ForAnyone_SaysOnlyWhetherEachDatabaseIsUp()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var databases = json.RootElement.GetProperty("databases");
        Assert.Equal(["master", "products", "orders"], databases.EnumerateObject().Select(p => p.Name));
        Assert.All(databases.EnumerateObject(), p => Assert.Equal("ok", p.Value.GetString()));
        // Where the databases live is not for the public: no host, port or database name.
        Assert.DoesNotContain(fixture.App.MasterDatabase, body);
        Assert.DoesNotContain(fixture.App.Server.Port.ToString(), body);
        Assert.DoesNotContain("127.0.0.1", body);
    }

    [Fact]
    public async Task Readyz_ForAPlatformAdmin_NamesEachDatabaseAndItsLatency()
    {
        using var admin = new FormClient(fixture.App.BaseUrl);
        await admin.SignInAsync(DemoSeeder.Logins.Admin, DemoSeeder.Logins.Password);
        var body = await admin.Http.GetStringAsync("readyz");
        using var json = JsonDocument.Parse(body);
        var master = json.RootElement.GetProperty("databases").GetProperty("master");
        Assert.Equal("ok", master.GetProperty("status").GetString());
        Assert.EndsWith("/" + fixture.App.MasterDatabase, master.GetProperty("database").GetString());
        Assert.True(master.GetProperty("latencyMs").GetDouble() >= 0);
        Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);

        using var shopper = new FormClient(fixture.App.BaseUrl);
        await shopper.SignInAsync(DemoSeeder.Logins.Shopper, DemoSeeder.Logins.Password);
        Assert.DoesNotContain(fixture.App.MasterDatabase, await shopper.Http.GetStringAsync("readyz"));
    }

    [Fact]
    public async Task Healthz_AnswersWithoutTouchingADatabase()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Probe_NamesTheDatabaseThatIsDown()
    {
        var up = fixture.App.Configuration();
        var probe = new ReadinessProbe(new AvneraDataOptions(up["ConnectionStrings:Master"]!, up["ConnectionStrings:Products"]!,
            "Host=127.0.0.1;Port=1;Database=avnera_orders;Username=nobody;Timeout=2",
            up["ConnectionStrings:MasterService"]!, up["ConnectionStrings:ProductsService"]!, up["ConnectionStrings:OrdersService"]!, null, null, null));
        var result = await probe.CheckAsync(CancellationToken.None);
        Assert.Equal("ok", result["master"].Status);
        Assert.Equal("ok", result["products"].Status);
        Assert.Equal("unavailable", result["orders"].Status);
        Assert.NotNull(result["orders"].Error);
    }
}
