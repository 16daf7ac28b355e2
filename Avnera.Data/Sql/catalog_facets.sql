-- Listing index on products (issue 4): facet_values ("code:value" of filterable attributes of the product
-- and its active variants) and in_stock, so listings count and filter facets on products alone instead of
-- aggregating attribute and variant rows (each guarded by its own RLS check) on every page view.

-- The facet values of one product, as the index stores them (sorted, distinct).
CREATE OR REPLACE FUNCTION app.facet_values(p_store uuid, p_product uuid) RETURNS text[] LANGUAGE sql STABLE AS $f$
    SELECT coalesce(array_agg(DISTINCT a.code || ':' || v.value ORDER BY a.code || ':' || v.value), '{}')
    FROM product_attribute_values v
    JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
    LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
    WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)
$f$;

-- Does some active variant of the product have stock available?
CREATE OR REPLACE FUNCTION app.has_stock(p_store uuid, p_product uuid) RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT EXISTS (SELECT 1 FROM product_variants v WHERE v.store_id = p_store AND v.product_id = p_product
                   AND v.is_active AND v.stock_on_hand > v.stock_reserved)
$f$;

-- products.in_stock follows its variants. Runs as whoever changed the variant (staff or the platform, who
-- may also update the product); the product row is only touched (and locked) when the answer changes.
CREATE OR REPLACE FUNCTION app.sync_product_in_stock() RETURNS trigger LANGUAGE plpgsql AS $f$
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

-- Fill the new columns for existing products. RLS is forced on these tables, so the owner (who runs
-- migrations) would see no rows: lift FORCE for the backfill only.
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_variants NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attributes NO FORCE ROW LEVEL SECURITY;
UPDATE products SET facet_values = app.facet_values(store_id, id), in_stock = app.has_stock(store_id, id);
ALTER TABLE products FORCE ROW LEVEL SECURITY;
ALTER TABLE product_variants FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attributes FORCE ROW LEVEL SECURITY;
