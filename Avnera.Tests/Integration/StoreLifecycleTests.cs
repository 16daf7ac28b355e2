using Avnera.Data.Security;
using Avnera.Data.Master;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>Unknown, suspended and deleted stores give a specific error, never data; provisioning converges.</summary>
public sealed class StoreLifecycleTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    private ITenantDbContextFactory Tenants => db.Services.GetRequiredService<ITenantDbContextFactory>();

    [Fact]
    public async Task UnknownStore_ThrowsStoreNotFound()
    {
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Tenants.CreateProductsAsync(Guid.NewGuid(), DbPrincipal.Service));
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Tenants.CreateOrdersAsync(Guid.NewGuid(), DbPrincipal.Service, TenantAccess.Maintenance));
    }

    [Fact]
    public async Task SuspendedStore_IsUnavailableToShoppers_ButReachableByJobs()
    {
        var store = await TestData.CreateStoreAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, store, "Kept");
        await TestData.SetStatusAsync(db.Services, store, StoreStatus.Suspended);

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => Tenants.CreateProductsAsync(store, DbPrincipal.Service));
        Assert.Equal(StoreStatus.Suspended, ex.Status);
        await using var maintenance = await Tenants.CreateProductsAsync(store, DbPrincipal.Service, TenantAccess.Maintenance);
        Assert.Equal(1, await maintenance.Products.CountAsync());
    }

    [Fact]
    public async Task DeletedStore_IsNotFound_EvenForJobs()
    {
        var store = await TestData.CreateStoreAsync(db.Services);
        await TestData.SetStatusAsync(db.Services, store, StoreStatus.Deleted);
        await Assert.ThrowsAsync<StoreNotFoundException>(() => Tenants.CreateProductsAsync(store, DbPrincipal.Service, TenantAccess.Maintenance));
    }

    [Fact]
    public async Task StoreSwitchedOffByOperator_IsUnavailable()
    {
        var store = await TestData.CreateStoreAsync(db.Services);
        await TestData.ChangeStoreAsync(db.Services, store, (s, now) => s.SwitchOff(now));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Tenants.CreateOrdersAsync(store, DbPrincipal.Service));
    }

    [Fact]
    public async Task Provisioning_IsIdempotent_AndCreatesTheTenantRowsWithTheSameId()
    {
        var owner = await TestData.CreateUserAsync(db.Services);
        var provisioner = db.Services.GetRequiredService<StoreProvisioner>();
        var request = new NewStore(owner, "twice-" + Guid.NewGuid().ToString("N")[..8], "Twice", "twice@example.com");
        var first = await provisioner.ProvisionAsync(request);
        var second = await provisioner.ProvisionAsync(request);
        Assert.Equal(first, second);

        Assert.Equal("active", await TestData.ScalarAsync<string>(db.Inspect(db.MasterDatabase), "select status from stores where id = $1", first));
        Assert.Equal(1, await TestData.ScalarAsync<long>(db.Inspect(db.ProductsDatabase), "select count(*) from stores where id = $1", first));
        Assert.Equal(1, await TestData.ScalarAsync<long>(db.Inspect(db.OrdersDatabase), "select count(*) from tenant_stores where id = $1", first));
        Assert.Equal("owner", await TestData.ScalarAsync<string>(db.Inspect(db.MasterDatabase),
            "select role from store_members where store_id = $1 and user_id = $2", first, owner));
    }

    [Fact]
    public async Task TakenSlug_IsRefusedToAnotherOwner_WithAClearMessage()
    {
        var slug = "taken-" + Guid.NewGuid().ToString("N")[..8];
        await TestData.CreateStoreAsync(db.Services, slug);
        var ex = await Assert.ThrowsAsync<SlugTakenException>(() => TestData.CreateStoreAsync(db.Services, slug));
        Assert.Contains(slug, ex.Message);
    }

    [Theory]
    [InlineData("Bad Slug")]
    [InlineData("-edge")]
    [InlineData("")]
    public async Task InvalidSlug_IsRefusedBeforeAnythingIsWritten(string slug)
    {
        var owner = await TestData.CreateUserAsync(db.Services);
        await Assert.ThrowsAsync<ArgumentException>(() => db.Services.GetRequiredService<StoreProvisioner>()
            .ProvisionAsync(new NewStore(owner, slug, "Bad", "bad@example.com")));
        Assert.Equal(0, await TestData.ScalarAsync<long>(db.Inspect(db.MasterDatabase), "select count(*) from stores where owner_user_id = $1", owner));
    }

    [Fact]
    public async Task StoreDatabases_HoldOnlyCiphertext_BoundToTheirStore()
    {
        var a = await TestData.CreateStoreAsync(db.Services);
        var b = await TestData.CreateStoreAsync(db.Services);
        var cipher = await TestData.ScalarAsync<string>(db.Inspect(db.MasterDatabase), "select products_connection from store_databases where store_id = $1", a);
        Assert.StartsWith("v1:", cipher);
        Assert.DoesNotContain("Host=", cipher);
        Assert.DoesNotContain(db.ProductsDatabase, cipher);

        // A ciphertext copied onto another store's row does not decrypt: the registration fails, no data leaks.
        await TestData.ExecuteAsync(db.Inspect(db.MasterDatabase), "update store_databases set products_connection = $1 where store_id = $2", cipher!, b);
        db.Services.GetRequiredService<StoreRegistry>().Invalidate(b);
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Tenants.CreateProductsAsync(b, DbPrincipal.Service));

        // And the database itself refuses a plain connection string.
        var ex = await Assert.ThrowsAsync<PostgresException>(() => TestData.ExecuteAsync(db.Inspect(db.MasterDatabase),
            "update store_databases set orders_connection = 'Host=evil;Database=x' where store_id = $1", a));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
    }
}
