using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// The filters a store's listings offer: each filterable attribute's values on its published products, read from
/// the listing index (products.facet_values, the "code:value" entries facets count). A listing keeps only these
/// (<see cref="ListingQuery.Restrict"/>), so a made-up ?f_colour=&lt;script&gt; neither filters nor becomes a facet
/// option, and is not repeated in the page's links. The same for every visitor: read as anonymous and cached for
/// 30 seconds per store, like the catalog skeleton (a value added meanwhile is ignored as a filter until then).
/// </summary>
public sealed class ListingFilters(StorefrontContext storefront, ITenantDbContextFactory tenants, IMemoryCache cache)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    public async Task<ListingQuery> RestrictAsync(ListingQuery query, CancellationToken ct = default) =>
        query.Attributes.Count == 0 ? query : query.Restrict(await KnownAsync(ct));

    private Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> KnownAsync(CancellationToken ct)
    {
        var id = storefront.StoreId;
        return cache.GetOrCreateAsync($"avnera:filters:{id:N}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = Ttl;
            await using var db = await tenants.CreateProductsAsync(id, DbPrincipal.Anonymous, ct: ct);
            var entries = await db.Products.AsNoTracking().Where(p => p.Status == PublishStatus.Published)
                .SelectMany(p => p.FacetValues).Distinct().ToListAsync(ct);
            // "code:value" (ListingSql.FacetKey); codes have no colon, values may.
            return (IReadOnlyDictionary<string, IReadOnlyList<string>>)entries.Where(v => v.IndexOf(':') > 0)
                .GroupBy(v => v[..v.IndexOf(':')], StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(v => v[(v.IndexOf(':') + 1)..]).Order(StringComparer.Ordinal).ToList(),
                    StringComparer.OrdinalIgnoreCase);
        })!;
    }
}
