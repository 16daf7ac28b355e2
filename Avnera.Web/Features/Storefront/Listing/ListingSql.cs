using System.Text;
using System.Text.Json;
using Avnera.Data.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Avnera.Web.Features.Storefront.Listing;

/// <summary>What the statement returns: the page of products and every count the page shows.</summary>
internal sealed record RawListing(
    int Total, int Offset, IReadOnlyList<ProductSummary> Cards, Dictionary<string, int> Categories, Dictionary<string, int> Facets,
    Dictionary<string, Dictionary<string, int>> SelectedFacets, decimal? MinPrice, decimal? MaxPrice, int InStock);

/// <summary>
/// The listing statement: one SQL statement per listing computes everything from one pass over the matching
/// products (a materialized CTE): the page of cards, the total, category counts, and facet counts where each
/// selected group is counted without its own selection (so its other values say what adding them gives),
/// the price range without the price filter and the in-stock count without the stock filter; attribute filters
/// match per variant (a Black M for "Black" and "M"). It reads the listing index on products (facet_values, facet_key,
/// variant_keys, in_stock) and runs under the shopper's Row Level Security.
/// Search: full-text on product_search (name &gt; SKU &gt; attributes &gt; description, the page language's
/// configuration, prefix matching for as-you-type).
/// </summary>
internal static class ListingSql
{
    /// <summary>The facet index entry of an attribute value, as app.facet_values() writes it.</summary>
    public static string FacetKey(string code, string value) => code + ":" + value;

    /// <summary>What separates the values in a product's facet_key (U+001F, unit separator; facet_keys.sql).</summary>
    private const string Separator = "\u001f";

    private const string EmptyObject = "'{}'::json";

    public static async Task<RawListing> RunAsync(
        ProductsDbContext db, CatalogSkeleton skeleton, ListingScope scope, ListingQuery query, string language,
        IReadOnlyList<string>? terms, CancellationToken ct)
    {
        var (sql, parameters) = Build(db.CurrentStoreId, skeleton, scope, query, language, terms);
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
    private static (string Sql, List<NpgsqlParameter> Parameters) Build(
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
        var take = P(ListingService.PageSize);
        var skip = P((Math.Min(query.Page, ListingQuery.MaxPage) - 1) * ListingService.PageSize);
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
}
