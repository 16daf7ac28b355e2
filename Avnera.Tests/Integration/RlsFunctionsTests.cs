using Avnera.Tests.Infrastructure;
using Npgsql;

namespace Avnera.Tests.Integration;

/// <summary>
/// The claim helpers RLS policies use, as the application role sees them: auth.uid()/role()/email()/jwt()
/// read the transaction's request.jwt.claims and app.store_id() its store, and all of them give null (not an
/// error) once the transaction-local setting is gone — the connection then fails closed.
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
                    "select set_config('request.jwt.claims', $1, true), set_config('app.store_id', $2, true)", conn, tx);
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

            // Same connection, after the transaction: the settings exist but are empty.
            await using var after = new NpgsqlCommand("select auth.uid() is null, auth.role() is null, app.store_id() is null, auth.jwt() = '{}'::jsonb", conn);
            await using var r = await after.ExecuteReaderAsync();
            Assert.True(await r.ReadAsync());
            Assert.True(r.GetBoolean(0) && r.GetBoolean(1) && r.GetBoolean(2) && r.GetBoolean(3), $"{database}: claims leaked past their transaction");
        }
    }
}
