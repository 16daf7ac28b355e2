using Avnera.Data.Security;
using System.Collections.Concurrent;
using Npgsql;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// Raw SQL as the application's login role, the way PostgREST runs a Supabase request: one transaction
/// whose first statement switches role and sets request.jwt.claims, app.store_id and their signature
/// (app.claims_mac) transaction-locally, as RowSecurityInterceptor does. No EF, no query filters: only
/// grants and Row Level Security stand between the SQL and the rows.
/// </summary>
public static class AsRole
{
    private static readonly ConcurrentDictionary<string, byte[]> Keys = new();

    /// <summary>The database's claims key, read as the test's superuser (the app gets it through the service login).</summary>
    public static byte[] ClaimsKey(string connection)
    {
        var b = new NpgsqlConnectionStringBuilder(connection);
        return Keys.GetOrAdd($"{b.Host}:{b.Port}/{b.Database}", _ =>
        {
            b.Username = "postgres";
            b.Password = null;
            using var conn = new NpgsqlConnection(b.ConnectionString);
            conn.Open();
            using var cmd = new NpgsqlCommand("select signing_key from app_private.claims_key", conn);
            return (byte[])cmd.ExecuteScalar()!;
        });
    }

    /// <summary>The settings RowSecurityInterceptor makes for a principal (role, claims, store, signature).</summary>
    public static (string Role, string Claims, string Store, string Mac) Settings(string connection, DbPrincipal principal, Guid? storeId)
    {
        var claims = principal.ClaimsJson();
        return (principal.RoleName, claims, storeId?.ToString() ?? "", ClaimsKeys.Sign(ClaimsKey(connection), principal.RoleName, storeId, claims));
    }

    public static async Task<T?> ScalarAsync<T>(string appConnection, DbPrincipal principal, Guid? storeId, string sql, params object[] args)
    {
        T? result = default;
        await RunAsync(appConnection, principal, storeId, async cmd =>
        {
            var value = await cmd.ExecuteScalarAsync();
            result = value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
        }, sql, args);
        return result;
    }

    public static Task<long> CountAsync(string appConnection, DbPrincipal principal, Guid? storeId, string sql, params object[] args) =>
        ScalarAsync<long>(appConnection, principal, storeId, sql, args);

    /// <summary>Counts with further transaction-local settings (e.g. the search app.search_matches answers for).</summary>
    public static async Task<long> CountAsync(
        string appConnection, DbPrincipal principal, Guid? storeId, IReadOnlyDictionary<string, string> settings, string sql, params object[] args)
    {
        long result = 0;
        await RunAsync(appConnection, principal, storeId, async cmd => result = Convert.ToInt64(await cmd.ExecuteScalarAsync()), sql, args, settings);
        return result;
    }

    /// <returns>The number of rows the statement affected.</returns>
    public static async Task<int> ExecuteAsync(string appConnection, DbPrincipal principal, Guid? storeId, string sql, params object[] args)
    {
        var affected = 0;
        await RunAsync(appConnection, principal, storeId, async cmd => affected = await cmd.ExecuteNonQueryAsync(), sql, args);
        return affected;
    }

    private static Task RunAsync(
        string appConnection, DbPrincipal principal, Guid? storeId, Func<NpgsqlCommand, Task> run, string sql, object[] args,
        IReadOnlyDictionary<string, string>? settings = null) =>
        UnitAsync(appConnection, principal, storeId, async unit =>
        {
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
                await unit.ExecuteAsync("select set_config($1, $2, true)", name, value);
            await using var cmd = unit.Command(sql, args);
            await run(cmd);
        });

    /// <summary>
    /// One unit of work set up exactly as the app's (signed settings first), in which the test runs what an
    /// attacker's injected statements would: several statements, settings changed half-way, and so on.
    /// </summary>
    public static async Task UnitAsync(string connection, DbPrincipal principal, Guid? storeId, Func<Unit, Task> body)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var unit = new Unit(conn, tx);
        var (role, claims, store, mac) = Settings(connection, principal, storeId);
        await unit.ExecuteAsync(RowSecurityInterceptor.SetSql, role, claims, store, mac);
        await body(unit);
        await tx.CommitAsync();
    }

    /// <summary>A unit of work with claims of the test's own making, signed as the app would sign them.</summary>
    public static async Task UnitWithClaimsAsync(string connection, string role, string claimsJson, Guid? storeId, Func<Unit, Task> body)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var unit = new Unit(conn, tx);
        await unit.ExecuteAsync(RowSecurityInterceptor.SetSql, role, claimsJson, storeId?.ToString() ?? "",
            ClaimsKeys.Sign(ClaimsKey(connection), role, storeId, claimsJson));
        await body(unit);
        await tx.CommitAsync();
    }

    public sealed class Unit(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlConnection Connection => connection;

        public NpgsqlCommand Command(string sql, params object[] args)
        {
            var cmd = new NpgsqlCommand(sql, connection, transaction);
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            return cmd;
        }

        public async Task<T?> ScalarAsync<T>(string sql, params object[] args)
        {
            await using var cmd = Command(sql, args);
            var value = await cmd.ExecuteScalarAsync();
            return value switch
            {
                null or DBNull => default,
                T typed => typed,
                _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)),
            };
        }

        public async Task<int> ExecuteAsync(string sql, params object[] args)
        {
            await using var cmd = Command(sql, args);
            return await cmd.ExecuteNonQueryAsync();
        }
    }
}
