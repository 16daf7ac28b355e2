using Avnera.Data.Security;
using Avnera.Data.Common;
using Avnera.Data.Products;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>No store ever sees or writes another's data, in a pooled database and in a dedicated one.</summary>
public sealed class TenantIsolationTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    private ITenantDbContextFactory Tenants => db.Services.GetRequiredService<ITenantDbContextFactory>();

    [Fact]
    public async Task TwoStoresInOnePooledDatabase_NeverSeeEachOthersRows()
    {
        var a = await TestData.CreateStoreAsync(db.Services);
        var b = await TestData.CreateStoreAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, a, "Alpha Lamp", "Alpha Mug");
        await TestData.AddProductsAsync(db.Services, b, "Beta Scarf");

        await using (var ctxA = await Tenants.CreateProductsAsync(a, DbPrincipal.Service))
        {
            Assert.Equal(["Alpha Lamp", "Alpha Mug"], await ctxA.Products.OrderBy(p => p.Name).Select(p => p.Name).ToListAsync());
            Assert.All(await ctxA.ProductVariants.ToListAsync(), v => Assert.Equal(a, v.StoreId));
            Assert.Equal(a, (await ctxA.Stores.SingleAsync()).Id);
        }
        await using (var ctxB = await Tenants.CreateProductsAsync(b, DbPrincipal.Service))
        {
            Assert.Equal(["Beta Scarf"], await ctxB.Products.Select(p => p.Name).ToListAsync());
            // Even a direct lookup of A's product by its key finds nothing through B's context.
            var alphaId = await TestData.ScalarAsync<Guid>(db.Inspect(db.ProductsDatabase), "select id from products where store_id = $1 limit 1", a);
            Assert.Null(await ctxB.Products.FirstOrDefaultAsync(p => p.Id == alphaId));
        }
        // Both stores really are in the same physical database.
        var stores = await TestData.ScalarAsync<long>(db.Inspect(db.ProductsDatabase),
            "select count(distinct store_id) from products where store_id = any($1)", new[] { a, b });
        Assert.Equal(2, stores);
    }

    [Fact]
    public async Task ContextOfStoreA_RefusesToWriteARowOfStoreB()
    {
        var a = await TestData.CreateStoreAsync(db.Services);
        var b = await TestData.CreateStoreAsync(db.Services);
        await using var ctxA = await Tenants.CreateProductsAsync(a, DbPrincipal.Service);
        ctxA.Products.Add(new Product { StoreId = b, Slug = "smuggled", Name = "Smuggled", Price = 1 });
        await Assert.ThrowsAsync<TenantMismatchException>(() => ctxA.SaveChangesAsync());
        Assert.Equal(0, await TestData.ScalarAsync<long>(db.Inspect(db.ProductsDatabase), "select count(*) from products where slug = 'smuggled'"));
    }

    [Fact]
    public async Task Database_RefusesARowThatPointsAtAnotherStoresRow()
    {
        var a = await TestData.CreateStoreAsync(db.Services);
        var b = await TestData.CreateStoreAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, a, "Alpha Only");
        var productOfA = await TestData.ScalarAsync<Guid>(db.Inspect(db.ProductsDatabase), "select id from products where store_id = $1", a);

        // Raw SQL as the application role acting as the platform (RLS lets it write anywhere), no EF in the
        // way: a variant of store B on store A's product.
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(db.Service(db.ProductsDatabase), DbPrincipal.Service, b,
            "insert into product_variants (id, store_id, product_id, sku, title, stock_on_hand, stock_reserved, position, is_active, created_at, updated_at) " +
            "values (gen_random_uuid(), $1, $2, 'X-1', 'x', 1, 0, 0, true, now(), now())", b, productOfA));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }

    [Fact]
    public async Task StoreInADedicatedDatabase_WorksTheSame_AndKeepsItsDataThere()
    {
        // One database holding both the Products and the Orders tables of the store: the two must not clash.
        var dedicatedDb = await db.CreateEmptyDatabaseAsync("avnera_dedicated");
        var dedicated = new DedicatedDatabase(db.App(dedicatedDb), db.App(dedicatedDb), db.Service(dedicatedDb), db.Service(dedicatedDb), db.Inspect(dedicatedDb), db.Inspect(dedicatedDb));
        var own = await TestData.CreateStoreAsync(db.Services, dedicated: dedicated);
        var pooled = await TestData.CreateStoreAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, own, "Own Vase");
        await TestData.AddProductsAsync(db.Services, pooled, "Pooled Vase");

        await using (var ctx = await Tenants.CreateProductsAsync(own, DbPrincipal.Service))
        {
            Assert.Equal(["Own Vase"], await ctx.Products.Select(p => p.Name).ToListAsync());
            Assert.Equal(dedicatedDb, new NpgsqlConnectionStringBuilder(ctx.Database.GetConnectionString()).Database);
        }
        await using (var orders = await Tenants.CreateOrdersAsync(own, DbPrincipal.Service))
            Assert.Equal(own, (await orders.Stores.SingleAsync()).Id);

        Assert.Equal(1, await TestData.ScalarAsync<long>(db.Inspect(dedicatedDb), "select count(*) from products"));
        Assert.Equal(0, await TestData.ScalarAsync<long>(db.Inspect(db.ProductsDatabase), "select count(*) from products where store_id = $1", own));
        Assert.Equal(0, await TestData.ScalarAsync<long>(db.Inspect(dedicatedDb), "select count(*) from products where store_id = $1", pooled));
    }

    [Fact]
    public async Task PooledContextReturnedByStoreA_IsNeverReusedWithStoreAsConnectionOrBinding()
    {
        var dedicatedDb = await db.CreateEmptyDatabaseAsync("avnera_dedicated");
        var a = await TestData.CreateStoreAsync(db.Services,
            dedicated: new DedicatedDatabase(db.App(dedicatedDb), db.App(dedicatedDb), db.Service(dedicatedDb), db.Service(dedicatedDb), db.Inspect(dedicatedDb), db.Inspect(dedicatedDb)));
        var b = await TestData.CreateStoreAsync(db.Services);
        var c = await TestData.CreateStoreAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, a, "A1");
        await TestData.AddProductsAsync(db.Services, b, "B1");
        await TestData.AddProductsAsync(db.Services, c, "C1");

        // A (dedicated database) then B (pooled database): B must get the pooled database.
        var ctxA = await Tenants.CreateProductsAsync(a, DbPrincipal.Service);
        Assert.Equal(["A1"], await ctxA.Products.Select(p => p.Name).ToListAsync());
        await ctxA.DisposeAsync();
        Assert.False(ctxA.IsBound); // a returned context keeps no store
        await using (var ctxB = await Tenants.CreateProductsAsync(b, DbPrincipal.Service))
        {
            Assert.Equal(b, ctxB.CurrentStoreId);
            Assert.Equal(db.ProductsDatabase, new NpgsqlConnectionStringBuilder(ctxB.Database.GetConnectionString()).Database);
            Assert.Equal(["B1"], await ctxB.Products.Select(p => p.Name).ToListAsync());
        }

        // B then C, both pooled: the same pooled instance comes back, bound to C, showing only C's rows.
        var first = await Tenants.CreateProductsAsync(b, DbPrincipal.Service);
        await first.Products.CountAsync();
        await first.DisposeAsync();
        await using var second = await Tenants.CreateProductsAsync(c, DbPrincipal.Service);
        Assert.Same(first, second); // proves the pool really reused the instance
        Assert.Equal(c, second.CurrentStoreId);
        Assert.Equal(["C1"], await second.Products.Select(p => p.Name).ToListAsync());
    }

    [Fact]
    public async Task ADisposedContext_FailsClosed()
    {
        var a = await TestData.CreateStoreAsync(db.Services);
        var ctx = await Tenants.CreateProductsAsync(a, DbPrincipal.Service);
        await ctx.DisposeAsync();
        Assert.Throws<InvalidOperationException>(() => ctx.CurrentStoreId);
    }

    [Fact]
    public async Task OnePhysicalDatabase_HasOneConnectionPool_WhateverTheNumberOfStores()
    {
        var sources = db.Services.GetRequiredService<TenantDataSources>();
        for (var i = 0; i < 3; i++)
        {
            var store = await TestData.CreateStoreAsync(db.Services);
            await using var p = await Tenants.CreateProductsAsync(store, DbPrincipal.Service);
            await using var o = await Tenants.CreateOrdersAsync(store, DbPrincipal.Service);
            await p.Products.CountAsync();
            await o.Orders.CountAsync();
        }
        var pooled = new[] { db.App(db.ProductsDatabase), db.App(db.OrdersDatabase) }.Select(sources.Get).ToList();
        var before = sources.Count;
        var again = await TestData.CreateStoreAsync(db.Services);
        await using (var p = await Tenants.CreateProductsAsync(again, DbPrincipal.Service)) await p.Products.CountAsync();
        Assert.Equal(before, sources.Count); // a new pooled store opens no new pool
        Assert.Same(pooled[0], sources.Get(db.App(db.ProductsDatabase)));
    }
}
