using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>
/// Product listings of the storefront: category, collection, all products and search, with sorting, paging
/// and facet counts. The work is split by job: <see cref="ListingFilters"/> drops filters the store does not have,
/// <see cref="ListingSql"/> builds and runs the one statement of a listing, <see cref="SearchCorrections"/> turns
/// what was typed into search words and corrects typos when nothing matches, <see cref="Facets"/> assembles the
/// filter panel, <see cref="ListingCache"/> shares identical listings for a few seconds. This class puts them
/// together for a page and marks the shopper's wishlisted cards.
/// </summary>
public sealed class ListingService(StorefrontContext storefront, ListingFilters filters, ListingCache cache)
{
    public const int PageSize = 24;

    public async Task<ListingResult> ListAsync(ListingScope scope, ListingQuery query, CancellationToken ct = default)
    {
        var skeleton = await storefront.SkeletonAsync(ct);
        query = await filters.RestrictAsync(query, ct); // filters the store does not have are no filters
        var language = storefront.Language;
        SearchInfo? search = null;
        IReadOnlyList<string> terms = [];
        if (query.Search is { } text)
        {
            terms = SearchCorrections.Terms(text);
            search = new SearchInfo(text, terms, false);
            if (terms.Count == 0) return new ListingResult([], 0, 1, PageSize, FacetModel.Empty, search);
        }

        // Listings are the same for every shopper (the storefront never runs with staff powers): identical
        // requests within a few seconds share one computation. Wishlist hearts are added per person.
        var key = ListingCache.Key(storefront.StoreId, language, scope, query);
        var entry = cache.Enabled
            ? await cache.GetOrCreateAsync(key, () => ComputeAsync(skeleton, scope, query, language, terms, search, ct))
            : await ComputeAsync(skeleton, scope, query, language, terms, search, ct);
        var cards = entry.Raw.Cards;
        if (cards.Count > 0 && (await storefront.ShopperAsync()).UserId is not null)
        {
            await using var db = await storefront.ProductsAsync(ct);
            cards = await MarkWishlistedAsync(db, [.. cards], ct);
        }
        return Result(skeleton, scope, query, entry.Raw, cards, entry.Search);
    }

    private async Task<ListingCache.Entry> ComputeAsync(
        CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, string language, IReadOnlyList<string> terms, SearchInfo? search,
        CancellationToken ct)
    {
        await using var db = await storefront.ProductsAsync(ct);
        // One transaction for the page: the shopper's role and claims are set once for all its statements.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var raw = await ListingSql.RunAsync(db, skeleton, scope, query, language, search is null ? null : terms, ct);
        if (search is not null && raw.Total == 0 && terms.Any(t => t.Length >= 3))
        {
            // Nothing matches as typed: replace misspelt words by the closest words of the store's catalog
            // (search_vocabulary.sql) and search again.
            var corrected = await SearchCorrections.CorrectAsync(db, language, terms, ct);
            if (!corrected.SequenceEqual(terms))
            {
                raw = await ListingSql.RunAsync(db, skeleton, scope, query, language, corrected, ct);
                search = search with { Terms = corrected, Fuzzy = true };
            }
        }
        await tx.CommitAsync(ct);
        return new ListingCache.Entry(raw, search);
    }

    private static ListingResult Result(
        CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, RawListing raw, IReadOnlyList<ProductSummary> cards, SearchInfo? search)
    {
        var facets = Facets.Build(skeleton, scope, query, raw);
        var page = Math.Max(1, raw.Offset / PageSize + 1);
        return new ListingResult(cards, raw.Total, page, PageSize, facets, search);
    }

    private async Task<List<ProductSummary>> MarkWishlistedAsync(ProductsDbContext db, List<ProductSummary> cards, CancellationToken ct)
    {
        if (cards.Count == 0 || (await storefront.ShopperAsync()).UserId is not { } userId) return cards;
        var ids = cards.Select(c => c.Id).ToList();
        var saved = (await db.WishlistItems.AsNoTracking().Where(w => w.UserId == userId && ids.Contains(w.ProductId))
            .Select(w => w.ProductId).ToListAsync(ct)).ToHashSet();
        return cards.Select(c => saved.Contains(c.Id) ? c with { Wishlisted = true } : c).ToList();
    }
}
