-- Search candidates through a security-barrier view instead of a set-returning function.
-- Under Row Level Security PostgreSQL will not use an index for a non-LEAKPROOF operator such as @@, so a
-- shopper (anon) searching product_search directly would scan every document of the store. Until now the
-- matches came from app.search_products(), a SECURITY DEFINER function; but PostgreSQL copies a function's
-- result into a tuplestore before the query can read it, which for a broad word (6,000 matches over 100,000
-- products) cost ~1.5 ms of a ~16 ms search (docs/benchmarks.md). A view owned by service_role reads
-- product_search under service_role's policy (the index is usable) and is planned together with the query.
--
-- The view is bound to the caller's store (app.store_id()) and to the search of the caller's unit of work,
-- which the application sets with set_config('app.search_config' / 'app.search_query', ..., true) in the same
-- transaction; security_barrier keeps the caller's own conditions from seeing rows the view filters out. It
-- answers nothing a shopper could not read: product_search holds documents of published products only.

-- The search of the current transaction (NULL when none is set: the view then matches nothing).
CREATE OR REPLACE FUNCTION app.search_query() RETURNS tsquery LANGUAGE sql STABLE AS $f$
    SELECT CASE WHEN nullif(current_setting('app.search_query', true), '') IS NOT NULL
                THEN to_tsquery(coalesce(nullif(current_setting('app.search_config', true), ''), 'simple')::regconfig,
                                current_setting('app.search_query', true)) END
$f$;

-- The query is computed once (OFFSET 0 keeps it a one-row subquery), then drives the GIN index
-- ix_product_search_store_document; ts_rank honours the weights: name (A) > SKU (B) > attributes (C) > description (D).
CREATE VIEW app.search_matches WITH (security_barrier) AS
    SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
           ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count
    FROM (SELECT app.search_query() AS query OFFSET 0) q
    JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

GRANT CREATE ON SCHEMA app TO service_role;
ALTER VIEW app.search_matches OWNER TO service_role;
REVOKE CREATE ON SCHEMA app FROM service_role;
REVOKE ALL ON app.search_matches FROM PUBLIC;
GRANT SELECT ON app.search_matches TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app.search_query() TO anon, authenticated, service_role;

-- The function this replaces.
DROP FUNCTION IF EXISTS app.search_products(text, regconfig, text);
