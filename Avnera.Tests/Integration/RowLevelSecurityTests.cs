using Avnera.Data.Master;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// Isolation enforced by PostgreSQL itself. Every check here is raw SQL as the application's login role
/// (<see cref="AsRole"/>): no EF, no query filter, only grants and Row Level Security policies.
/// Two stores, A and B, each with its owner; two shoppers with addresses and orders in store A (and one in B).
/// </summary>
public sealed class RowLevelSecurityTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>, IAsyncLifetime
{
    private Guid _storeA, _storeB, _ownerA, _ownerB, _alice, _bob, _aliceOrderA, _bobOrderA, _orderB;

    private string Master => db.App(db.MasterDatabase);
    private string Products => db.App(db.ProductsDatabase);
    private string Orders => db.App(db.OrdersDatabase);

    public async Task InitializeAsync()
    {
        _storeA = await TestData.CreateStoreAsync(db.Services);
        _storeB = await TestData.CreateStoreAsync(db.Services);
        _ownerA = await OwnerOf(_storeA);
        _ownerB = await OwnerOf(_storeB);
        _alice = await TestData.CreateUserAsync(db.Services);
        _bob = await TestData.CreateUserAsync(db.Services);
        foreach (var (user, city) in new[] { (_alice, "Lyon"), (_bob, "Oslo") })
            await TestData.ExecuteAsync(db.Inspect(db.MasterDatabase),
                "insert into user_addresses (id, user_id, recipient_name, line1, city, postal_code, country_code, is_default_shipping, is_default_billing, created_at) " +
                "values (gen_random_uuid(), $1, 'R', '1 Main St', $2, '1000', 'FR', false, false, now())", user, city);

        await TestData.AddProductsAsync(db.Services, _storeA, "Published Lamp");
        await TestData.AddProductsAsync(db.Services, _storeB, "Published Chair");
        await using (var products = await db.Services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(_storeA, DbPrincipal.Service))
        {
            var draft = new Product { Slug = "secret-draft", Name = "Secret Draft", Price = 99 };
            draft.Variants.Add(new ProductVariant { Sku = "DRAFT-" + Guid.NewGuid().ToString("N")[..8], Title = "Default", StockOnHand = 1 });
            products.Products.Add(draft);
            await products.SaveChangesAsync();
        }

        _aliceOrderA = await AddOrderAsync(_storeA, _alice, 1);
        _bobOrderA = await AddOrderAsync(_storeA, _bob, 2);
        _orderB = await AddOrderAsync(_storeB, _alice, 1);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EveryTable_HasRowLevelSecurityEnabledAndForced_WithPolicies()
    {
        foreach (var database in new[] { db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase })
        {
            var unprotected = await TestData.ScalarAsync<string>(db.Inspect(database), """
                select string_agg(c.relname, ', ') from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '\_\_ef%'
                  and (not c.relrowsecurity or not c.relforcerowsecurity
                       or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                """);
            Assert.True(unprotected is null, $"{database}: tables without forced RLS or without policies: {unprotected}");
        }
    }

    [Fact]
    public async Task AppRole_WithoutSwitchingRole_CanReadNothing()
    {
        // The login role inherits nothing: outside a unit of work that set a role, every table is closed.
        foreach (var (database, table) in new[] { (db.MasterDatabase, "users"), (db.ProductsDatabase, "products"), (db.OrdersDatabase, "orders") })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => TestData.ScalarAsync<long>(db.App(database), $"select count(*) from {table}"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    [Fact]
    public async Task Person_ReadsAndChangesOnlyTheirOwnRows()
    {
        var alice = DbPrincipal.Person(_alice);
        Assert.Equal(1, await AsRole.CountAsync(Master, alice, null, "select count(*) from user_addresses"));
        Assert.Equal(0, await AsRole.CountAsync(Master, alice, null, "select count(*) from user_addresses where user_id = $1", _bob));
        Assert.Equal(1, await AsRole.CountAsync(Master, alice, null, "select count(*) from users"));
        Assert.Equal(0, await AsRole.CountAsync(Master, alice, null, "select count(*) from users where id = $1", _bob));

        // Bob's rows cannot be changed or removed: they are not there for Alice.
        Assert.Equal(0, await AsRole.ExecuteAsync(Master, alice, null, "update user_addresses set city = 'Hacked' where user_id = $1", _bob));
        Assert.Equal(0, await AsRole.ExecuteAsync(Master, alice, null, "delete from user_addresses where user_id = $1", _bob));
        Assert.Equal(0, await AsRole.ExecuteAsync(Master, alice, null, "update users set display_name = 'Hacked' where id = $1", _bob));
        // Nor can Alice write a row in Bob's name.
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Master, alice, null,
            "insert into user_addresses (id, user_id, recipient_name, line1, city, postal_code, country_code, is_default_shipping, is_default_billing, created_at) " +
            "values (gen_random_uuid(), $1, 'R', 'x', 'x', '1', 'FR', false, false, now())", _bob));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState); // 42501: new row violates row-level security policy
        // Nor move her own row to Bob.
        await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Master, alice, null,
            "update user_addresses set user_id = $1 where user_id = $2", _bob, _alice));

        Assert.Equal("Oslo", await TestData.ScalarAsync<string>(db.Inspect(db.MasterDatabase), "select city from user_addresses where user_id = $1", _bob));
        // Her own row she can change.
        Assert.Equal(1, await AsRole.ExecuteAsync(Master, alice, null, "update user_addresses set city = 'Lyon 2' where user_id = $1", _alice));
    }

    [Fact]
    public async Task Person_SeesOnlyTheirOwnStores_AndNeverTheirCredentials()
    {
        var ownerA = DbPrincipal.Person(_ownerA);
        Assert.Equal(1, await AsRole.CountAsync(Master, ownerA, null, "select count(*) from stores where id = $1", _storeA));
        Assert.Equal(0, await AsRole.CountAsync(Master, ownerA, null, "select count(*) from stores where id = $1", _storeB));
        Assert.Equal(0, await AsRole.CountAsync(Master, ownerA, null, "select count(*) from store_databases"));
        Assert.Equal(0, await AsRole.CountAsync(Master, DbPrincipal.Person(_alice), null, "select count(*) from stores"));
        var admin = DbPrincipal.Person(Guid.NewGuid(), platformAdmin: true);
        Assert.True(await AsRole.CountAsync(Master, admin, null, "select count(*) from stores") >= 2);
        // Anonymous visitors have nothing at all in Master.
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.CountAsync(Master, DbPrincipal.Anonymous, null, "select count(*) from stores"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task StaffOfStoreA_CannotReadOrChangeStoreBsOrders()
    {
        var staffA = DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA);
        Assert.Equal(2, await AsRole.CountAsync(Orders, staffA, _storeA, "select count(*) from orders"));
        Assert.Equal(0, await AsRole.CountAsync(Orders, staffA, _storeA, "select count(*) from orders where store_id = $1", _storeB));
        Assert.Equal(0, await AsRole.CountAsync(Orders, staffA, _storeA, "select count(*) from customers where store_id = $1", _storeB));
        Assert.Equal(0, await AsRole.ExecuteAsync(Orders, staffA, _storeA, "update orders set notes = 'seen' where id = $1", _orderB));
        // Writing a row into store B from store A's unit of work is refused too.
        await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Orders, staffA, _storeA,
            "update orders set store_id = $1 where id = $2", _storeB, _aliceOrderA));

        // The owner of B, working in B, sees B's order and none of A's.
        var staffB = DbPrincipal.Person(_ownerB).AsStoreMember("owner", _storeB);
        Assert.Equal(1, await AsRole.CountAsync(Orders, staffB, _storeB, "select count(*) from orders"));
        // Being owner somewhere is not a pass elsewhere: the owner of B pointed at A (no membership) sees nothing.
        Assert.Equal(0, await AsRole.CountAsync(Orders, DbPrincipal.Person(_ownerB), _storeA, "select count(*) from orders"));
        Assert.Null(await TestData.ScalarAsync<string>(db.Inspect(db.OrdersDatabase), "select notes from orders where id = $1", _orderB));
    }

    [Fact]
    public async Task Customer_SeesOnlyTheirOwnOrders_AndCannotEditThem()
    {
        var alice = DbPrincipal.Person(_alice);
        Assert.Equal(_aliceOrderA, await AsRole.ScalarAsync<Guid>(Orders, alice, _storeA, "select id from orders"));
        Assert.Equal(0, await AsRole.CountAsync(Orders, alice, _storeA, "select count(*) from orders where id = $1", _bobOrderA));
        // Her order in store B is not visible while she is in store A.
        Assert.Equal(0, await AsRole.CountAsync(Orders, alice, _storeA, "select count(*) from orders where id = $1", _orderB));
        Assert.Equal(0, await AsRole.ExecuteAsync(Orders, alice, _storeA, "update orders set grand_total = 0 where id = $1", _aliceOrderA));
        Assert.Equal(0, await AsRole.ExecuteAsync(Orders, alice, _storeA, "delete from orders where id = $1", _bobOrderA));
        // Visitors get nothing in Orders.
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.CountAsync(Orders, DbPrincipal.Anonymous, _storeA, "select count(*) from orders"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task Anonymous_ReadsOnlyThePublishedCatalogOfItsStore()
    {
        var anon = DbPrincipal.Anonymous;
        Assert.Equal("Published Lamp", await AsRole.ScalarAsync<string>(Products, anon, _storeA, "select string_agg(name, ',') from products"));
        Assert.Equal(0, await AsRole.CountAsync(Products, anon, _storeA, "select count(*) from products where slug = 'secret-draft'"));
        Assert.Equal(1, await AsRole.CountAsync(Products, anon, _storeA, "select count(*) from product_variants"));
        Assert.Equal(0, await AsRole.CountAsync(Products, anon, _storeA, "select count(*) from products where store_id = $1", _storeB));
        Assert.Equal(0, await AsRole.CountAsync(Products, anon, null, "select count(*) from products"));
        var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Products, anon, _storeA, "update products set price = 0"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.CountAsync(Products, anon, _storeA, "select count(*) from inventory_movements"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);

        // A signed-in shopper sees the same; the store's staff see the draft.
        Assert.Equal(0, await AsRole.CountAsync(Products, DbPrincipal.Person(_alice), _storeA, "select count(*) from products where slug = 'secret-draft'"));
        Assert.Equal(1, await AsRole.CountAsync(Products, DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA), _storeA, "select count(*) from products where slug = 'secret-draft'"));
        Assert.Equal(0, await AsRole.ExecuteAsync(Products, DbPrincipal.Person(_alice), _storeA, "update products set price = 0"));
    }

    [Fact]
    public async Task Carts_AndWishlists_BelongToTheirHolder()
    {
        var token = "cart-" + Guid.NewGuid().ToString("N");
        var visitor = DbPrincipal.Anonymous.WithCartToken(token);
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, visitor, _storeA,
            "insert into shopping_cart (id, store_id, anonymous_token, currency, created_at, updated_at, expires_at) values (gen_random_uuid(), $1, $2, 'EUR', now(), now(), now() + interval '1 day')",
            _storeA, token));
        Assert.Equal(1, await AsRole.CountAsync(Products, visitor, _storeA, "select count(*) from shopping_cart"));
        Assert.Equal(0, await AsRole.CountAsync(Products, DbPrincipal.Anonymous.WithCartToken("someone-else"), _storeA, "select count(*) from shopping_cart"));
        Assert.Equal(0, await AsRole.CountAsync(Products, DbPrincipal.Anonymous, _storeA, "select count(*) from shopping_cart"));
        // A visitor cannot plant a cart with someone else's token.
        await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Products, visitor, _storeA,
            "insert into shopping_cart (id, store_id, anonymous_token, currency, created_at, updated_at, expires_at) values (gen_random_uuid(), $1, 'other', 'EUR', now(), now(), now())", _storeA));

        var product = await TestData.ScalarAsync<Guid>(db.Inspect(db.ProductsDatabase), "select id from products where store_id = $1 and slug = 'published-lamp'", _storeA);
        var alice = DbPrincipal.Person(_alice);
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, alice, _storeA,
            "insert into wishlists (id, store_id, user_id, product_id, created_at) values (gen_random_uuid(), $1, $2, $3, now())", _storeA, _alice, product));
        Assert.Equal(1, await AsRole.CountAsync(Products, alice, _storeA, "select count(*) from wishlists"));
        Assert.Equal(0, await AsRole.CountAsync(Products, DbPrincipal.Person(_bob), _storeA, "select count(*) from wishlists"));
        await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Products, DbPrincipal.Person(_bob), _storeA,
            "insert into wishlists (id, store_id, user_id, product_id, created_at) values (gen_random_uuid(), $1, $2, $3, now())", _storeA, _alice, product));
    }

    [Fact]
    public async Task Contexts_RunAsTheirPrincipal_EvenWhenTheEfFilterIsIgnored()
    {
        var tenants = db.Services.GetRequiredService<ITenantDbContextFactory>();
        await using (var anon = await tenants.CreateProductsAsync(_storeA, DbPrincipal.Anonymous))
        {
            // IgnoreQueryFilters drops the EF store filter; RLS still shows one store's published rows only.
            Assert.Equal(["Published Lamp"], await anon.Products.IgnoreQueryFilters().Select(p => p.Name).ToListAsync());
        }
        await using (var staff = await tenants.CreateProductsAsync(_storeA, DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA)))
        {
            Assert.Equal(2, await staff.Products.IgnoreQueryFilters().CountAsync());
        }

        var master = db.Services.GetRequiredService<IDbContextFactory<MasterDbContext>>();
        await using (var alice = await master.CreateAsync(DbPrincipal.Person(_alice)))
        {
            Assert.Equal(["Lyon"], await alice.UserAddresses.Select(a => a.City).ToListAsync());
            // A write outside any explicit transaction runs in one of its own, as her, and is committed.
            Assert.Equal(1, await alice.UserAddresses.Where(a => a.UserId == _alice).ExecuteUpdateAsync(a => a.SetProperty(x => x.City, "Lyon 3")));
            Assert.Equal(0, await alice.UserAddresses.IgnoreQueryFilters().Where(a => a.UserId == _bob).ExecuteDeleteAsync());
        }
        Assert.Equal("Lyon 3", await TestData.ScalarAsync<string>(db.Inspect(db.MasterDatabase), "select city from user_addresses where user_id = $1", _alice));

        // A context nobody said who it acts for can do nothing at all.
        await using var nobody = await master.CreateDbContextAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => nobody.Users.CountAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    private async Task<Guid> OwnerOf(Guid store) =>
        await TestData.ScalarAsync<Guid>(db.Inspect(db.MasterDatabase), "select owner_user_id from stores where id = $1", store);

    private async Task<Guid> AddOrderAsync(Guid store, Guid user, int number)
    {
        var customer = Guid.NewGuid();
        var order = Guid.NewGuid();
        await TestData.ExecuteAsync(db.Inspect(db.OrdersDatabase),
            "insert into customers (id, store_id, user_id, email, accepts_marketing, is_guest, created_at, updated_at) values ($1, $2, $3, 'c@example.com', false, false, now(), now())",
            customer, store, user);
        await TestData.ExecuteAsync(db.Inspect(db.OrdersDatabase),
            "insert into orders (id, store_id, number, customer_id, user_id, email, status, currency, subtotal, discount_total, shipping_total, tax_total, grand_total, idempotency_key, placed_at, created_at, updated_at) " +
            "values ($1, $2, $3, $4, $5, 'c@example.com', 'paid', 'EUR', 10, 0, 0, 0, 10, $6, now(), now(), now())",
            order, store, (long)number, customer, user, Guid.NewGuid().ToString());
        return order;
    }
}
