-- product_search carries a copy of each product's listing columns (category, price, stock, facet values,
-- publication date, rating), so a search with thousands of matches is counted and sorted from the search
-- table alone instead of looking each match up in products. A trigger on products keeps the copy current;
-- it runs as whoever changed the product (staff or the platform, who may write product_search too).
CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
        facet_values = NEW.facet_values, published_at = NEW.published_at,
        rating_average = NEW.rating_average, rating_count = NEW.rating_count
    WHERE store_id = NEW.store_id AND product_id = NEW.id;
    RETURN NULL;
END
$f$;
CREATE TRIGGER trg_products_search_listing
    AFTER UPDATE OF category_id, price, in_stock, facet_values, published_at, rating_average, rating_count ON products
    FOR EACH ROW
    WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.published_at, OLD.rating_average, OLD.rating_count)
          IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.published_at, NEW.rating_average, NEW.rating_count))
    EXECUTE FUNCTION app.sync_search_listing();

ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
UPDATE product_search s SET category_id = p.category_id, price = p.price, in_stock = p.in_stock, facet_values = p.facet_values,
    published_at = p.published_at, rating_average = p.rating_average, rating_count = p.rating_count
FROM products p WHERE p.store_id = s.store_id AND p.id = s.product_id;
ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;

-- The search functions now return those columns with each match.
DROP FUNCTION app.search_products(text, regconfig, text);
DROP FUNCTION app.search_products_fuzzy(text, text[]);

CREATE FUNCTION app.search_products(p_language text, p_config regconfig, p_query text)
RETURNS TABLE (product_id uuid, rank real, category_id uuid, price numeric, in_stock boolean, facet_values text[],
               published_at timestamptz, rating_average numeric, rating_count integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    q tsquery := to_tsquery(p_config, p_query);
    s uuid := app.store_id();
BEGIN
    -- ts_rank honours the weights: name (A) > SKU (B) > attributes (C) > description (D).
    RETURN QUERY SELECT ps.product_id, ts_rank(ps.document, q), ps.category_id, ps.price, ps.in_stock, ps.facet_values,
            ps.published_at, ps.rating_average, ps.rating_count
        FROM product_search ps
        WHERE ps.store_id = s AND ps.language = p_language AND ps.document @@ q;
END
$f$;

CREATE FUNCTION app.search_products_fuzzy(p_language text, p_terms text[])
RETURNS TABLE (product_id uuid, rank real, category_id uuid, price numeric, in_stock boolean, facet_values text[],
               published_at timestamptz, rating_average numeric, rating_count integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    s uuid := app.store_id();
    phrase text := array_to_string(p_terms, ' ');
BEGIN
    IF coalesce(array_length(p_terms, 1), 0) = 0 THEN RETURN; END IF;
    RETURN QUERY SELECT ps.product_id, word_similarity(phrase, ps.name), ps.category_id, ps.price, ps.in_stock, ps.facet_values,
            ps.published_at, ps.rating_average, ps.rating_count
        FROM product_search ps
        WHERE ps.store_id = s AND ps.language = p_language AND p_terms[1] <% ps.name
          AND (SELECT bool_and(t <% ps.name) FROM unnest(p_terms) AS t);
END
$f$;

GRANT CREATE ON SCHEMA app TO service_role;
ALTER FUNCTION app.search_products(text, regconfig, text) OWNER TO service_role;
ALTER FUNCTION app.search_products_fuzzy(text, text[]) OWNER TO service_role;
REVOKE CREATE ON SCHEMA app FROM service_role;
REVOKE ALL ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) TO anon, authenticated, service_role;
