-- The listing index on products (decision 0007): what listings count and filter on, kept by PostgreSQL so a
-- page view never aggregates attribute and variant rows.
--   facet_values  "code:value" of every filterable attribute of the product and its active variants;
--   facet_key     the same as one string (U+001F around each value): listings group by it to count facets;
--   variant_keys  one facet key per active variant (its own values with the product's), so "Black" + "M"
--                 finds a product that has a Black M, not one whose Black is only S and whose M only Navy;
--   in_stock      some active variant has stock available (trigger on product_variants).
-- ProductSearchIndex.RefreshAsync writes facet_values and variant_keys; product_search carries copies
-- (30_search.sql).

-- One string of facet values. U+001F cannot occur in a value (app.facet_values drops control characters).
CREATE OR REPLACE FUNCTION app.facet_key(p_values text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT chr(31) || array_to_string(p_values, chr(31)) || chr(31)
$f$;

-- The facet values of one product, as the index stores them (sorted, distinct, no control characters).
CREATE OR REPLACE FUNCTION app.facet_values(p_store uuid, p_product uuid) RETURNS text[]
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
    SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
    FROM (SELECT a.code || ':' || regexp_replace(v.value, '[[:cntrl:]]', '', 'g') AS k
          FROM product_attribute_values v
          JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
          LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
          WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)) x
$f$;

-- One facet key per active variant; a product without variant-level values has one key, its own.
CREATE OR REPLACE FUNCTION app.variant_keys(p_store uuid, p_product uuid) RETURNS text[]
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
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

ALTER TABLE products ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;
ALTER TABLE products ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

-- Does some active variant of the product have stock available?
CREATE OR REPLACE FUNCTION app.has_stock(p_store uuid, p_product uuid) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
    SELECT EXISTS (SELECT 1 FROM product_variants v WHERE v.store_id = p_store AND v.product_id = p_product
                   AND v.is_active AND v.stock_on_hand > v.stock_reserved)
$f$;

-- products.in_stock follows its variants. Runs as whoever changed the variant (staff or the platform, who
-- may also update the product); the product row is only touched (and locked) when the answer changes.
CREATE OR REPLACE FUNCTION app.sync_product_in_stock() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE products SET in_stock = app.has_stock(OLD.store_id, OLD.product_id)
        WHERE store_id = OLD.store_id AND id = OLD.product_id AND in_stock IS DISTINCT FROM app.has_stock(OLD.store_id, OLD.product_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.product_id IS DISTINCT FROM OLD.product_id) THEN
        UPDATE products SET in_stock = app.has_stock(NEW.store_id, NEW.product_id)
        WHERE store_id = NEW.store_id AND id = NEW.product_id AND in_stock IS DISTINCT FROM app.has_stock(NEW.store_id, NEW.product_id);
    END IF;
    RETURN NULL;
END
$f$;

CREATE TRIGGER trg_product_variants_in_stock
    AFTER INSERT OR DELETE OR UPDATE OF stock_on_hand, stock_reserved, is_active, product_id ON product_variants
    FOR EACH ROW EXECUTE FUNCTION app.sync_product_in_stock();
