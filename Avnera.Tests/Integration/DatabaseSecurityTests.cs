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
    }

    [Fact]
    public async Task AppRole_CannotChangeOrDeleteTheStockLedger()
    {
        var store = await TestData.CreateStoreAsync(db.Services);
        await using (var products = await db.Services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(store))
        {
            var product = new Avnera.Data.Products.Product { Slug = "ledger", Name = "Ledger", Price = 1 };
            var variant = new Avnera.Data.Products.ProductVariant { Sku = "LEDGER-1", Title = "One" };
            product.Variants.Add(variant);
            products.Products.Add(product);
            products.InventoryMovements.Add(variant.Receive(5));
            await products.SaveChangesAsync();
        }
        foreach (var sql in new[] { "update inventory_movements set quantity = 500", "delete from inventory_movements" })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => TestData.ExecuteAsync(db.App(db.ProductsDatabase), sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    [Fact]
    public async Task AppRole_CannotTouchTheMigrationHistory()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() =>
            TestData.ScalarAsync<long>(db.App(db.MasterDatabase), "select count(*) from __ef_migrations_master"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
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
