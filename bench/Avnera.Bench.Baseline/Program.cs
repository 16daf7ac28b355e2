// The practical ceiling for the storefront's category page (bench/run.sh): bare Kestrel plus raw Npgsql,
// no Blazor, no EF, no DI per request. It runs the statements Avnera's category page sends (captured from
// PostgreSQL's log, docs/benchmarks.md) in the same kind of unit of work — one transaction whose first
// statement sets role, claims and store — and writes comparable HTML (header, facets, 24 product cards).
// Store and category tree are cached on first use, as Avnera caches them.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var products = NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Products")!);
// The service login (decision 0008) reads the registry, the category tree and the claims key once.
var productsService = NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("ProductsService")!);
var master = NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("MasterService")!);
var claimsKey = await LoadClaimsKeyAsync();
var stores = new ConcurrentDictionary<string, Store>();
var html = HtmlEncoder.Default;

app.MapGet("/healthz", () => "ok");
app.MapGet("/s/{slug}/c/{category}", async (string slug, string category, HttpContext http) =>
{
    var store = stores.TryGetValue(slug, out var cached) ? cached : stores[slug] = await LoadStoreAsync(slug);
    if (!store.Categories.TryGetValue(category, out var node)) return Results.NotFound();
    var ids = store.Subtree(node.Id).ToArray();

    await using var conn = await products.OpenConnectionAsync();
    await using var tx = await conn.BeginTransactionAsync();
    // The app's first statement of a unit of work, signature included (RowSecurityInterceptor.SetSql).
    const string claims = "{\"role\":\"anon\"}";
    await ExecAsync(conn, tx, SetSql, "anon", claims, store.Id.ToString(), Sign("anon", store.Id, claims));
    // One statement: the page of cards, the total and every count, as Avnera's ListingService builds it for an
    // unfiltered category page.
    using var doc = System.Text.Json.JsonDocument.Parse((string)(await ScalarAsync(conn, tx, ListingSql, store.Id, ids, 0, 24, "en"))!);
    var root = doc.RootElement;
    var total = root.GetProperty("total").GetInt32();
    var perCategory = root.GetProperty("categories").EnumerateObject().ToDictionary(p => Guid.Parse(p.Name), p => p.Value.GetInt32());
    var facets = new SortedDictionary<string, int>(root.GetProperty("facets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()), StringComparer.Ordinal);
    var price = root.GetProperty("price");
    decimal min = price[0].GetDecimal(), max = price[1].GetDecimal();
    var inStock = root.GetProperty("in_stock").GetInt32();
    static string? Text(System.Text.Json.JsonElement e) => e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null;
    var cards = root.GetProperty("cards").EnumerateArray().Select(c => new Card(
        c[0].GetGuid(), c[1].GetString()!, c[2].GetString()!, Text(c[3]), c[4].GetDecimal(),
        c[5].ValueKind == System.Text.Json.JsonValueKind.Number ? c[5].GetDecimal() : null, Text(c[6]), Text(c[7]),
        c[8].GetBoolean(), c[9].GetDecimal(), c[10].GetInt32())).ToList();
    await tx.CommitAsync();

    var culture = CultureInfo.GetCultureInfo("en-IE");
    var sb = new StringBuilder(48 * 1024);
    sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(html.Encode(node.Name)).Append(" · ").Append(html.Encode(store.Name))
      .Append("</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><header class=\"store-bar\"><a href=\"/s/").Append(slug).Append("\">")
      .Append(html.Encode(store.Name)).Append("</a><form role=\"search\" action=\"/s/").Append(slug).Append("/search\"><input name=\"q\" type=\"search\"><button>Search</button></form></header>")
      .Append("<main><nav class=\"breadcrumbs\"><a href=\"/s/").Append(slug).Append("\">Home</a> › ").Append(html.Encode(node.Name)).Append("</nav><aside><form class=\"facets\" method=\"get\"><h2>Category</h2><ul>");
    foreach (var child in store.Children(node.Id))
    {
        var n = store.Subtree(child.Id).Sum(id => perCategory.GetValueOrDefault(id));
        if (n > 0) sb.Append("<li><a href=\"/s/").Append(slug).Append("/c/").Append(child.Slug).Append("\">").Append(html.Encode(child.Name)).Append(" <span>").Append(n).Append("</span></a></li>");
    }
    sb.Append("</ul>");
    foreach (var group in facets.GroupBy(f => f.Key.Split(':', 2)[0]))
    {
        sb.Append("<fieldset><legend>").Append(html.Encode(group.Key)).Append("</legend>");
        foreach (var (key, count) in group)
        {
            var value = key.Split(':', 2)[1];
            sb.Append("<div><input type=\"checkbox\" name=\"f_").Append(group.Key).Append("\" value=\"").Append(html.Encode(value)).Append("\"><label>")
              .Append(html.Encode(value)).Append(" (").Append(count).Append(")</label></div>");
        }
        sb.Append("</fieldset>");
    }
    sb.Append("<fieldset><legend>Price</legend><input name=\"min\" placeholder=\"").Append(Math.Floor(min)).Append("\"><input name=\"max\" placeholder=\"").Append(Math.Ceiling(max))
      .Append("\"></fieldset><label><input type=\"checkbox\" name=\"instock\" value=\"1\"> In stock only (").Append(inStock).Append(")</label><button>Apply filters</button></form></aside>")
      .Append("<section><h1>").Append(html.Encode(node.Name)).Append("</h1><p>").Append(total).Append(" products</p><ul class=\"grid\">");
    foreach (var c in cards)
    {
        sb.Append("<li><article class=\"card\"><a href=\"/s/").Append(slug).Append("/p/").Append(c.Slug).Append("\"><img src=\"").Append(html.Encode(c.Image ?? ""))
          .Append("\" alt=\"").Append(html.Encode(c.Alt ?? c.Name)).Append("\" width=\"400\" height=\"400\" loading=\"lazy\"><p class=\"brand\">").Append(html.Encode(c.Brand ?? ""))
          .Append("</p><h3>").Append(html.Encode(c.Name)).Append("</h3><p class=\"price\">").Append(c.Price.ToString("C", culture)).Append("</p>");
        if (c.RatingCount > 0) sb.Append("<p>★ ").Append(c.Rating.ToString("0.0", culture)).Append(" (").Append(c.RatingCount).Append(")</p>");
        if (!c.InStock) sb.Append("<p>Out of stock</p>");
        sb.Append("</a><form method=\"post\" action=\"/s/").Append(slug).Append("/wishlist/toggle\"><button>♡</button></form></article></li>");
    }
    sb.Append("</ul></section></main></body></html>");
    return Results.Content(sb.ToString(), "text/html; charset=utf-8");
});
app.Run();

async Task<Store> LoadStoreAsync(string slug)
{
    Guid id;
    string name;
    await using (var conn = await master.OpenConnectionAsync())
    await using (var tx = await conn.BeginTransactionAsync())
    {
        await ExecAsync(conn, tx, "SELECT set_config('role', 'service_role', true)");
        await using var cmd = Command(conn, tx, "SELECT id, name FROM stores WHERE slug = $1", slug);
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) throw new InvalidOperationException($"No store '{slug}'.");
        (id, name) = (r.GetGuid(0), r.GetString(1));
    }
    var categories = new List<Category>();
    await using (var conn = await productsService.OpenConnectionAsync())
    await using (var tx = await conn.BeginTransactionAsync())
    {
        await ExecAsync(conn, tx, "SELECT set_config('role', 'service_role', true)");
        await using var cmd = Command(conn, tx, "SELECT id, parent_id, slug, name FROM categories WHERE store_id = $1 AND is_published", id);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) categories.Add(new Category(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3)));
    }
    return new Store(id, name, categories);
}

async Task<byte[]> LoadClaimsKeyAsync()
{
    await using var conn = await productsService.OpenConnectionAsync();
    await using var tx = await conn.BeginTransactionAsync();
    await ExecAsync(conn, tx, "SELECT set_config('role', 'service_role', true)");
    return (byte[])(await ScalarAsync(conn, tx, "SELECT app_private.claims_signing_key()"))!;
}

string Sign(string role, Guid store, string claims) =>
    Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(claimsKey, Encoding.UTF8.GetBytes($"{role}|{store}|{claims}"))).ToLowerInvariant();

static NpgsqlCommand Command(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params object[] args)
{
    var cmd = new NpgsqlCommand(sql, conn, tx);
    foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
    return cmd;
}

static async Task ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params object[] args)
{
    await using var cmd = Command(conn, tx, sql, args);
    await cmd.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params object[] args)
{
    await using var cmd = Command(conn, tx, sql, args);
    return await cmd.ExecuteScalarAsync();
}

sealed record Category(Guid Id, Guid? ParentId, string Slug, string Name);
sealed record Card(Guid Id, string Slug, string Name, string? Brand, decimal Price, decimal? Was, string? Image, string? Alt, bool InStock, decimal Rating, int RatingCount);

sealed class Store(Guid id, string name, List<Category> categories)
{
    public Guid Id { get; } = id;
    public string Name { get; } = name;
    public Dictionary<string, Category> Categories { get; } = categories.ToDictionary(c => c.Slug);
    public IEnumerable<Category> Children(Guid id) => categories.Where(c => c.ParentId == id);
    public IEnumerable<Guid> Subtree(Guid id) => Children(id).SelectMany(c => Subtree(c.Id)).Prepend(id);
}

partial class Program
{
    // RowSecurityInterceptor.SetSql: role, claims, store and their signature; Supabase's legacy settings blanked.
    const string SetSql =
        "SELECT set_config('role', $1, true), set_config('request.jwt.claims', $2, true), set_config('app.store_id', $3, true), " +
        "set_config('app.claims_mac', $4, true), set_config('request.jwt.claim', '', true), set_config('request.jwt.claim.sub', '', true), " +
        "set_config('request.jwt.claim.role', '', true), set_config('request.jwt.claim.email', '', true)";

    // Captured from PostgreSQL's log (log_min_duration_statement = 0) while Avnera served the same page.
    const string ListingSql = """
        WITH b AS MATERIALIZED (
            SELECT p.id, p.category_id, p.price, p.in_stock, p.facet_key, p.published_at, p.rating_average, p.rating_count, 0::real AS rank
            FROM products p
            WHERE p.store_id = $1 AND p.status = 'published' AND p.category_id = ANY($2)),
        n AS MATERIALIZED (SELECT count(*)::int AS total, min(price) AS lo, max(price) AS hi,
                                  count(*) FILTER (WHERE in_stock)::int AS in_stock FROM b),
        o AS (SELECT LEAST($3, GREATEST((n.total - 1) / $4 * $4, 0)) AS "offset" FROM n),
        pg AS (SELECT x.id, x.ord FROM unnest(ARRAY(SELECT id FROM b ORDER BY published_at DESC NULLS LAST, id LIMIT $4 OFFSET (SELECT "offset" FROM o))) WITH ORDINALITY x(id, ord))
        SELECT json_build_object(
            'total', (SELECT total FROM n),
            'offset', (SELECT "offset" FROM o),
            'cards', (SELECT coalesce(json_agg(json_build_array(p.id, p.slug, coalesce(t.name, p.name), p.brand, p.price, p.compare_at_price,
                                                                i.url, i.alt_text, p.in_stock, p.rating_average, p.rating_count) ORDER BY pg.ord), '[]')
                      FROM pg JOIN products p ON p.store_id = $1 AND p.id = pg.id
                      LEFT JOIN product_translations t ON t.store_id = $1 AND t.product_id = p.id AND t.language = $5
                      LEFT JOIN LATERAL (SELECT im.url, im.alt_text FROM product_images im
                                         WHERE im.store_id = $1 AND im.product_id = p.id ORDER BY im.position LIMIT 1) i ON true),
            'categories', (SELECT coalesce(json_object_agg(x.category_id, x.n), '{}'::json) FROM (SELECT category_id, count(*) AS n FROM b WHERE category_id IS NOT NULL GROUP BY category_id) x),
            'facets', (SELECT coalesce(json_object_agg(x.v, x.n), '{}'::json) FROM (SELECT v, sum(s.n)::int AS n FROM (SELECT facet_key, count(*) AS n FROM b GROUP BY facet_key) s, unnest(string_to_array(trim(BOTH chr(31) FROM s.facet_key), chr(31))) v GROUP BY v) x),
            'price', (SELECT json_build_array(lo, hi) FROM n),
            'in_stock', (SELECT in_stock FROM n)
        ) AS "Value"
        """;
}
