using System.Net;
using System.Text.Json;
using Avnera.Data;
using Avnera.Tests.Infrastructure;
using Avnera.Web.Health;

namespace Avnera.Tests.Integration;

[Collection(E2ECollection.Name)]
public sealed class ReadinessTests(AppAndBrowser fixture)
{
    [Fact]
    public async Task Readyz_ReportsEachOfTheThreeDatabases()
    {
        using var client = fixture.App.CreateClient();
        var response = await client.GetAsync("readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var databases = json.RootElement.GetProperty("databases");
        foreach (var name in new[] { "master", "products", "orders" })
            Assert.Equal("ok", databases.GetProperty(name).GetProperty("status").GetString());
        Assert.DoesNotContain("Password", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
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
