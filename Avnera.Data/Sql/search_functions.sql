-- Search candidates for the storefront. Under Row Level Security PostgreSQL may not use an index for an
-- operator that is not LEAKPROOF (@@, <%), so a shopper's search would scan every document of the
-- database. These functions run as service_role (SECURITY DEFINER; service_role's policy lets the index
-- be used) but answer only for the store the caller's unit of work is bound to (app.store_id()), and
-- product_search holds published products only — they reveal nothing the shopper could not read.
-- plpgsql, so the query and the store are computed once and each call is planned with its values.
CREATE OR REPLACE FUNCTION app.search_products(p_language text, p_config regconfig, p_query text)
RETURNS TABLE (product_id uuid, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    q tsquery := to_tsquery(p_config, p_query);
    s uuid := app.store_id();
BEGIN
    -- ts_rank honours the weights: name (A) > SKU (B) > attributes (C) > description (D).
    RETURN QUERY SELECT ps.product_id, ts_rank(ps.document, q) FROM product_search ps
        WHERE ps.store_id = s AND ps.language = p_language AND ps.document @@ q;
END
$f$;

-- Typo-tolerant fallback: every term must be word-similar (pg_trgm) to the name; the index finds candidates
-- by the first term. Threshold: the caller's pg_trgm.word_similarity_threshold.
CREATE OR REPLACE FUNCTION app.search_products_fuzzy(p_language text, p_terms text[])
RETURNS TABLE (product_id uuid, rank real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
DECLARE
    s uuid := app.store_id();
    phrase text := array_to_string(p_terms, ' ');
BEGIN
    IF coalesce(array_length(p_terms, 1), 0) = 0 THEN RETURN; END IF;
    RETURN QUERY SELECT ps.product_id, word_similarity(phrase, ps.name) FROM product_search ps
        WHERE ps.store_id = s AND ps.language = p_language AND p_terms[1] <% ps.name
          AND (SELECT bool_and(t <% ps.name) FROM unnest(p_terms) AS t);
END
$f$;

-- A new owner needs CREATE on the schema at the moment it takes over; it is not kept.
GRANT CREATE ON SCHEMA app TO service_role;
ALTER FUNCTION app.search_products(text, regconfig, text) OWNER TO service_role;
ALTER FUNCTION app.search_products_fuzzy(text, text[]) OWNER TO service_role;
REVOKE CREATE ON SCHEMA app FROM service_role;
REVOKE ALL ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) TO anon, authenticated, service_role;
