// Creates (or tops up) a benchmark store with N products, generated in SQL for speed:
//   dotnet run --project bench/Avnera.Bench.Seed -- --slug bench-10k --products 10000
// Reads the same configuration as the app (ConnectionStrings__*, ENCRYPTION_KEY). Idempotent: a store
// that already has its products is left alone.
using System.Diagnostics;
using Avnera.Data;
using Avnera.Data.Master;
using Avnera.Data.Products;
using Avnera.Data.Security;
using Avnera.Data.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var slug = Arg("--slug") ?? "bench-10k";
var count = int.Parse(Arg("--products") ?? "10000");
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection()
    .AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
    .AddAvneraData(configuration, isDevelopment: false)
    .BuildServiceProvider();

var master = services.GetRequiredService<IDbContextFactory<MasterDbContext>>();
Guid storeId;
await using (var db = await master.CreateAsync(DbPrincipal.Service))
{
    var existing = await db.Stores.Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).SingleOrDefaultAsync();
    if (existing is { } id) storeId = id;
    else
    {
        var owner = await db.Users.Where(u => u.Email == "bench-owner@example.com").Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        if (owner is null)
        {
            var user = new User { Id = Guid.CreateVersion7(), Email = "bench-owner@example.com", DisplayName = "Bench owner" };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            owner = user.Id;
        }
        storeId = await services.GetRequiredService<StoreProvisioner>().ProvisionAsync(
            new NewStore(owner.Value, slug, $"Bench {count:N0}", $"{slug}@example.com", Currency: "EUR", Culture: "en-IE"));
    }
}

await using var products = await services.GetRequiredService<ITenantDbContextFactory>().CreateProductsAsync(storeId, DbPrincipal.Service);
products.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
var have = await products.Products.CountAsync();
if (have >= count)
{
    Console.WriteLine($"{slug}: {have:N0} products already there");
    return;
}
if (have > 0) throw new InvalidOperationException($"{slug} has {have} products, fewer than {count}: delete the store's rows or use another slug.");

var clock = Stopwatch.StartNew();
foreach (var sql in GenerateSql(storeId, count))
    await products.Database.ExecuteSqlRawAsync(sql);
Console.WriteLine($"{slug}: {count:N0} products generated in {clock.Elapsed.TotalSeconds:0.0} s");
clock.Restart();
await ProductSearchIndex.RefreshAsync(products);
await products.Database.ExecuteSqlRawAsync("ANALYZE");
Console.WriteLine($"{slug}: search documents built in {clock.Elapsed.TotalSeconds:0.0} s");
return;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static IEnumerable<string> GenerateSql(Guid store, int n)
{
    var s = $"'{store}'::uuid";
    // Word lists: names combine an adjective, a material and a noun (like the demo catalog), plus a number.
    const string adjectives = "array['Classic','Relaxed','Tailored','Everyday','Soft','Cropped','Oversized','Slim','Pleated','Wrap','Rustic','Modern','Handmade','Nordic','Minimal','Heritage','Coastal','Artisan','Vintage','Urban']";
    const string materials = "array['Linen','Cotton','Wool','Silk','Cashmere','Denim','Viscose','Merino','Oak','Ceramic','Walnut','Glass','Brass','Leather','Bamboo','Hemp']";
    const string nouns = "array['Dress','Shirt','Sweater','Cardigan','Trousers','Jacket','Coat','Scarf','Tote','Belt','Mug','Bowl','Vase','Lamp','Cushion','Throw','Planter','Candle','Towel','Blanket','Skillet','Platter','Tee','Hoodie','Chinos']";
    yield return $"""
        insert into categories (id, store_id, parent_id, slug, name, description, position, is_published, created_at)
        select ('00000000-0000-7000-8000-' || lpad(to_hex(r), 12, '0'))::uuid, {s}, null, 'department-' || r, 'Department ' || r,
               'Everything in department ' || r || '.', r, true, now()
        from generate_series(1, 5) r;
        insert into categories (id, store_id, parent_id, slug, name, description, position, is_published, created_at)
        select ('00000000-0000-7000-9000-' || lpad(to_hex(r * 100 + l), 12, '0'))::uuid, {s},
               ('00000000-0000-7000-8000-' || lpad(to_hex(r), 12, '0'))::uuid, 'category-' || r || '-' || l, 'Category ' || r || '.' || l,
               'Products of category ' || r || '.' || l || '.', l, true, now()
        from generate_series(1, 5) r, generate_series(1, 8) l;
        insert into product_attributes (id, store_id, code, name, kind, is_filterable, is_variant_option, position)
        values ('00000000-0000-7000-a000-000000000001', {s}, 'colour', 'Colour', 'select', true, true, 1),
               ('00000000-0000-7000-a000-000000000002', {s}, 'size', 'Size', 'select', true, true, 2),
               ('00000000-0000-7000-a000-000000000003', {s}, 'material', 'Material', 'select', true, false, 3);
        """;
    yield return $"""
        insert into products (id, store_id, slug, name, description, brand, status, category_id, price, compare_at_price,
                              rating_average, rating_count, created_at, updated_at, published_at)
        select ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, {s},
               lower(a || '-' || m || '-' || nn || '-' || i), a || ' ' || m || ' ' || nn || ' ' || i,
               'The **' || a || ' ' || m || ' ' || nn || '** is made from ' || lower(m) || ' and finished by hand. A favourite of the range.',
               (array['Lumière','Atelier Nord','Hearthline','Fieldhouse'])[1 + i % 4],
               case when i % 20 = 0 then 'draft' else 'published' end,
               ('00000000-0000-7000-9000-' || lpad(to_hex((1 + i % 5) * 100 + 1 + (i / 5) % 8), 12, '0'))::uuid,
               round((9 + (i * 7919 % 290))::numeric, 0) - 0.10, null,
               (i % 5) + 0.5, i % 13, now() - make_interval(days => i % 365), now(), now() - make_interval(mins => i)
        from (select i, ({adjectives})[1 + i % 20] a, ({materials})[1 + (i / 20) % 16] m, ({nouns})[1 + (i / 7) % 25] nn
              from generate_series(1, {n}) i) g;
        """;
    yield return $"""
        insert into product_variants (id, store_id, product_id, sku, title, price, stock_on_hand, stock_reserved, position, is_active, created_at, updated_at)
        select ('00000000-0000-7000-c000-' || lpad(to_hex(i * 8 + c * 4 + z), 12, '0'))::uuid, {s},
               ('00000000-0000-7000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
               'BN-' || i || '-' || c || z, (array['Black','Ivory','Navy','Sage'])[1 + (i + c) % 4] || ' / ' || (array['S','M','L'])[z],
               null, case when (i + c + z) % 11 = 0 then 0 else 1 + (i + z) % 30 end, 0, c * 3 + z, true, now(), now()
        from generate_series(1, {n}) i, generate_series(0, 1) c, generate_series(1, 3) z;
        -- Opening stock as the ledger's receipts, as the app writes it (ProductVariant.Receive): the ledger sums to on hand.
        insert into inventory_movements (id, store_id, variant_id, kind, quantity, order_id, reason, created_at)
        select gen_random_uuid(), {s}, v.id, 'receipt', v.stock_on_hand, null, 'Opening stock', v.created_at
        from product_variants v where v.store_id = {s} and v.stock_on_hand > 0;
        """;
    yield return $"""
        insert into product_attribute_values (id, store_id, product_id, variant_id, attribute_id, value, numeric_value)
        select gen_random_uuid(), {s}, v.product_id, v.id, '00000000-0000-7000-a000-000000000001', split_part(v.title, ' / ', 1), null
        from product_variants v where v.store_id = {s};
        insert into product_attribute_values (id, store_id, product_id, variant_id, attribute_id, value, numeric_value)
        select gen_random_uuid(), {s}, v.product_id, v.id, '00000000-0000-7000-a000-000000000002', split_part(v.title, ' / ', 2), null
        from product_variants v where v.store_id = {s};
        insert into product_attribute_values (id, store_id, product_id, variant_id, attribute_id, value, numeric_value)
        select gen_random_uuid(), {s}, p.id, null, '00000000-0000-7000-a000-000000000003', split_part(p.name, ' ', 2), null
        from products p where p.store_id = {s};
        insert into product_images (id, store_id, product_id, variant_id, url, alt_text, position, width, height)
        select gen_random_uuid(), {s}, p.id, null,
               '/media/demo/' || (array['dress','top','knit','jacket','mug','vase','lamp','cushion'])[1 + (abs(hashtext(p.slug)) % 8)] || '/'
                   || (array['1f3366','c0623f','8fa58a','efe8d8','3c4048','7a1f33'])[1 + (abs(hashtext(p.name)) % 6)] || '.svg',
               p.name, 0, 400, 400
        from products p where p.store_id = {s};
        """;
}
