-- Storefront search (decision 0007). product_search holds one document per published product and store
-- language (ProductSearchIndex writes them; a trigger removes them when a product stops being published),
-- with a copy of the product's listing columns so a search is counted and sorted from this table alone.

ALTER TABLE product_search ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;
ALTER TABLE product_search ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

-- The copy of the listing columns follows the product. Runs as whoever changed the product (staff or the
-- platform, who may write product_search too).
CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
        facet_values = NEW.facet_values, variant_keys = NEW.variant_keys, published_at = NEW.published_at,
        rating_average = NEW.rating_average, rating_count = NEW.rating_count
    WHERE store_id = NEW.store_id AND product_id = NEW.id;
    RETURN NULL;
END
$f$;
CREATE TRIGGER trg_products_search_listing
    AFTER UPDATE OF category_id, price, in_stock, facet_values, variant_keys, published_at, rating_average, rating_count ON products
    FOR EACH ROW
    WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.variant_keys, OLD.published_at, OLD.rating_average, OLD.rating_count)
          IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.variant_keys, NEW.published_at, NEW.rating_average, NEW.rating_count))
    EXECUTE FUNCTION app.sync_search_listing();

-- A product that stops being published leaves the search index at once.
CREATE OR REPLACE FUNCTION app.unlist_unpublished_product() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    IF NEW.status <> 'published' THEN
        DELETE FROM product_search WHERE store_id = NEW.store_id AND product_id = NEW.id;
    END IF;
    RETURN NULL;
END
$f$;
CREATE TRIGGER trg_products_unlist_unpublished AFTER UPDATE OF status ON products
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION app.unlist_unpublished_product();

-- The search of the current transaction, set by the application with set_config('app.search_config' /
-- 'app.search_query', ..., true) in the same round trip as the query (NULL when none: nothing matches).
CREATE OR REPLACE FUNCTION app.search_query() RETURNS tsquery
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT CASE WHEN nullif(current_setting('app.search_query', true), '') IS NOT NULL
                THEN to_tsquery(coalesce(nullif(current_setting('app.search_config', true), ''), 'simple')::regconfig,
                                current_setting('app.search_query', true)) END
$f$;

-- Search candidates. Under Row Level Security PostgreSQL will not use an index for a non-LEAKPROOF operator
-- such as @@, so a shopper (anon) searching product_search directly would scan every document of the store.
-- This view reads product_search as its owner, under a policy that lets the GIN index
-- ix_product_search_store_document be used, planned together with the caller's query; security_barrier
-- keeps the caller's own conditions from seeing rows it filters out. It answers only for the store the
-- caller's signed claims are bound to (app.store_id()) and the caller's own search, over documents of
-- published products: nothing a shopper could not read. ts_rank honours the weights: name (A) > SKU (B) >
-- attributes (C) > description (D). The query is computed once (OFFSET 0 keeps it a one-row subquery).
CREATE OR REPLACE VIEW app.search_matches WITH (security_barrier) AS
    SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
           ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key, ps.variant_keys
    FROM (SELECT app.search_query() AS query OFFSET 0) q
    JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

-- Typo tolerance by correcting the words: search_terms holds the words of each store's published catalog per
-- language (product names and attribute values). Rebuilds the vocabulary of a store's products (all of them
-- when p_products is null: words no product uses any more are dropped). Runs as the caller, under their Row
-- Level Security; search documents exist for published products only, so drafts contribute no words.
CREATE OR REPLACE FUNCTION app.refresh_search_terms(p_store uuid, p_products uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $f$
BEGIN
    IF p_products IS NULL THEN
        DELETE FROM search_terms WHERE store_id = p_store;
    END IF;
    INSERT INTO search_terms (store_id, language, term)
    SELECT DISTINCT s.store_id, s.language, w.term
    FROM product_search s
    CROSS JOIN LATERAL regexp_split_to_table(lower(s.name || ' ' || coalesce((
        SELECT string_agg(DISTINCT av.value, ' ') FROM product_attribute_values av
        WHERE av.store_id = s.store_id AND av.product_id = s.product_id), '')), '[^[:alnum:]]+') AS w(term)
    WHERE s.store_id = p_store AND (p_products IS NULL OR s.product_id = ANY (p_products))
      AND length(w.term) BETWEEN 3 AND 100 AND w.term !~ '^[0-9]+$'
    ON CONFLICT DO NOTHING;
END
$f$;

-- The search terms with each unknown word replaced by the most similar word of the store's vocabulary
-- (trigram similarity at least pg_trgm.similarity_threshold); words the vocabulary knows (or that start a
-- known word, as typed so far), short words and words nothing resembles are kept as they are. SECURITY
-- DEFINER for the same reason as app.search_matches (the trigram index); answers for the caller's store only.
CREATE OR REPLACE FUNCTION app.search_corrections(p_language text, p_terms text[]) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    s uuid := app.store_id();
    t text;
    best text;
    result text[] := '{}';
BEGIN
    FOREACH t IN ARRAY coalesce(p_terms, '{}') LOOP
        best := NULL;
        IF s IS NOT NULL AND length(t) >= 3 AND t !~ '^[0-9]+$' AND NOT EXISTS (
            SELECT 1 FROM search_terms st WHERE st.store_id = s AND st.language = p_language
              AND st.term >= t COLLATE "C" AND st.term < (t || chr(1114111)) COLLATE "C") THEN
            SELECT st.term INTO best FROM search_terms st
            WHERE st.store_id = s AND st.language = p_language AND st.term % t
            ORDER BY similarity(st.term, t) DESC, st.term LIMIT 1;
        END IF;
        result := result || coalesce(best, t);
    END LOOP;
    RETURN result;
END
$f$;

-- The view and the definer function read product_search and search_terms as their owner, the schema owner,
-- under its own read-only policies (90_rls.sql), which are the owner's only rows anywhere.
REVOKE ALL ON app.search_matches FROM PUBLIC;
GRANT SELECT ON app.search_matches TO anon, authenticated, service_role;
REVOKE ALL ON FUNCTION app.search_corrections(text, text[]), app.refresh_search_terms(uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.search_corrections(text, text[]) TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app.refresh_search_terms(uuid, uuid[]) TO authenticated, service_role;
