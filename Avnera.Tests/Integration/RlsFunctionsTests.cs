using Avnera.Tests.Infrastructure;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// The claim helpers RLS policies use, as the application role sees them: auth.uid()/role()/email()/jwt()
/// read the transaction's request.jwt.claims and app.store_id() its store, give null (not an error) when no
/// claims are set, and nothing outlives the transaction: the connection falls back to the login role, which
/// can reach nothing.
/// </summary>
public sealed class RlsFunctionsTests(AvneraDatabases db) : IClassFixture<AvneraDatabases>
{
    [Fact]
    public async Task ClaimHelpers_ReadTheTransactionsClaims_AndFailClosedAfterIt()
    {
        var user = Guid.NewGuid();
        var store = Guid.NewGuid();
        foreach (var database in new[] { db.MasterDatabase, db.ProductsDatabase, db.OrdersDatabase })
        {
            await using var conn = new NpgsqlConnection(db.App(database));
            await conn.OpenAsync();
            await using (var tx = await conn.BeginTransactionAsync())
            {
                await using var set = new NpgsqlCommand(
                    "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('app.store_id', $2, true)", conn, tx);
                set.Parameters.Add(new() { Value = $$"""{"sub":"{{user}}","role":"authenticated","email":"a@example.com"}""" });
                set.Parameters.Add(new() { Value = store.ToString() });
                await set.ExecuteNonQueryAsync();

                await using var read = new NpgsqlCommand("select auth.uid(), auth.role(), auth.email(), auth.jwt() ->> 'sub', app.store_id()", conn, tx);
                await using var reader = await read.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.Equal(user, reader.GetGuid(0));
                Assert.Equal("authenticated", reader.GetString(1));
                Assert.Equal("a@example.com", reader.GetString(2));
                Assert.Equal(user.ToString(), reader.GetString(3));
                Assert.Equal(store, reader.GetGuid(4));
                await reader.CloseAsync();
                await tx.CommitAsync();
            }

            // Same connection, after the transaction: the role is the login role again, the settings exist but
            // are empty, and the helpers (and every table) are out of reach until a new unit of work sets them.
            await using (var after = new NpgsqlCommand(
                "select current_user, current_setting('request.jwt.claims', true), current_setting('app.store_id', true)", conn))
            await using (var r = await after.ExecuteReaderAsync())
            {
                Assert.True(await r.ReadAsync());
                Assert.Equal(AvneraDatabases.AppRole, r.GetString(0));
                Assert.True(r.GetString(1) == "" && r.GetString(2) == "", $"{database}: claims leaked past their transaction");
            }
            await using var helper = new NpgsqlCommand("select auth.uid()", conn);
            var denied = await Assert.ThrowsAsync<PostgresException>(() => helper.ExecuteScalarAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);

            // A new transaction without claims: the helpers answer null, not an error.
            await using var tx2 = await conn.BeginTransactionAsync();
            await using (var role = new NpgsqlCommand("select set_config('role', 'anon', true)", conn, tx2)) await role.ExecuteNonQueryAsync();
            await using var empty = new NpgsqlCommand("select auth.uid() is null and auth.role() is null and app.store_id() is null and auth.jwt() = '{}'::jsonb", conn, tx2);
            Assert.Equal(true, await empty.ExecuteScalarAsync());
        }
    }
}
