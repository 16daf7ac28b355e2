using System.Globalization;
using System.Text;
using System.Text.Json;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace Avnera.Web.Features.Storefront.Listing;

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

/// <summary>
/// A search as answered: what the shopper typed, the words searched for, and whether those are corrections of
/// what was typed (nothing matched as typed, so misspelt words were replaced by the closest words of the catalog).
/// </summary>
public sealed record SearchInfo(string Query, IReadOnlyList<string> Terms, bool Fuzzy)
{
    /// <summary>The words searched for, as a phrase ("linen shirt").</summary>
    public string SearchedFor => string.Join(' ', Terms);
}

public sealed record ListingResult(IReadOnlyList<ProductSummary> Products, int Total, int Page, int PageSize, FacetModel Facets, SearchInfo? Search)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where a listing draws from: a category (with its subcategories), a collection, or the whole catalog.</summary>
public sealed record ListingScope(CategoryNode? Category = null, CollectionLink? Collection = null);

/// <summary>
/// Product listings of the storefront: category, collection, all products and search, with sorting, paging
/// and facet counts. One SQL statement per listing computes everything from one pass over the matching
/// products (a materialized CTE): the page of cards, the total, category counts, and facet counts where each
/// selected group is counted without its own selection (so its other values say what adding them gives),
/// the price range without the price filter and the in-stock count without the stock filter; attribute filters
/// match per variant (a Black M for "Black" and "M"). It reads the listing index on products (facet_values, facet_key,
/// variant_keys, in_stock) and runs under the shopper's Row Level Security.
/// Search: full-text on product_search (name &gt; SKU &gt; attributes &gt; description, the page language's
/// configuration, prefix matching for as-you-type); when nothing matches, misspelt words are replaced by the
/// most similar words of the store's catalog (pg_trgm over search_terms) so a typo still finds the product.
/// </summary>
public sealed class ListingService(StorefrontContext storefront, ListingCache cache)
{
    public const int PageSize = 24;
    private const int MaxTerms = 8;

    public async Task<ListingResult> ListAsync(ListingScope scope, ListingQuery query, CancellationToken ct = default)
    {
        var skeleton = await storefront.SkeletonAsync(ct);
        var language = storefront.Language;
        SearchInfo? search = null;
        IReadOnlyList<string> terms = [];
        if (query.Search is { } text)
        {
            terms = Terms(text);
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
        var raw = await RunAsync(db, skeleton, scope, query, language, search is null ? null : terms, ct);
        if (search is not null && raw.Total == 0 && terms.Any(t => t.Length >= 3))
        {
            // Nothing matches as typed: replace misspelt words by the closest words of the store's catalog
            // (search_vocabulary.sql) and search again.
            var corrected = await CorrectAsync(db, language, terms, ct);
            if (!corrected.SequenceEqual(terms))
            {
                raw = await RunAsync(db, skeleton, scope, query, language, corrected, ct);
                search = search with { Terms = corrected, Fuzzy = true };
            }
        }
        await tx.CommitAsync(ct);
        return new ListingCache.Entry(raw, search);
    }

    private static ListingResult Result(
        CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, RawListing raw, IReadOnlyList<ProductSummary> cards, SearchInfo? search)
    {
        var facets = BuildFacets(skeleton, scope, query, raw);
        var page = Math.Max(1, raw.Offset / PageSize + 1);
        return new ListingResult(cards, raw.Total, page, PageSize, facets, search);
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

    /// <summary>The facet index entry of an attribute value, as app.facet_values() writes it.</summary>
    public static string FacetKey(string code, string value) => code + ":" + value;

    /// <summary>What separates the values in a product's facet_key (U+001F, unit separator; facet_keys.sql).</summary>
    private const string Separator = "\u001f";

    private static async Task<IReadOnlyList<string>> CorrectAsync(ProductsDbContext db, string language, IReadOnlyList<string> terms, CancellationToken ct)
    {
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var command = new NpgsqlCommand("select app.search_corrections(@language, @terms)", (NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        command.Parameters.AddWithValue("language", language);
        command.Parameters.AddWithValue("terms", terms.ToArray());
        var corrected = (string[])(await command.ExecuteScalarAsync(ct))!;
        return corrected.Distinct().ToList();
    }

    private const string EmptyObject = "'{}'::json";

    /// <summary>What the statement returns: the page of products and every count the page shows.</summary>
    internal sealed record RawListing(
        int Total, int Offset, IReadOnlyList<ProductSummary> Cards, Dictionary<string, int> Categories, Dictionary<string, int> Facets,
        Dictionary<string, Dictionary<string, int>> SelectedFacets, decimal? MinPrice, decimal? MaxPrice, int InStock);

    private static async Task<RawListing> RunAsync(
        ProductsDbContext db, CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, string language,
        IReadOnlyList<string>? terms, CancellationToken ct)
    {
        var (sql, parameters) = BuildSql(db.CurrentStoreId, skeleton, scope, query, language, terms);
        // Straight to Npgsql on the context's connection, inside its transaction: the role, claims and store the
        // transaction started with apply (RLS), and EF does not wrap or reformat the statement.
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("The listing statement must run in the page's transaction.");
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
        command.Parameters.AddRange(parameters.ToArray());
        // A search sends its settings first, in the same round trip; the listing is the last result.
        string json;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (terms is not null) await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            json = reader.GetString(0);
        }
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Dictionary<string, int> Counts(JsonElement e) =>
            e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()) : [];
        var selected = skeleton.Attributes.Where(a => query.Attributes.ContainsKey(a.Code))
            .ToDictionary(a => a.Code, a => Counts(root.GetProperty("facets_" + a.Code)));
        var price = root.GetProperty("price");
        return new RawListing(
            root.GetProperty("total").GetInt32(), root.GetProperty("offset").GetInt32(),
            root.GetProperty("cards").EnumerateArray().Select(Card).ToList(),
            Counts(root.GetProperty("categories")), Counts(root.GetProperty("facets")), selected,
            price[0].ValueKind == JsonValueKind.Number ? price[0].GetDecimal() : null,
            price[1].ValueKind == JsonValueKind.Number ? price[1].GetDecimal() : null,
            root.GetProperty("in_stock").GetInt32());
    }

    /// <summary>A card as the statement writes it: [id, slug, name, brand, price, compare-at, image, alt, in stock, rating, ratings].</summary>
    private static ProductSummary Card(JsonElement c)
    {
        static string? Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        return new ProductSummary(
            c[0].GetGuid(), c[1].GetString()!, c[2].GetString()!, Text(c[3]), c[4].GetDecimal(),
            c[5].ValueKind == JsonValueKind.Number ? c[5].GetDecimal() : null, Text(c[6]), Text(c[7]),
            c[8].GetBoolean(), c[9].GetDecimal(), c[10].GetInt32());
    }

    /// <summary>
    /// The listing statement. Scope (category subtree, collection, search match) is applied once in the
    /// materialized CTE b; the shopper's filters are applied per aggregate, each leaving out what its
    /// count must not depend on. Every value is a parameter; only fixed SQL fragments are concatenated.
    /// </summary>
    private static (string Sql, List<NpgsqlParameter> Parameters) BuildSql(
        Guid storeId, CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, string language,
        IReadOnlyList<string>? terms)
    {
        var parameters = new List<NpgsqlParameter>();
        string P(object value, NpgsqlDbType? type = null)
        {
            var p = type is { } t ? new NpgsqlParameter { NpgsqlDbType = t, Value = value } : new NpgsqlParameter { Value = value };
            p.ParameterName = "p" + parameters.Count;
            parameters.Add(p);
            return "@" + p.ParameterName;
        }

        var store = P(storeId);
        var settings = "";
        var selectedGroups = skeleton.Attributes.Where(a => query.Attributes.ContainsKey(a.Code)).ToList();
        // Attribute filters match per variant (variant_keys.sql): one of the product's variant keys k (the variant's
        // values with the product's) must hold a chosen value of every chosen group — "Black" and "M" need a Black M.
        // A group is satisfied by any of its chosen values: a substring of k. A value with a control character can
        // never be a facet value (and must not reach across the separators).
        var groupTests = new Dictionary<string, string>();
        foreach (var attribute in selectedGroups)
        {
            var tests = query.Attributes[attribute.Code].Where(v => !v.Any(char.IsControl))
                .Select(v => $"strpos(k, {P(Separator + FacetKey(attribute.Code, v) + Separator)}) > 0").ToList();
            groupTests[attribute.Code] = tests.Count == 0 ? "false" : "(" + string.Join(" OR ", tests) + ")";
        }
        // What a variant key must satisfy: every chosen group but one (null: all of them); "" when nothing.
        string KeyMatches(string? exceptGroup) => string.Join(" AND ", groupTests.Where(g => g.Key != exceptGroup).Select(g => g.Value));
        // Whether a product has such a variant, computed once per product in b: for all chosen groups, and (with
        // several groups) for all but each one, which that group's own counts need.
        var flagNames = new Dictionary<string, string>(); // "" = all groups; a code = all but that one
        var flagColumns = new StringBuilder();
        if (groupTests.Count > 0)
        {
            flagColumns.Append(", p.variant_keys");
            foreach (var except in new string?[] { null }.Concat(groupTests.Count > 1 ? groupTests.Keys : []))
            {
                var name = "attr_ok_" + flagNames.Count;
                flagNames[except ?? ""] = name;
                flagColumns.Append($", EXISTS (SELECT 1 FROM unnest(p.variant_keys) k WHERE {KeyMatches(except)}) AS {name}");
            }
        }
        var filterColumns = flagColumns.ToString();

        var sql = new StringBuilder("WITH ");
        if (terms is null)
        {
            sql.Append($"""
                b AS MATERIALIZED (
                    SELECT p.id, p.category_id, p.price, p.in_stock, p.facet_key, p.published_at, p.rating_average, p.rating_count, 0::real AS rank{filterColumns}
                    FROM products p
                    WHERE p.store_id = {store} AND p.status = 'published'
                """);
        }
        else
        {
            // Matches come from app.search_matches (search_matches.sql): a security-barrier view bound to the
            // caller's store and to the search set just before in this transaction (under RLS the full-text index
            // could not be used on product_search directly), with the product's listing columns copied on
            // product_search, so thousands of matches need no lookup in products. Every word as a prefix (as-you-type).
            settings = $"SELECT set_config('app.search_config', {P(ProductSearchIndex.ConfigFor(language))}, true), set_config('app.search_query', {P(string.Join(" & ", terms.Select(t => t + ":*")))}, true);\n";
            sql.Append($"""
                b AS MATERIALIZED (
                    SELECT p.product_id AS id, p.category_id, p.price, p.in_stock, p.facet_key, p.published_at, p.rating_average, p.rating_count, p.rank{filterColumns}
                    FROM app.search_matches p
                    WHERE p.language = {P(language)}
                """);
        }
        if (scope.Category is { } category)
            sql.Append($" AND p.category_id = ANY({P(category.SelfAndDescendants().Select(c => c.Id).ToArray())})");
        if (scope.Collection is { } collection)
            sql.Append($" AND EXISTS (SELECT 1 FROM collection_products cp WHERE cp.store_id = {store} AND cp.collection_id = {P(collection.Id)} AND cp.product_id = {(terms is null ? "p.id" : "p.product_id")})");
        sql.Append(')');

        // The shopper's filters, by name, so each aggregate can leave one out.
        var filters = new List<(string Name, string Condition)>();
        if (query.MinPrice is { } min) filters.Add(("price", $"price >= {P(min)}"));
        if (query.MaxPrice is { } max) filters.Add(("price", $"price <= {P(max)}"));
        if (query.InStockOnly) filters.Add(("stock", "in_stock"));
        string Conditions(string? except = null)
        {
            var conditions = filters.Where(f => f.Name != except).Select(f => f.Condition).ToList();
            var exceptGroup = except is { } e && e.StartsWith("attr:", StringComparison.Ordinal) ? e[5..] : "";
            if (flagNames.TryGetValue(exceptGroup, out var flag)) conditions.Add(flag);
            return string.Join(" AND ", conditions);
        }
        string Where(string? except = null) => Conditions(except) is { Length: > 0 } c ? " WHERE " + c : "";
        string Filter(string? except = null, string? also = null) =>
            string.Join(" AND ", new[] { also, Conditions(except) }.Where(c => !string.IsNullOrEmpty(c))) is { Length: > 0 } c ? $" FILTER (WHERE {c})" : "";

        var order = query.Sort switch
        {
            ListingSort.Relevance when terms is not null => "rank DESC, published_at DESC NULLS LAST, id",
            ListingSort.PriceAscending => "price, published_at DESC NULLS LAST, id",
            ListingSort.PriceDescending => "price DESC, published_at DESC NULLS LAST, id",
            ListingSort.Rating => "rating_average DESC, rating_count DESC, published_at DESC NULLS LAST, id",
            _ => "published_at DESC NULLS LAST, id",
        };
        // Without filters the filtered set is the scope itself: no second copy of it.
        var f = filters.Count == 0 && groupTests.Count == 0 ? "b" : "f";
        var take = P(PageSize);
        var skip = P((Math.Min(query.Page, 100_000) - 1) * PageSize);
        // Facet counts in two steps: products are first grouped by their facet_key (a catalog has far fewer
        // distinct sets of facet values than products, and one string hashes faster than an array), then each
        // set's values are counted once with the set's size.
        string FacetCounts(string source, string? prefix = null) =>
            $"(SELECT coalesce(json_object_agg(x.v, x.n), {EmptyObject}) FROM (SELECT v, sum(s.n)::int AS n FROM (SELECT facet_key, count(*) AS n FROM {source} GROUP BY facet_key) s, unnest(string_to_array(trim(BOTH chr(31) FROM s.facet_key), chr(31))) v{(prefix is null ? "" : $" WHERE v LIKE {prefix}")} GROUP BY v) x)";
        // With attribute filters a product offers a value when one of its variants that satisfies the filters
        // (keyMatches) has it: each product counts once per value.
        string VariantFacetCounts(string source, string keyMatches, string? prefix = null)
        {
            var where = string.Join(" AND ", new[] { keyMatches, prefix is null ? "" : $"v LIKE {prefix}" }.Where(c => c.Length > 0));
            // Products with the same variant keys offer the same values: each distinct set is expanded once.
            return $"(SELECT coalesce(json_object_agg(x.v, x.n), {EmptyObject}) FROM (SELECT d.v, sum(s.n)::int AS n FROM (SELECT variant_keys, count(*) AS n FROM {source} GROUP BY variant_keys) s, LATERAL (SELECT DISTINCT v FROM unnest(s.variant_keys) k, unnest(string_to_array(trim(BOTH chr(31) FROM k), chr(31))) v{(where.Length > 0 ? " WHERE " + where : "")}) d GROUP BY d.v) x)";
        }
        // The page's cards come with the counts, in the page language (translated name when there is one, first image).
        var lang = P(language);
        sql.Append($"""
            ,
            {(f == "b" ? "" : $"f AS MATERIALIZED (SELECT * FROM b{Where()}),")}
            n AS MATERIALIZED (SELECT count(*){Filter()}::int AS total, min(price){Filter("price")} AS lo, max(price){Filter("price")} AS hi,
                                      count(*){Filter("stock", "in_stock")}::int AS in_stock FROM b),
            o AS (SELECT LEAST({skip}, GREATEST((n.total - 1) / {take} * {take}, 0)) AS "offset" FROM n),
            pg AS (SELECT x.id, x.ord FROM unnest(ARRAY(SELECT id FROM {f} ORDER BY {order} LIMIT {take} OFFSET (SELECT "offset" FROM o))) WITH ORDINALITY x(id, ord))
            SELECT json_build_object(
                'total', (SELECT total FROM n),
                'offset', (SELECT "offset" FROM o),
                'cards', (SELECT coalesce(json_agg(json_build_array(p.id, p.slug, coalesce(t.name, p.name), p.brand, p.price, p.compare_at_price,
                                                                    i.url, i.alt_text, p.in_stock, p.rating_average, p.rating_count) ORDER BY pg.ord), '[]')
                          FROM pg JOIN products p ON p.store_id = {store} AND p.id = pg.id
                          LEFT JOIN product_translations t ON t.store_id = {store} AND t.product_id = p.id AND t.language = {lang}
                          LEFT JOIN LATERAL (SELECT im.url, im.alt_text FROM product_images im
                                             WHERE im.store_id = {store} AND im.product_id = p.id ORDER BY im.position LIMIT 1) i ON true),
                'categories', (SELECT coalesce(json_object_agg(x.category_id, x.n), {EmptyObject}) FROM (SELECT category_id, count(*) AS n FROM {f} WHERE category_id IS NOT NULL GROUP BY category_id) x),
                'facets', {(groupTests.Count == 0 ? FacetCounts(f) : VariantFacetCounts(f, KeyMatches(null)))},

            """);
        foreach (var attribute in selectedGroups)
        {
            // Price and stock filters on the products; the other groups on the variant keys the values come from.
            var priceAndStock = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters.Select(x => x.Condition));
            var source = priceAndStock.Length == 0 ? "b" : $"(SELECT variant_keys FROM b{priceAndStock}) w";
            sql.Append($"""
                'facets_{attribute.Code}', {VariantFacetCounts(source, KeyMatches(attribute.Code), P(attribute.Code + ":%"))},

                """);
        }
        sql.Append($"""
                'price', (SELECT json_build_array(lo, hi) FROM n),
                'in_stock', (SELECT in_stock FROM n)
            ) AS "Value"
            """);
        return (settings + sql, parameters);
    }

    private static FacetModel BuildFacets(CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, RawListing raw)
    {
        var perCategory = raw.Categories.ToDictionary(c => Guid.Parse(c.Key), c => c.Value);
        var nodes = scope.Category?.Children ?? skeleton.Tree;
        var categories = nodes.Select(n => new CategoryFacet(n, n.SelfAndDescendants().Sum(d => perCategory.GetValueOrDefault(d.Id))))
            .Where(c => c.Count > 0).ToList();

        var attributes = new List<AttributeFacet>();
        foreach (var attribute in skeleton.Attributes)
        {
            var source = raw.SelectedFacets.TryGetValue(attribute.Code, out var own) ? own : raw.Facets;
            var prefix = attribute.Code + ":";
            var values = source.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(kv => new FacetValue(kv.Key[prefix.Length..], kv.Value, query.IsSelected(attribute.Code, kv.Key[prefix.Length..])));
            // A selected value nothing carries any more still shows (with 0), so it can be unticked.
            if (query.Attributes.TryGetValue(attribute.Code, out var chosen))
                values = values.Concat(chosen.Where(c => !source.ContainsKey(prefix + c)).Select(c => new FacetValue(c, 0, true)));
            var list = OrderValues(values);
            if (list.Count > 0) attributes.Add(new AttributeFacet(attribute.Code, attribute.Name, list));
        }
        var price = raw.MinPrice is { } lo && raw.MaxPrice is { } hi ? new PriceRange(lo, hi) : null;
        return new FacetModel(categories, attributes, price, raw.InStock);
    }

    private static readonly string[] SizeOrder = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "Small", "Medium", "Large", "Extra Large"];

    /// <summary>Sizes in size order, everything else alphabetically.</summary>
    private static List<FacetValue> OrderValues(IEnumerable<FacetValue> values) =>
        values.OrderBy(v => Array.FindIndex(SizeOrder, s => s.Equals(v.Value, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(v => v.Value, StringComparer.CurrentCultureIgnoreCase).ToList();
}

/// <summary>
/// Recently computed listings, per instance, for a few seconds (Avnera:Storefront:ListingCacheSeconds,
/// default 10; 0 turns it off). Bounded: at most 5,000 listings are kept, so crawlers walking every filter
/// combination cannot grow it without limit. Prices and stock on listings may lag by that many seconds
/// (plus one recomputation); product pages are never cached.
/// A listing older than that is recomputed by one request while the others keep getting the previous one
/// (stale while revalidate), so a popular listing's refresh never makes a crowd of shoppers wait; one not asked
/// for during twice that time is gone, and the next request computes it (the others asking meanwhile wait for
/// that one computation instead of running their own).
/// </summary>
public sealed class ListingCache(IConfiguration configuration, TimeProvider? time = null)
{
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Avnera:Storefront:ListingCacheSeconds", 10), 0, 300));
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _cache = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = 5_000 });

    internal sealed record Entry(ListingService.RawListing Raw, SearchInfo? Search);

    private sealed record Computed(Entry Entry, DateTimeOffset At);

    internal static string Key(Guid store, string language, ListingScope scope, ListingQuery query) =>
        string.Join('|', store.ToString("N"), language, scope.Category?.Id.ToString("N") ?? "", scope.Collection?.Id.ToString("N") ?? "",
            ListingQuery.SortKey(query.Sort), string.Join('&', query.ToQuery(query.Page, includeSort: false).Select(kv => kv.Key + "=" + kv.Value)));

    public bool Enabled => _ttl > TimeSpan.Zero;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<Entry>> _inflight = new();

    /// <summary>
    /// The cached listing; or, when it is due for a refresh, the previous one while another request refreshes it
    /// (this request refreshes it when nobody else does); or the one being computed right now by another request;
    /// or computes it.
    /// </summary>
    internal async Task<Entry> GetOrCreateAsync(string key, Func<Task<Entry>> create)
    {
        if (_cache.TryGetValue(key, out Computed? hit) && hit is not null && _time.GetUtcNow() - hit.At is var age && age < 2 * _ttl)
        {
            if (age < _ttl) return hit.Entry;
            var refresh = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_inflight.TryAdd(key, refresh.Task)) return hit.Entry; // someone is refreshing it: the previous one meanwhile
            return await ComputeAsync(key, create, refresh);
        }
        var mine = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inflight.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                return await running;
            }
            catch (Exception) when (!running.IsCompletedSuccessfully)
            {
                return await create(); // the other request failed or gave up: do it ourselves
            }
        }
        return await ComputeAsync(key, create, mine);
    }

    private async Task<Entry> ComputeAsync(string key, Func<Task<Entry>> create, TaskCompletionSource<Entry> mine)
    {
        try
        {
            var entry = await create();
            _cache.Set(key, new Computed(entry, _time.GetUtcNow()), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = 2 * _ttl });
            mine.SetResult(entry);
            return entry;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed: waiters (if any) compute on their own
            throw;
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<string, Task<Entry>>(key, mine.Task));
        }
    }
}
