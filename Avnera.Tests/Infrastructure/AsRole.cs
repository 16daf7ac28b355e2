using Avnera.Data.Security;
using Npgsql;

namespace Avnera.Tests.Infrastructure;

/// <summary>
/// Raw SQL as the application's login role, the way PostgREST runs a Supabase request: one transaction
/// whose first statement switches role and sets request.jwt.claims and app.store_id transaction-locally.
/// No EF, no query filters: only grants and Row Level Security stand between the SQL and the rows.
/// </summary>
public static class AsRole
{
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

    private static async Task RunAsync(
        string appConnection, DbPrincipal principal, Guid? storeId, Func<NpgsqlCommand, Task> run, string sql, object[] args,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        await using var conn = new NpgsqlConnection(appConnection);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(
            "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('app.store_id', $3, true)", conn, tx))
        {
            set.Parameters.Add(new() { Value = principal.RoleName });
            set.Parameters.Add(new() { Value = principal.ClaimsJson() });
            set.Parameters.Add(new() { Value = storeId?.ToString() ?? "" });
            await set.ExecuteNonQueryAsync();
        }
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            await using var extra = new NpgsqlCommand("select set_config($1, $2, true)", conn, tx);
            extra.Parameters.Add(new() { Value = name });
            extra.Parameters.Add(new() { Value = value });
            await extra.ExecuteNonQueryAsync();
        }
        await using (var cmd = new NpgsqlCommand(sql, conn, tx))
        {
            foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
            await run(cmd);
        }
        await tx.CommitAsync();
    }
}
