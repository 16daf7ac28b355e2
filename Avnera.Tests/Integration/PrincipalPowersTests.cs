using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// SQL inside a request can do no more than that request's principal (issue 9, section 2; decision 0008).
/// Raw SQL on the request login, set up exactly as the app sets up a unit of work, then doing what an
/// injected statement would try. Two stores, A and B, each with its owner and a product.
/// </summary>
public sealed class PrincipalPowersTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>, IAsyncLifetime
{
    private Guid _storeA, _storeB, _ownerA, _shopper;

    private string Master => db.App(db.MasterDatabase);
    private string Products => db.App(db.ProductsDatabase);
    private string Orders => db.App(db.OrdersDatabase);

    public async Task InitializeAsync()
    {
        _storeA = await TestData.CreateStoreAsync(db.Services);
        _storeB = await TestData.CreateStoreAsync(db.Services);
        _ownerA = await TestData.ScalarAsync<Guid>(db.Inspect(db.MasterDatabase), "select owner_user_id from stores where id = $1", _storeA);
        _shopper = await TestData.CreateUserAsync(db.Services);
        await TestData.AddProductsAsync(db.Services, _storeA, "Lamp A");
        await TestData.AddProductsAsync(db.Services, _storeB, "Chair B");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StaffPowers_HoldOnlyInTheStoreTheClaimsName()
    {
        var ownerOfA = DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA);
        Assert.Equal(1, await AsRole.CountAsync(Products, ownerOfA, _storeA, "select count(*) from products"));
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, ownerOfA, _storeA, "update products set price = 11"));

        // The same signed claims, with the unit of work bound to store B: nothing of B, as staff or storefront.
        Assert.Equal(0, await AsRole.ExecuteAsync(Products, ownerOfA, _storeB, "update products set price = 0.01"));
        Assert.Equal(0, await AsRole.ExecuteAsync(Products, ownerOfA, _storeB, "update stores set name = 'mine'"));
        foreach (var table in new[] { "inventory_movements", "search_terms", "cms_pages" })
            Assert.Equal(0, await AsRole.CountAsync(Products, ownerOfA, _storeB, $"select count(*) from {table}"));
        foreach (var table in new[] { "tenant_stores", "orders", "customers", "coupons", "email_templates" })
            Assert.Equal(0, await AsRole.CountAsync(Orders, ownerOfA, _storeB, $"select count(*) from {table}"));
        Assert.Equal(10m, await TestData.ScalarAsync<decimal>(db.Inspect(db.ProductsDatabase), "select price from products where store_id = $1", _storeB));
    }

    [Fact]
    public async Task AShopper_CannotClaimAStoreRole()
    {
        var shopper = DbPrincipal.Person(_shopper);
        // An injected statement adds the owner role to the shopper's claims: the claims are then no one's.
        await AsRole.UnitAsync(Products, shopper, _storeA, async unit =>
        {
            await unit.ExecuteAsync("select set_config('request.jwt.claims', $1, true)",
                $$"""{"sub":"{{_shopper}}","role":"authenticated","store_role":"owner","store_id":"{{_storeA}}"}""");
            Assert.Equal(0, await unit.ExecuteAsync("update products set price = 0.01"));
        });
        // Even claims the app itself signed with a store role but no store are not a staff pass.
        await AsRole.UnitWithClaimsAsync(Products, "authenticated", $$"""{"sub":"{{_shopper}}","role":"authenticated","store_role":"owner"}""", _storeA,
            async unit => Assert.Equal(0, await unit.ExecuteAsync("update products set price = 0.01")));
        Assert.Equal(10m, await TestData.ScalarAsync<decimal>(db.Inspect(db.ProductsDatabase), "select price from products where store_id = $1", _storeA));
    }

    [Fact]
    public async Task APerson_EditsTheirProfile_ButNotTheirEmailOrPlatformAdminFlag()
    {
        var me = DbPrincipal.Person(_shopper);
        Assert.Equal(1, await AsRole.ExecuteAsync(Master, me, null, "update users set display_name = 'Sam' where id = app.uid()"));
        foreach (var sql in new[]
                 {
                     "update users set is_platform_admin = true where id = app.uid()",
                     "update users set email = 'admin@avnera.example' where id = app.uid()",
                     "insert into users (id, email, is_platform_admin, created_at, updated_at) values (gen_random_uuid(), 'x@example.com', true, now(), now())",
                 })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Master, me, null, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        Assert.False(await TestData.ScalarAsync<bool>(db.Inspect(db.MasterDatabase), "select is_platform_admin from users where id = $1", _shopper));
    }

    [Fact]
    public async Task TheRequestLogin_CannotBecomeTheServiceRole_NorReachThePlatformsSecrets()
    {
        foreach (var database in new[] { db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() =>
                AsRole.ExecuteAsync(db.App(database), DbPrincipal.Person(_shopper), null, "set local role service_role"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
            Assert.False(await TestData.ScalarAsync<bool>(db.Inspect(database),
                $"select pg_has_role('{AvneraDatabases.AppRole}', 'service_role', 'MEMBER')"));
        }
        // A platform admin's request reaches neither password hashes, nor the key ring, nor tenant credentials' plaintext.
        var admin = DbPrincipal.Person(_shopper, platformAdmin: true);
        foreach (var table in new[] { "auth_users", "data_protection_keys" })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.CountAsync(Master, admin, null, $"select count(*) from {table}"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        Assert.StartsWith("v1:", await AsRole.ScalarAsync<string>(Master, admin, null, "select products_service_connection from store_databases limit 1"));
    }

    [Fact]
    public async Task Ledgers_SurviveTheDeletionOfTheirStore()
    {
        // Even as a superuser (past Row Level Security): a store row with a stock ledger or a credit ledger
        // cannot be deleted; deleting a store is a workflow that archives them first.
        await using (var products = await db.Services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(_storeA, DbPrincipal.Service))
        {
            var variant = products.ProductVariants.First();
            products.InventoryMovements.Add(variant.Receive(3, "delivery", DateTimeOffset.UtcNow));
            await products.SaveChangesAsync();
        }
        var fk = await Assert.ThrowsAsync<PostgresException>(() =>
            TestData.ExecuteAsync(db.Inspect(db.ProductsDatabase), "delete from stores where id = $1", _storeA));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, fk.SqlState);

        await AsRole.ExecuteAsync(db.Service(db.MasterDatabase), DbPrincipal.Service, null,
            "insert into credit_transactions (id, store_id, kind, amount, balance_after, created_at) values (gen_random_uuid(), $1, 'grant', 10, 0, now())", _storeA);
        fk = await Assert.ThrowsAsync<PostgresException>(() =>
            TestData.ExecuteAsync(db.Inspect(db.MasterDatabase), "delete from stores where id = $1", _storeA));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, fk.SqlState);

        // And no request deletes a store row at all: not its staff (Products, Orders), not a platform admin (Master).
        var ownerOfA = DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA);
        foreach (var (connection, sql, principal) in new[]
                 {
                     (Products, "delete from stores", ownerOfA), (Orders, "delete from tenant_stores", ownerOfA),
                     (Master, "delete from stores", DbPrincipal.Person(_shopper, platformAdmin: true)),
                 })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(connection, principal, _storeA, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
    }

    [Fact]
    public async Task ACreditBalance_MovesOnlyWithALedgerRow_AndNeverBelowZero()
    {
        var service = db.Service(db.MasterDatabase);
        const string insert = "insert into credit_transactions (id, store_id, kind, amount, balance_after, created_at) values (gen_random_uuid(), $1, $2, $3, 0, now())";
        Assert.Equal(1, await AsRole.ExecuteAsync(service, DbPrincipal.Service, null, insert, _storeB, "purchase", 100L));
        Assert.Equal(1, await AsRole.ExecuteAsync(Master, DbPrincipal.Person(_shopper, platformAdmin: true), null, insert, _storeB, "grant", 20L));
        Assert.Equal(1, await AsRole.ExecuteAsync(service, DbPrincipal.Service, null, insert, _storeB, "usage", -70L));
        // More than is left: refused whole, nothing written.
        var over = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(service, DbPrincipal.Service, null, insert, _storeB, "usage", -51L));
        Assert.Equal(PostgresErrorCodes.CheckViolation, over.SqlState);

        // The balance itself: not even the platform writes it directly.
        foreach (var (connection, principal) in new[] { (service, DbPrincipal.Service), (Master, DbPrincipal.Person(_shopper, platformAdmin: true)) })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() =>
                AsRole.ExecuteAsync(connection, principal, null, "update credit_balances set balance = 1000000 where store_id = $1", _storeB));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }

        var inspect = db.Inspect(db.MasterDatabase);
        Assert.Equal(50L, await TestData.ScalarAsync<long>(inspect, "select balance from credit_balances where store_id = $1", _storeB));
        Assert.Equal(50L, await TestData.ScalarAsync<long>(inspect, "select sum(amount) from credit_transactions where store_id = $1", _storeB));
        Assert.Equal("100,120,50", await TestData.ScalarAsync<string>(inspect,
            "select string_agg(balance_after::text, ',' order by created_at, balance_after desc) from credit_transactions where store_id = $1", _storeB));
    }

    [Fact]
    public async Task TheSchemaOwner_SeesNoRows_AndIsNoMemberOfTheServiceRole()
    {
        foreach (var (database, table) in new[] { (db.MasterDatabase, "users"), (db.ProductsDatabase, "products"), (db.OrdersDatabase, "tenant_stores") })
        {
            Assert.Equal(0L, await TestData.ScalarAsync<long>(db.Owner(database), $"select count(*) from {table}"));
            Assert.True(await TestData.ScalarAsync<long>(db.Inspect(database), $"select count(*) from {table}") > 0);
            Assert.False(await TestData.ScalarAsync<bool>(db.Inspect(database), $"select pg_has_role('{AvneraDatabases.OwnerRole}', 'service_role', 'MEMBER')"));
        }
    }

    [Fact]
    public async Task OnlyTheStore_ModeratesReviews()
    {
        var productId = await TestData.ScalarAsync<Guid>(db.Inspect(db.ProductsDatabase), "select id from products where store_id = $1", _storeA);
        var me = DbPrincipal.Person(_shopper);
        const string insert = "insert into product_reviews (id, store_id, product_id, user_id, author_name, rating, status, helpful_count, created_at, updated_at) " +
                              "values ($1, $2, $3, $4, 'Sam', 5, $5, $6, now(), now())";
        foreach (var (status, helpful) in new[] { ("published", 0), ("pending", 40) })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() =>
                AsRole.ExecuteAsync(Products, me, _storeA, insert, Guid.NewGuid(), _storeA, productId, _shopper, status, helpful));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        var review = Guid.NewGuid();
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, me, _storeA, insert, review, _storeA, productId, _shopper, "pending", 0));
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, me, _storeA, "update product_reviews set body = 'Lovely' where id = $1", review));
        foreach (var sql in new[] { "update product_reviews set status = 'published' where id = $1", "update product_reviews set helpful_count = 99 where id = $1" })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ExecuteAsync(Products, me, _storeA, sql, review));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        var ownerOfA = DbPrincipal.Person(_ownerA).AsStoreMember("owner", _storeA);
        Assert.Equal(1, await AsRole.ExecuteAsync(Products, ownerOfA, _storeA, "update product_reviews set status = 'published' where id = $1", review));
    }

    [Fact]
    public async Task EveryFunction_BindsItsNamesAtCreation_OrPinsItsSearchPath()
    {
        foreach (var database in new[] { db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase })
        {
            var unpinned = await TestData.ScalarAsync<string>(db.Inspect(database), """
                select string_agg(n.nspname || '.' || p.proname, ', ')
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname in ('app', 'app_private', 'auth')
                  and p.prosqlbody is null
                  and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')
                """);
            Assert.True(unpinned is null, $"{database}: functions resolving names by the caller's search_path: {unpinned}");
        }
    }

    [Fact]
    public async Task TheLogins_HaveStatementAndIdleTransactionTimeouts()
    {
        Assert.Equal("15s", await TestData.ScalarAsync<string>(Master, "show statement_timeout"));
        Assert.Equal("1min", await TestData.ScalarAsync<string>(Master, "show idle_in_transaction_session_timeout"));
        Assert.Equal("2min", await TestData.ScalarAsync<string>(db.Service(db.MasterDatabase), "show statement_timeout"));
        Assert.Equal("1min", await TestData.ScalarAsync<string>(db.Service(db.MasterDatabase), "show idle_in_transaction_session_timeout"));
    }
}
