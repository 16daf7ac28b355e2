using Avnera.Data.Tenancy;

namespace Avnera.Tests.Unit;

public class TenantDataSourcesTests
{
    [Fact]
    public async Task Get_SameDatabaseWrittenDifferently_SharesOnePool()
    {
        await using var sources = new TenantDataSources();

        var first = sources.Get("Host=127.0.0.1;Port=5432;Database=a;Username=u");
        var reordered = sources.Get("Username=u;Database=a;Host=127.0.0.1;Port=5432");
        var otherCase = sources.Get("host=127.0.0.1;PORT=5432;DATABASE=a;username=u");
        var alias = sources.Get("Server=127.0.0.1;Port=5432;Database=a;User Id=u");

        Assert.Same(first, reordered);
        Assert.Same(first, otherCase);
        Assert.Same(first, alias);
        Assert.Equal(1, sources.Count);
    }

    [Fact]
    public async Task Get_EmptyValuesAndSpacing_DoNotCreateAnotherPool()
    {
        await using var sources = new TenantDataSources();

        var first = sources.Get("Host=127.0.0.1;Port=5432;Database=a;Username=u");
        var spaced = sources.Get(" Host = 127.0.0.1 ; Port = 5432 ; Database = a ; Username = u ; ");

        Assert.Same(first, spaced);
        Assert.Equal(1, sources.Count);
    }

    [Fact]
    public async Task Get_AnotherDatabase_GetsItsOwnPool()
    {
        await using var sources = new TenantDataSources();

        var a = sources.Get("Host=127.0.0.1;Port=5432;Database=a;Username=u");
        var b = sources.Get("Host=127.0.0.1;Port=5432;Database=b;Username=u");

        Assert.NotSame(a, b);
        Assert.Equal(2, sources.Count);
    }

    [Theory]
    [InlineData("Host=127.0.0.2;Port=5432;Database=a;Username=u")]
    [InlineData("Host=127.0.0.1;Port=5433;Database=a;Username=u")]
    [InlineData("Host=127.0.0.1;Port=5432;Database=a;Username=v")]
    public async Task Get_AnotherServerPortOrUser_GetsItsOwnPool(string other)
    {
        await using var sources = new TenantDataSources();

        var a = sources.Get("Host=127.0.0.1;Port=5432;Database=a;Username=u");

        Assert.NotSame(a, sources.Get(other));
        Assert.Equal(2, sources.Count);
    }

    [Fact]
    public async Task Count_ManyStoresOnTwoDatabases_CountsDatabases()
    {
        await using var sources = new TenantDataSources();

        for (var i = 0; i < 5; i++)
        {
            sources.Get("Host=127.0.0.1;Port=5432;Database=pooled;Username=u");
            sources.Get("Username=u;Host=127.0.0.1;Database=other;Port=5432");
        }

        Assert.Equal(2, sources.Count);
    }

    [Fact]
    public async Task Get_DataSourceOfPool_PointsAtThatDatabase()
    {
        await using var sources = new TenantDataSources();

        var db = sources.Get("Username=u;Database=shop_7;Host=127.0.0.1;Port=5432");

        Assert.Contains("Database=shop_7", db.DataSource.ConnectionString);
    }

    [Fact]
    public async Task DisposeAsync_ForgetsAllPools()
    {
        var sources = new TenantDataSources();
        sources.Get("Host=127.0.0.1;Port=5432;Database=a;Username=u");

        await sources.DisposeAsync();

        Assert.Equal(0, sources.Count);
    }
}
