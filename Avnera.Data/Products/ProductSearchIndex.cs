using Microsoft.EntityFrameworkCore;

namespace Avnera.Data.Products;

/// <summary>
/// Builds the full-text search documents of a store's products, one per product and store language:
/// name (weight A) &gt; SKUs (B) &gt; attribute values (C) &gt; description (D), each language with its own
/// text search configuration (stemming), translations falling back to the default language's text.
/// SKUs are indexed by their letter/digit runs in the language's configuration, the way search splits and
/// stems a query: the 'simple' parser reads "ML-0001-NAVY" as 'ml', '-0001' (a signed number), 'navy', so a
/// shopper typing the SKU (query terms 'ml', '0001', stemmed 'navi') found nothing.
/// Only published products get documents, so search never needs to look at the products table to hide
/// drafts. It also refreshes the store's search vocabulary (typo correction) and the listing index on products (facet values, in-stock flag). Call it after products,
/// their attributes, variants or translations change; it upserts, so running it twice changes nothing.
/// </summary>
public static class ProductSearchIndex
{
    /// <summary>The PostgreSQL text search configuration for a BCP 47 language (stemming); 'simple' otherwise.</summary>
    public static string ConfigFor(string language) => language.Split('-')[0].ToLowerInvariant() switch
    {
        "en" => "english",
        "fr" => "french",
        "de" => "german",
        "es" => "spanish",
        "it" => "italian",
        "pt" => "portuguese",
        "nl" => "dutch",
        "sv" => "swedish",
        "da" => "danish",
        "nb" or "no" => "norwegian",
        "fi" => "finnish",
        _ => "simple",
    };

    /// <summary>Re-indexes <paramref name="productIds"/> (all of the store's products when null).</summary>
    public static async Task<int> RefreshAsync(ProductsDbContext db, IReadOnlyCollection<Guid>? productIds = null, CancellationToken ct = default)
    {
        var storeId = db.CurrentStoreId;
        var store = await db.Stores.AsNoTracking().Select(s => new { s.DefaultLanguage, s.Languages }).SingleAsync(ct);
        var languages = store.Languages.Prepend(store.DefaultLanguage).Distinct().ToArray();
        var configs = languages.Select(ConfigFor).ToArray();
        var ids = productIds?.ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            update products set facet_values = app.facet_values(store_id, id), variant_keys = app.variant_keys(store_id, id), in_stock = app.has_stock(store_id, id)
            where store_id = {storeId} and ({ids}::uuid[] is null or id = any({ids}::uuid[]))
            """, ct);
        // Only published products are searchable (a trigger also unlists a product when it stops being published).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            delete from product_search s using products p
            where s.store_id = {storeId} and p.store_id = s.store_id and p.id = s.product_id and p.status <> 'published'
              and ({ids}::uuid[] is null or p.id = any({ids}::uuid[]))
            """, ct);
        var documents = await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into product_search (store_id, product_id, language, config, document, name, updated_at,
                                        category_id, price, in_stock, facet_values, variant_keys, published_at, rating_average, rating_count)
            select p.store_id, p.id, l.language, l.config,
                   setweight(to_tsvector(l.config::regconfig, coalesce(t.name, p.name)), 'A')
                || setweight(to_tsvector(l.config::regconfig, regexp_replace(coalesce((select string_agg(v.sku, ' ') from product_variants v
                                                             where v.store_id = p.store_id and v.product_id = p.id), ''), '[^[:alnum:]]+', ' ', 'g')), 'B')
                || setweight(to_tsvector(l.config::regconfig, coalesce((select string_agg(distinct av.value, ' ') from product_attribute_values av
                                                             where av.store_id = p.store_id and av.product_id = p.id), '')), 'C')
                || setweight(to_tsvector(l.config::regconfig, coalesce(t.description, p.description, '')), 'D'),
                   left(coalesce(t.name, p.name), 300), now(),
                   p.category_id, p.price, p.in_stock, p.facet_values, p.variant_keys, p.published_at, p.rating_average, p.rating_count
            from products p
            cross join unnest({languages}::text[], {configs}::text[]) as l(language, config)
            left join product_translations t on t.store_id = p.store_id and t.product_id = p.id and t.language = l.language
            where p.store_id = {storeId} and p.status = 'published' and ({ids}::uuid[] is null or p.id = any({ids}::uuid[]))
            on conflict (store_id, product_id, language) do update
                set config = excluded.config, document = excluded.document, name = excluded.name, updated_at = excluded.updated_at,
                    category_id = excluded.category_id, price = excluded.price, in_stock = excluded.in_stock,
                    facet_values = excluded.facet_values, variant_keys = excluded.variant_keys, published_at = excluded.published_at,
                    rating_average = excluded.rating_average, rating_count = excluded.rating_count
            """, ct);
        // The words typos are corrected against (search_vocabulary.sql).
        await db.Database.ExecuteSqlInterpolatedAsync($"select app.refresh_search_terms({storeId}, {ids}::uuid[])", ct);
        return documents;
    }
}
