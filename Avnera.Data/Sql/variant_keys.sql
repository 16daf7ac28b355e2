-- Attribute filters match per variant (issue 4): "Black" and "M" must find a product that has a Black M,
-- not one whose Black comes only in S and whose M only in Navy. variant_keys holds one facet key per active
-- variant: the variant's own values (size, colour) with the product's (material), so a filter is satisfied
-- when one key satisfies every chosen group. A product without variant-level values has one key, its own.
CREATE OR REPLACE FUNCTION app.variant_keys(p_store uuid, p_product uuid) RETURNS text[] LANGUAGE sql STABLE AS $f$
    WITH vals AS (
        SELECT v.variant_id, a.code || ':' || regexp_replace(v.value, '[[:cntrl:]]', '', 'g') AS k
        FROM product_attribute_values v
        JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
        LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
        WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)),
    keys AS (
        SELECT app.facet_key(array_agg(DISTINCT x.k ORDER BY x.k)) AS key
        FROM (SELECT DISTINCT variant_id FROM vals WHERE variant_id IS NOT NULL) variant
        JOIN vals x ON x.variant_id = variant.variant_id OR x.variant_id IS NULL
        GROUP BY variant.variant_id)
    SELECT CASE WHEN EXISTS (SELECT 1 FROM keys) THEN (SELECT array_agg(DISTINCT key ORDER BY key) FROM keys)
                ELSE ARRAY[app.facet_key(coalesce((SELECT array_agg(DISTINCT k ORDER BY k) FROM vals), '{}'))] END
$f$;

ALTER TABLE products ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';
ALTER TABLE product_search ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

-- The search table's copy of the listing columns now includes them.
CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
        facet_values = NEW.facet_values, variant_keys = NEW.variant_keys, published_at = NEW.published_at,
        rating_average = NEW.rating_average, rating_count = NEW.rating_count
    WHERE store_id = NEW.store_id AND product_id = NEW.id;
    RETURN NULL;
END
$f$;
DROP TRIGGER trg_products_search_listing ON products;
CREATE TRIGGER trg_products_search_listing
    AFTER UPDATE OF category_id, price, in_stock, facet_values, variant_keys, published_at, rating_average, rating_count ON products
    FOR EACH ROW
    WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.variant_keys, OLD.published_at, OLD.rating_average, OLD.rating_count)
          IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.variant_keys, NEW.published_at, NEW.rating_average, NEW.rating_count))
    EXECUTE FUNCTION app.sync_search_listing();

-- app.search_matches returns them with each match (appended: a view keeps its columns' order).
CREATE OR REPLACE VIEW app.search_matches WITH (security_barrier) AS
    SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
           ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key, ps.variant_keys
    FROM (SELECT app.search_query() AS query OFFSET 0) q
    JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

-- Existing products (FORCE lifted so the owner running the migration sees rows; the trigger copies them).
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_variants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attributes NO FORCE ROW LEVEL SECURITY;
UPDATE products SET variant_keys = app.variant_keys(store_id, id);
ALTER TABLE products FORCE ROW LEVEL SECURITY;
ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
ALTER TABLE product_variants FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attributes FORCE ROW LEVEL SECURITY;
