using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>The application role owns nothing, bypasses nothing, and cannot rewrite the ledgers.</summary>
public sealed class DatabaseSecurityTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    [Fact]
    public async Task AppRole_OwnsNoTable_AndIsNeitherSuperuserNorBypassRls()
    {
        foreach (var database in new[] { db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase })
        {
            Assert.Equal(0, await TestData.ScalarAsync<long>(db.Owner(database),
                "select count(*) from pg_tables where schemaname = 'public' and tableowner = $1", AvneraDatabases.AppRole));
            Assert.True(await TestData.ScalarAsync<long>(db.Owner(database),
                "select count(*) from pg_tables where schemaname = 'public' and tableowner = $1", AvneraDatabases.OwnerRole) > 5);
        }
        Assert.False(await TestData.ScalarAsync<bool>(db.Server.ConnectionString(), "select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles where rolname = $1", AvneraDatabases.AppRole));
        // It inherits nothing either: its privileges exist only inside a transaction that switched role.
        Assert.False(await TestData.ScalarAsync<bool>(db.Server.ConnectionString(), "select rolinherit from pg_roles where rolname = $1", AvneraDatabases.AppRole));
    }

    [Fact]
    public async Task AppRole_CannotChangeOrDeleteTheStockLedger()
    {
        var store = await TestData.CreateStoreAsync(db.Services);
        await using (var products = await db.Services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(store, DbPrincipal.Service))
        {
            var product = new Avnera.Data.Products.Product { Slug = "ledger", Name = "Ledger", Price = 1 };
            var variant = new Avnera.Data.Products.ProductVariant { Sku = "LEDGER-1", Title = "One" };
            product.Variants.Add(variant);
            products.Products.Add(product);
            products.InventoryMovements.Add(variant.Receive(5));
            await products.SaveChangesAsync();
        }
        // Not even as the platform (service_role), nor as the store's staff.
        var staff = DbPrincipal.Person(Guid.NewGuid()).AsStoreMember("owner", store);
        foreach (var principal in new[] { DbPrincipal.Service, staff })
        foreach (var sql in new[] { "update inventory_movements set quantity = 500", "delete from inventory_movements" })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(db.LoginFor(db.ProductsDatabase, principal), principal, store, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        Assert.Equal(1, await AsRole.CountAsync(db.Service(db.ProductsDatabase), DbPrincipal.Service, store, "select count(*) from inventory_movements where store_id = $1", store));
    }

    [Fact]
    public async Task AppRole_CannotTouchTheMigrationHistory()
    {
        foreach (var principal in new[] { DbPrincipal.Service, DbPrincipal.Person(Guid.NewGuid(), platformAdmin: true) })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() =>
                AsRole.CountAsync(db.App(db.MasterDatabase), principal, null, "select count(*) from __ef_migrations_master"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    [Fact]
    public async Task Migrating_AgainAppliesNothing()
    {
        var reports = await db.Services.GetRequiredService<DatabaseMigrator>().MigrateAllAsync();
        Assert.All(reports, r => Assert.True(r.Succeeded, r.Error));
        Assert.All(reports, r => Assert.Empty(r.Applied));
        Assert.Contains(reports, r => r.Context == "MasterDbContext");
        Assert.Contains(reports, r => r.Context == "ProductsDbContext");
        Assert.Contains(reports, r => r.Context == "OrdersDbContext");
    }
}
