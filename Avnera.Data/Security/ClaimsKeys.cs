using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Avnera.Data.Security;

/// <summary>
/// Each database's claims key (app_private.claims_key, made by the migrations; Sql/common/10_security.sql),
/// read once per process through the service login, which alone may read it. Every unit of work signs its
/// role, store and claims with the key of the database it runs in (<see cref="Sign"/>); the policies ignore
/// claims whose signature does not verify, so SQL injected into a request cannot claim to be anyone else.
/// </summary>
public sealed class ClaimsKeys
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _keys = new(StringComparer.Ordinal);

    private const string SetRole = "SELECT set_config('role', 'service_role', true)";
    private const string Sql = "SELECT app_private.claims_signing_key()";

    /// <summary>The key of the database behind <paramref name="serviceSource"/> (a service-login data source).</summary>
    public byte[] Get(NpgsqlDataSource serviceSource) =>
        Cached(serviceSource, () => Fetch(serviceSource));

    public async ValueTask<byte[]> GetAsync(NpgsqlDataSource serviceSource, CancellationToken ct = default)
    {
        if (_keys.TryGetValue(serviceSource.ConnectionString, out var known) && known.IsValueCreated) return known.Value;
        var key = await FetchAsync(serviceSource, ct);
        return Cached(serviceSource, () => key);
    }

    private byte[] Cached(NpgsqlDataSource source, Func<byte[]> fetch)
    {
        var lazy = _keys.GetOrAdd(source.ConnectionString, _ => new Lazy<byte[]>(fetch, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _keys.TryRemove(new KeyValuePair<string, Lazy<byte[]>>(source.ConnectionString, lazy));
            throw;
        }
    }

    private static byte[] Fetch(NpgsqlDataSource source)
    {
        using var conn = source.OpenConnection();
        using var tx = conn.BeginTransaction();
        using (var role = new NpgsqlCommand(SetRole, conn, tx)) role.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand(Sql, conn, tx);
        using var reader = cmd.ExecuteReader();
        return Read(reader);
    }

    private static async Task<byte[]> FetchAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var conn = await source.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var role = new NpgsqlCommand(SetRole, conn, tx)) await role.ExecuteNonQueryAsync(ct);
        await using var cmd = new NpgsqlCommand(Sql, conn, tx);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return Read(reader);
    }

    private static byte[] Read(NpgsqlDataReader reader)
    {
        if (!reader.Read() || reader.IsDBNull(0))
            throw new InvalidOperationException("The database has no claims key (app_private.claims_key): apply the migrations.");
        return (byte[])reader[0];
    }

    /// <summary>HMAC-SHA256 (hex) of "role|store|claims", as app.claims_verified() checks it.</summary>
    public static string Sign(byte[] key, string role, Guid? storeId, string claimsJson) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{role}|{storeId?.ToString() ?? ""}|{claimsJson}")))
            .ToLowerInvariant();
}
