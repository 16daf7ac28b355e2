-- product_search holds documents of published products only (ProductSearchIndex writes no others, and this
-- trigger removes a product's documents when it stops being published), so its storefront policy no longer
-- needs a per-row check against products: search scans stay on the search index.
CREATE OR REPLACE FUNCTION app.unlist_unpublished_product() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF NEW.status <> 'published' THEN
        DELETE FROM product_search WHERE store_id = NEW.store_id AND product_id = NEW.id;
    END IF;
    RETURN NULL;
END
$f$;
CREATE TRIGGER trg_products_unlist_unpublished AFTER UPDATE OF status ON products
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION app.unlist_unpublished_product();

ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
DELETE FROM product_search s USING products p WHERE p.store_id = s.store_id AND p.id = s.product_id AND p.status <> 'published';
ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;

DROP POLICY storefront ON product_search;
CREATE POLICY storefront ON product_search FOR SELECT TO anon, authenticated
    USING (store_id = (SELECT app.store_id()));
