using System.Linq.Expressions;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;

namespace Avnera.Web.Features.Storefront.Catalog;

/// <summary>A product as a listing shows it, in the page's language.</summary>
public sealed record ProductSummary(
    Guid Id, string Slug, string Name, string? Brand, decimal Price, decimal? CompareAtPrice, string? ImageUrl, string? ImageAlt,
    bool InStock, decimal Rating, int RatingCount)
{
    public bool Wishlisted { get; init; }
}

public sealed record FacetValue(string Value, int Count, bool Selected);
public sealed record AttributeFacet(string Code, string Name, IReadOnlyList<FacetValue> Values);
public sealed record CategoryFacet(CategoryNode Node, int Count);
public sealed record PriceRange(decimal Min, decimal Max);

/// <summary>Facet counts: each group counts what the shopper would get by adding that value to the other filters.</summary>
public sealed record FacetModel(IReadOnlyList<CategoryFacet> Categories, IReadOnlyList<AttributeFacet> Attributes, PriceRange? Price, int InStockCount)
{
    public static FacetModel Empty { get; } = new([], [], null, 0);
}

public sealed record SearchInfo(string Query, IReadOnlyList<string> Terms, bool Fuzzy);

public sealed record ListingResult(IReadOnlyList<ProductSummary> Products, int Total, int Page, int PageSize, FacetModel Facets, SearchInfo? Search)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where a listing draws from: a category (with its subcategories), a collection, or the whole catalog.</summary>
public sealed record ListingScope(CategoryNode? Category = null, CollectionLink? Collection = null);

/// <summary>
/// Product listings of the storefront: category, collection, all products and search, with sorting,
/// paging and facet counts, all computed in PostgreSQL under the shopper's Row Level Security.
/// Search: full-text on product_search (name &gt; SKU &gt; attributes &gt; description, the page language's
/// configuration, prefix matching for as-you-type); when nothing matches, trigram similarity on names
/// (pg_trgm) so a typo still finds the product.
/// </summary>
public sealed class ListingService(StorefrontContext storefront)
{
    public const int PageSize = 24;
    private const int MaxTerms = 8;

    /// <summary>Trigram word similarity a fuzzy match needs (pg_trgm's default, 0.6, misses one-letter typos in short words).</summary>
    private const string FuzzyThreshold = "0.4";

    public async Task<ListingResult> ListAsync(ListingScope scope, ListingQuery query, CancellationToken ct = default)
    {
        var skeleton = await storefront.SkeletonAsync(ct);
        var language = storefront.Language;
        await using var db = await storefront.ProductsAsync(ct);
        // One transaction for the page: the shopper's role and claims are set once for all its queries.
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        SearchInfo? search = null;
        IQueryable<Guid>? matches = null;
        Expression<Func<Product, float>>? rank = null;
        if (query.Search is { } text)
        {
            var terms = Terms(text);
            if (terms.Count == 0)
                return new ListingResult([], 0, 1, PageSize, FacetModel.Empty, new SearchInfo(text, terms, false));
            var config = ProductSearchIndex.ConfigFor(language);
            var tsquery = string.Join(" & ", terms.Select(t => t + ":*"));
            var documents = db.ProductSearch.Where(ps => ps.Language == language);
            matches = documents.Where(ps => ps.Document.Matches(EF.Functions.ToTsQuery(config, tsquery))).Select(ps => ps.ProductId);
            rank = p => documents.Where(ps => ps.ProductId == p.Id)
                .Select(ps => ps.Document.RankCoverDensity(EF.Functions.ToTsQuery(config, tsquery))).FirstOrDefault();
            search = new SearchInfo(text, terms, false);
            if (!await Filter(db, skeleton, scope, query, matches).AnyAsync(ct))
            {
                // Nothing matches as typed: fall back to names that look alike (a typo, a missing letter).
                await db.Database.ExecuteSqlRawAsync("select set_config('pg_trgm.word_similarity_threshold', {0}, true)", [FuzzyThreshold], ct);
                // Every word (of 3+ letters) must look like a word of the name; closer names rank higher.
                var fuzzyTerms = terms.Where(t => t.Length >= 3).ToList();
                var fuzzy = documents;
                foreach (var term in fuzzyTerms) fuzzy = fuzzy.Where(ps => EF.Functions.TrigramsAreWordSimilar(term, ps.Name));
                matches = fuzzyTerms.Count == 0 ? documents.Where(ps => false).Select(ps => ps.ProductId) : fuzzy.Select(ps => ps.ProductId);
                var phrase = string.Join(' ', fuzzyTerms);
                rank = p => documents.Where(ps => ps.ProductId == p.Id)
                    .Select(ps => (float)EF.Functions.TrigramsWordSimilarity(phrase, ps.Name)).FirstOrDefault();
                search = search with { Fuzzy = true };
            }
        }

        var filtered = Filter(db, skeleton, scope, query, matches);
        var total = await filtered.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var sort = query.Sort == ListingSort.Relevance && rank is null ? ListingSort.Newest : query.Sort;
        var ordered = sort switch
        {
            ListingSort.Relevance => filtered.OrderByDescending(rank!).ThenByDescending(p => p.PublishedAt),
            ListingSort.PriceAscending => filtered.OrderBy(p => p.Price).ThenByDescending(p => p.PublishedAt),
            ListingSort.PriceDescending => filtered.OrderByDescending(p => p.Price).ThenByDescending(p => p.PublishedAt),
            ListingSort.Rating => filtered.OrderByDescending(p => p.RatingAverage).ThenByDescending(p => p.RatingCount).ThenByDescending(p => p.PublishedAt),
            _ => filtered.OrderByDescending(p => p.PublishedAt),
        };
        var products = await Cards(ordered.ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize), language).ToListAsync(ct);
        products = await MarkWishlistedAsync(db, products, ct);
        var facets = await FacetsAsync(db, skeleton, scope, query, matches, ct);
        await tx.CommitAsync(ct);
        return new ListingResult(products, total, page, PageSize, facets, search);
    }

    /// <summary>Search terms: letters and digits only (so nothing reaches tsquery syntax), lower-case, at most 8.</summary>
    public static IReadOnlyList<string> Terms(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Length > 40 ? t[..40] : t)
            .Distinct().Take(MaxTerms).ToList();

    /// <summary>Cards in the page language (translated name when there is one).</summary>
    public static IQueryable<ProductSummary> Cards(IQueryable<Product> products, string language) =>
        products.Select(p => new ProductSummary(
            p.Id, p.Slug,
            p.Translations.Where(t => t.Language == language).Select(t => t.Name).FirstOrDefault() ?? p.Name,
            p.Brand, p.Price, p.CompareAtPrice,
            p.Images.OrderBy(i => i.Position).Select(i => i.Url).FirstOrDefault(),
            p.Images.OrderBy(i => i.Position).Select(i => i.AltText).FirstOrDefault(),
            p.InStock, p.RatingAverage, p.RatingCount));

    public async Task<List<ProductSummary>> MarkWishlistedAsync(ProductsDbContext db, List<ProductSummary> cards, CancellationToken ct)
    {
        if (cards.Count == 0 || (await storefront.ShopperAsync()).UserId is not { } userId) return cards;
        var ids = cards.Select(c => c.Id).ToList();
        var saved = (await db.WishlistItems.AsNoTracking().Where(w => w.UserId == userId && ids.Contains(w.ProductId))
            .Select(w => w.ProductId).ToListAsync(ct)).ToHashSet();
        return cards.Select(c => saved.Contains(c.Id) ? c with { Wishlisted = true } : c).ToList();
    }

    private sealed record Except(string? Attribute = null, bool Price = false, bool Stock = false);

    private static IQueryable<Product> Filter(
        ProductsDbContext db, CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, IQueryable<Guid>? matches, Except? except = null)
    {
        except ??= new Except();
        var products = db.Products.AsNoTracking().Where(p => p.Status == PublishStatus.Published);
        if (scope.Category is { } category)
        {
            var ids = category.SelfAndDescendants().Select(c => c.Id).ToList();
            products = products.Where(p => p.CategoryId.HasValue && ids.Contains(p.CategoryId.Value));
        }
        if (scope.Collection is { } collection)
            products = products.Where(p => db.CollectionProducts.Any(cp => cp.CollectionId == collection.Id && cp.ProductId == p.Id));
        if (matches is not null) products = products.Where(p => matches.Contains(p.Id));
        if (!except.Price)
        {
            if (query.MinPrice is { } min) products = products.Where(p => p.Price >= min);
            if (query.MaxPrice is { } max) products = products.Where(p => p.Price <= max);
        }
        if (query.InStockOnly && !except.Stock) products = products.Where(p => p.InStock);
        foreach (var attribute in skeleton.Attributes)
        {
            if (attribute.Code == except.Attribute || !query.Attributes.TryGetValue(attribute.Code, out var values)) continue;
            // Any of the group's values (OR within a group, AND across groups), on the products' facet index.
            var keys = values.Select(v => FacetKey(attribute.Code, v)).ToList();
            products = products.Where(p => p.FacetValues.Any(f => keys.Contains(f)));
        }
        return products;
    }

    private static async Task<FacetModel> FacetsAsync(
        ProductsDbContext db, CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, IQueryable<Guid>? matches, CancellationToken ct)
    {
        // Categories: what each subcategory of the current one holds under the current filters.
        var perCategory = await Filter(db, skeleton, scope, query, matches)
            .GroupBy(p => p.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = perCategory.Where(c => c.Key is not null).ToDictionary(c => c.Key!.Value, c => c.Count);
        var nodes = scope.Category?.Children ?? skeleton.Tree;
        var categories = nodes.Select(n => new CategoryFacet(n, n.SelfAndDescendants().Sum(d => counts.GetValueOrDefault(d.Id))))
            .Where(c => c.Count > 0).ToList();

        // Attributes: one query for the groups without a selection, one per group with a selection
        // (its own selection left out, so its other values show what adding them would give).
        var valueCounts = new List<(string Code, string Value, int Count)>();
        var unselected = skeleton.Attributes.Where(a => !query.Attributes.ContainsKey(a.Code)).Select(a => a.Code).ToHashSet();
        if (unselected.Count > 0)
            valueCounts.AddRange((await CountValuesAsync(Filter(db, skeleton, scope, query, matches), ct)).Where(v => unselected.Contains(v.Code)));
        foreach (var attribute in skeleton.Attributes.Where(a => query.Attributes.ContainsKey(a.Code)))
            valueCounts.AddRange((await CountValuesAsync(Filter(db, skeleton, scope, query, matches, new Except(Attribute: attribute.Code)), ct))
                .Where(v => v.Code == attribute.Code));
        var attributes = skeleton.Attributes
            .Select(a => new AttributeFacet(a.Code, a.Name, OrderValues(valueCounts.Where(v => v.Code == a.Code)
                .Select(v => new FacetValue(v.Value, v.Count, query.IsSelected(a.Code, v.Value))))))
            .Where(a => a.Values.Count > 0).ToList();

        var priceSet = Filter(db, skeleton, scope, query, matches, new Except(Price: true));
        var range = await priceSet.GroupBy(_ => 1).Select(g => new { Min = g.Min(p => p.Price), Max = g.Max(p => p.Price) }).FirstOrDefaultAsync(ct);
        var inStock = await Filter(db, skeleton, scope, query, matches, new Except(Stock: true)).CountAsync(p => p.InStock, ct);
        return new FacetModel(categories, attributes, range is null ? null : new PriceRange(range.Min, range.Max), inStock);
    }

    /// <summary>How many of <paramref name="products"/> carry each facet value ("code:value" → code, value, count).</summary>
    private static async Task<IEnumerable<(string Code, string Value, int Count)>> CountValuesAsync(IQueryable<Product> products, CancellationToken ct)
    {
        var rows = await products.SelectMany(p => p.FacetValues).GroupBy(f => f)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => r.Key.Split(':', 2)).Zip(rows, (parts, r) => (parts[0], parts.Length > 1 ? parts[1] : "", r.Count));
    }

    /// <summary>The facet index entry of an attribute value, as app.facet_values() writes it.</summary>
    public static string FacetKey(string code, string value) => code + ":" + value;

    private static readonly string[] SizeOrder = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "Small", "Medium", "Large", "Extra Large"];

    /// <summary>Sizes in size order, everything else alphabetically.</summary>
    private static List<FacetValue> OrderValues(IEnumerable<FacetValue> values) =>
        values.OrderBy(v => Array.FindIndex(SizeOrder, s => s.Equals(v.Value, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(v => v.Value, StringComparer.CurrentCultureIgnoreCase).ToList();
}
