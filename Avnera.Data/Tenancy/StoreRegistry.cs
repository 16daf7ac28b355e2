using Avnera.Data.Security;
using Avnera.Data.Master;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Data.Tenancy;

/// <summary>What the tenant factory needs to know of a store, with its connection strings decrypted.</summary>
public sealed record StoreRegistration(
    Guid StoreId, string Slug, string Name, StoreStatus Status, bool IsActive,
    string ProductsConnection, string OrdersConnection, string ProductsServiceConnection, string OrdersServiceConnection)
{
    public bool IsServing => RegisteredStore.Serves(Status, IsActive);
}

/// <summary>
/// Reads store registrations from Master, cached in memory. Every write to a store's registry rows calls
/// <see cref="Invalidate"/>; other instances see the change when their entry expires (short TTL).
/// </summary>
public sealed class StoreRegistry(
    IDbContextFactory<MasterDbContext> master, ConnectionStringProtector protector, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    /// <summary>The registration of a store, or null when no such store exists.</summary>
    public async Task<StoreRegistration?> FindAsync(Guid storeId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(storeId), out StoreRegistration? cached)) return cached;
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var row = await db.Stores.AsNoTracking()
            .Where(s => s.Id == storeId)
            .Select(s => new { s.Id, s.Slug, s.Name, s.Status, s.IsActive, s.Database })
            .SingleOrDefaultAsync(ct);
        StoreRegistration? registration = null;
        if (row?.Database is not null)
        {
            registration = new StoreRegistration(row.Id, row.Slug, row.Name, row.Status, row.IsActive,
                protector.Unprotect(row.Id, row.Database.ProductsConnection),
                protector.Unprotect(row.Id, row.Database.OrdersConnection),
                protector.Unprotect(row.Id, row.Database.ProductsServiceConnection),
                protector.Unprotect(row.Id, row.Database.OrdersServiceConnection));
        }
        // Unknown stores are not cached: a store being created must become visible at once.
        if (registration is not null) cache.Set(Key(storeId), registration, Ttl);
        return registration;
    }

    /// <summary>The id of the store with this slug (any status), or null.</summary>
    public async Task<Guid?> FindIdBySlugAsync(string slug, CancellationToken ct = default)
    {
        slug = slug.ToLowerInvariant();
        if (cache.TryGetValue(SlugKey(slug), out Guid cachedId)) return cachedId;
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        var id = await db.Stores.AsNoTracking().Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
        if (id is { } found) cache.Set(SlugKey(slug), found, Ttl);
        return id;
    }

    /// <summary>
    /// The store answering on a custom host name (e.g. shop.example.com), or null. Every request on a host that is
    /// not the platform's asks (host filtering), so all registered host names are read at once and cached: a
    /// forged Host costs a dictionary look-up, never a query or a cache entry of its own.
    /// </summary>
    public async Task<(Guid Id, string Slug)?> FindByHostAsync(string host, CancellationToken ct = default)
    {
        host = host.ToLowerInvariant();
        if (host.Length is 0 or > 253) return null;
        var hosts = await cache.GetOrCreateAsync(HostsKey, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
            var rows = await db.Stores.AsNoTracking().Where(s => s.CustomHost != null && s.Status != StoreStatus.Deleted)
                .Select(s => new { s.Id, s.Slug, Host = s.CustomHost! }).ToListAsync(ct);
            var map = new Dictionary<string, (Guid, string)>(rows.Count);
            foreach (var r in rows) map.TryAdd(r.Host.ToLowerInvariant(), (r.Id, r.Slug));
            return map;
        });
        return hosts!.TryGetValue(host, out var found) ? found : null;
    }

    /// <summary>The current slug of a store that used to be called <paramref name="oldSlug"/>, or null.</summary>
    public async Task<string?> FindRenamedAsync(string oldSlug, CancellationToken ct = default)
    {
        oldSlug = oldSlug.ToLowerInvariant();
        if (oldSlug.Length is 0 or > 63) return null;
        await using var db = await master.CreateAsync(DbPrincipal.Service, ct);
        return await db.StoreSlugRedirects.AsNoTracking().Where(r => r.Slug == oldSlug)
            .Join(db.Stores.Where(s => s.Status != StoreStatus.Deleted), r => r.StoreId, s => s.Id, (r, s) => s.Slug)
            .SingleOrDefaultAsync(ct);
    }

    public void Invalidate(Guid storeId, string? slug = null)
    {
        cache.Remove(Key(storeId));
        if (slug is not null) cache.Remove(SlugKey(slug.ToLowerInvariant()));
        cache.Remove(HostsKey);
    }

    private static string Key(Guid id) => "avnera:store:" + id.ToString("N");
    private static string SlugKey(string slug) => "avnera:store-slug:" + slug;
    private const string HostsKey = "avnera:store-hosts";
}
