-- Typo tolerance by correcting the words, not by comparing every product name (issue 4). search_terms holds
-- the words of each store's published catalog per language (product names and attribute values); a search
-- that finds nothing replaces each unknown word by the most similar known word (pg_trgm) and searches again.
-- Comparing a typo with a few thousand words takes well under a millisecond, where comparing it with the
-- names of 100,000 products took 30-50 ms; and the shopper sees which words were searched for.

ALTER TABLE search_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_terms FORCE ROW LEVEL SECURITY;
CREATE POLICY platform ON search_terms TO service_role USING (true) WITH CHECK (true);
CREATE POLICY store_staff ON search_terms TO authenticated
    USING (store_id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()))
    WITH CHECK (store_id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));
-- No storefront policy: shoppers reach the vocabulary only through app.search_corrections().

-- Rebuilds the vocabulary of a store's products (all of them when p_products is null: words no product uses
-- any more are dropped). Runs as the caller, under their Row Level Security; search documents exist for
-- published products only, so drafts contribute no words.
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
-- (trigram similarity at least pg_trgm.similarity_threshold, 0.3 by default); words the vocabulary knows (or
-- that start a known word, as typed so far), short words and words nothing resembles are kept as they are.
-- SECURITY DEFINER for the same reason as app.search_products (search_functions.sql): under Row Level
-- Security the trigram index could not be used. Answers for the caller's store only.
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
        IF length(t) >= 3 AND t !~ '^[0-9]+$' AND NOT EXISTS (
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

GRANT CREATE ON SCHEMA app TO service_role;
ALTER FUNCTION app.search_corrections(text, text[]) OWNER TO service_role;
REVOKE CREATE ON SCHEMA app FROM service_role;
REVOKE ALL ON FUNCTION app.search_corrections(text, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.search_corrections(text, text[]) TO anon, authenticated, service_role;
REVOKE ALL ON FUNCTION app.refresh_search_terms(uuid, uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.refresh_search_terms(uuid, uuid[]) TO authenticated, service_role;

-- The fallback this replaces.
DROP FUNCTION app.search_products_fuzzy(text, text[]);

-- The vocabulary of the stores already there (FORCE lifted so the owner running the migration sees rows).
ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values NO FORCE ROW LEVEL SECURITY;
ALTER TABLE search_terms NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stores NO FORCE ROW LEVEL SECURITY;
DO $v$ BEGIN PERFORM app.refresh_search_terms(id, NULL) FROM stores; END $v$;
ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
ALTER TABLE product_attribute_values FORCE ROW LEVEL SECURITY;
ALTER TABLE search_terms FORCE ROW LEVEL SECURITY;
ALTER TABLE stores FORCE ROW LEVEL SECURITY;
