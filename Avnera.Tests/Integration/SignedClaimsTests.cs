using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Avnera.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// The claims the policies read are the ones the application signed for the unit of work (decision 0008),
/// tested as an attacker with raw SQL on the request login would try: forging claims, rewriting them
/// half-way through a transaction, moving the unit of work to another store, switching role, planting
/// Supabase's legacy settings at session level on a pooled connection. Every database has its own key.
/// </summary>
public sealed class SignedClaimsTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    private string[] Databases => [db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase];

    [Fact]
    public async Task SignedClaims_AreRead_AndNothingOutlivesTheTransaction()
    {
        var user = Guid.NewGuid();
        var store = Guid.NewGuid();
        foreach (var database in Databases)
        {
            await using var conn = new NpgsqlConnection(db.App(database));
            await conn.OpenAsync();
            await using (var tx = await conn.BeginTransactionAsync())
            {
                var (role, claims, storeText, mac) = AsRole.Settings(db.App(database), DbPrincipal.Person(user, "a@example.com"), store);
                await using (var set = new NpgsqlCommand(RowSecurityInterceptor.SetSql, conn, tx)
                             { Parameters = { new() { Value = role }, new() { Value = claims }, new() { Value = storeText }, new() { Value = mac } } })
                    await set.ExecuteNonQueryAsync();
                await using var read = new NpgsqlCommand("select app.uid(), auth.uid(), auth.role(), auth.email(), app.store_id()", conn, tx);
                await using var reader = await read.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(user, reader.GetGuid(0));
                Assert.Equal(user, reader.GetGuid(1));
                Assert.Equal("authenticated", reader.GetString(2));
                Assert.Equal("a@example.com", reader.GetString(3));
                Assert.Equal(store, reader.GetGuid(4));
                await reader.CloseAsync();
                await tx.CommitAsync();
            }

            // After the transaction: the login role again, the settings empty, the helpers out of reach.
            await using (var after = new NpgsqlCommand(
                "select current_user, current_setting('request.jwt.claims', true), current_setting('app.claims_mac', true)", conn))
            await using (var r = await after.ExecuteReaderAsync())
            {
                Assert.True(await r.ReadAsync());
                Assert.Equal(AvneraDatabases.AppRole, r.GetString(0));
                Assert.True(r.GetString(1) == "" && r.GetString(2) == "", $"{database}: claims leaked past their transaction");
            }
            await using var helper = new NpgsqlCommand("select app.uid()", conn);
            var denied = await Assert.ThrowsAsync<PostgresException>(() => helper.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }
    }

    [Fact]
    public async Task ClaimsSetByAnyOtherStatement_AreNotBelieved()
    {
        var victim = Guid.NewGuid();
        foreach (var database in Databases)
        {
            await using var conn = new NpgsqlConnection(db.App(database));
            await conn.OpenAsync();
            await using var tx = await conn.BeginTransactionAsync();
            // Everything the application sets, but unsigned (or with a made-up signature).
            await using var forged = new NpgsqlCommand(
                "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), " +
                "set_config('app.store_id', $2, true), set_config('app.claims_mac', repeat('ab', 32), true)", conn, tx)
            {
                Parameters = { new() { Value = $$"""{"sub":"{{victim}}","role":"authenticated","platform_admin":true}""" }, new() { Value = Guid.NewGuid().ToString() } },
            };
            await forged.ExecuteNonQueryAsync();
            await using var read = new NpgsqlCommand(
                "select app.uid() is null and auth.uid() is null and app.store_id() is null and app.claims() = '{}'::jsonb " +
                "and not app.is_platform_admin() and not app.is_store_staff()", conn, tx);
            Assert.Equal(true, await read.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task RewritingTheClaimsMidTransaction_LeavesNobody()
    {
        var attacker = Guid.NewGuid();
        var victim = Guid.NewGuid();
        var store = Guid.NewGuid();
        foreach (var database in Databases)
        {
            await AsRole.UnitAsync(db.App(database), DbPrincipal.Person(attacker), store, async unit =>
            {
                Assert.Equal(attacker, await unit.ScalarAsync<Guid>("select app.uid()"));
                // The injected statement: become the victim, keep the signature of the attacker's claims.
                await unit.ExecuteAsync("select set_config('request.jwt.claims', $1, true)",
                    $$"""{"sub":"{{victim}}","role":"authenticated"}""");
                Assert.Null(await unit.ScalarAsync<Guid?>("select app.uid()"));
                Assert.Null(await unit.ScalarAsync<Guid?>("select app.store_id()"));
            });
            // Moving the unit of work to another store, or to another role, voids it the same way.
            await AsRole.UnitAsync(db.App(database), DbPrincipal.Person(attacker), store, async unit =>
            {
                await unit.ExecuteAsync("select set_config('app.store_id', $1, true)", Guid.NewGuid().ToString());
                Assert.Null(await unit.ScalarAsync<Guid?>("select app.store_id()"));
                Assert.Null(await unit.ScalarAsync<Guid?>("select app.uid()"));
            });
            await AsRole.UnitAsync(db.App(database), DbPrincipal.Anonymous, store, async unit =>
            {
                Assert.Equal(store, await unit.ScalarAsync<Guid>("select app.store_id()"));
                await unit.ExecuteAsync("set local role authenticated");
                Assert.Null(await unit.ScalarAsync<Guid?>("select app.store_id()"));
            });
        }
    }

    [Fact]
    public async Task TheHelpers_AreInlined_SoAPolicyPaysOneMacCheckAndNoFunctionCalls()
    {
        // A helper with a SET clause (or a plpgsql body) would be called as a function every time a policy
        // reads it, ~6x the cost (bench/claims.sh); inlined, only the definer's MAC check is left.
        foreach (var database in Databases)
            await AsRole.UnitAsync(db.App(database), DbPrincipal.Person(Guid.NewGuid()), Guid.NewGuid(), async unit =>
            {
                await using var explain = unit.Command(
                    "explain (verbose, costs off) select app.store_id(), app.uid(), app.is_store_staff(), app.cart_token()");
                var plan = "";
                await using (var reader = await explain.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) plan += reader.GetString(0) + "\n";
                Assert.Empty(System.Text.RegularExpressions.Regex.Matches(plan, @"\bapp\.\w+\("));
                Assert.Contains("app_private.claims_mac_valid", plan);
            });
    }

    [Fact]
    public async Task EachDatabase_HasItsOwnKey_SoASignatureOfOneIsWorthNothingInAnother()
    {
        var keys = Databases.Select(d => Convert.ToHexString(AsRole.ClaimsKey(db.App(d)))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Equal(64, k.Length));

        // Settings signed for Master, replayed in Products.
        var user = Guid.NewGuid();
        var (role, claims, store, mac) = AsRole.Settings(db.App(db.MasterDatabase), DbPrincipal.Person(user), null);
        await using var conn = new NpgsqlConnection(db.App(db.ProductsDatabase));
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(RowSecurityInterceptor.SetSql, conn, tx)
                     { Parameters = { new() { Value = role }, new() { Value = claims }, new() { Value = store }, new() { Value = mac } } })
            await set.ExecuteNonQueryAsync();
        await using var read = new NpgsqlCommand("select app.uid()", conn, tx);
        Assert.Equal(DBNull.Value, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheKey_IsReadableByTheServiceLoginOnly()
    {
        foreach (var principal in new[] { DbPrincipal.Anonymous, DbPrincipal.Person(Guid.NewGuid(), platformAdmin: true) })
        foreach (var sql in new[] { "select app_private.claims_signing_key()", "select signing_key from app_private.claims_key" })
        {
            var ex = await Assert.ThrowsAsync<PostgresException>(() => AsRole.ScalarAsync<byte[]>(db.App(db.MasterDatabase), principal, null, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        var key = await AsRole.ScalarAsync<byte[]>(db.Service(db.MasterDatabase), DbPrincipal.Service, null, "select app_private.claims_signing_key()");
        Assert.Equal(AsRole.ClaimsKey(db.App(db.MasterDatabase)), key);
    }

    [Fact]
    public async Task LegacySettingsLeftAtSessionLevel_DoNotReachTheNextUnitOfWork()
    {
        // One connection in the pool, so the next unit of work surely gets the connection the attacker used.
        var settings = db.Configuration();
        foreach (var name in new[] { "Products", "ProductsService" })
            settings[$"ConnectionStrings:{name}"] += ";Maximum Pool Size=1";
        await using var services = AvneraDatabases.BuildServices(settings);
        var store = await TestData.CreateStoreAsync(services);
        var registration = await services.GetRequiredService<StoreRegistry>().FindAsync(store);
        var pool = services.GetRequiredService<TenantDataSources>().Get(registration!.ProductsConnection).DataSource;

        var attacker = Guid.NewGuid();
        var victim = Guid.NewGuid();
        await using (var conn = await pool.OpenConnectionAsync())
        {
            // What an injected statement could leave behind: session-level (is_local = false) values, which
            // Supabase's auth.uid() would read before request.jwt.claims.
            await using var plant = new NpgsqlCommand(
                "select set_config('request.jwt.claim.sub', $1, false), set_config('request.jwt.claim.role', 'authenticated', false), " +
                "set_config('request.jwt.claim', $2, false), set_config('request.jwt.claims', $2, false), set_config('app.store_id', $3, false)", conn)
            {
                Parameters = { new() { Value = attacker.ToString() }, new() { Value = $$"""{"sub":"{{attacker}}"}""" }, new() { Value = store.ToString() } },
            };
            await plant.ExecuteNonQueryAsync();
        }

        await using var products = await services.GetRequiredService<ITenantDbContextFactory>()
            .CreateProductsAsync(store, DbPrincipal.Person(victim));
        // (Column names in snake_case: the naming convention applies to ad-hoc result types too.)
        var seen = await products.Database.SqlQueryRaw<SeenBy>(
            "select app.uid() as uid, auth.uid() as auth_uid, current_setting('request.jwt.claim.sub', true) as legacy_sub, " +
            "current_setting('request.jwt.claim', true) as legacy_claims").SingleAsync();
        Assert.Equal(victim, seen.Uid);
        Assert.Equal(victim, seen.AuthUid);
        Assert.Equal("", seen.LegacySub);
        Assert.Equal("", seen.LegacyClaims);
    }

    private sealed record SeenBy(Guid? Uid, Guid? AuthUid, string? LegacySub, string? LegacyClaims);
}
