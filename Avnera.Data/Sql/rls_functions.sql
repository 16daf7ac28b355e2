-- Helpers the Row Level Security policies share (every database). They read the claims each unit of work
-- sets with set_config('request.jwt.claims', ..., true) (see RowSecurityInterceptor):
--   platform_admin  true for the platform's administrators;
--   store_role      'owner' or 'staff' of the store in app.store_id(), checked by the app against store_members;
--   cart_token      the anonymous cart a visitor holds.
-- Policies call them as (SELECT app.x()) so PostgreSQL evaluates them once per statement, not per row.
CREATE OR REPLACE FUNCTION app.is_platform_admin() RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT coalesce(auth.jwt() ->> 'platform_admin' = 'true', false)
$f$;
CREATE OR REPLACE FUNCTION app.is_store_staff() RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT app.store_id() IS NOT NULL
       AND (coalesce(auth.jwt() ->> 'store_role' IN ('owner', 'staff'), false) OR app.is_platform_admin())
$f$;
CREATE OR REPLACE FUNCTION app.cart_token() RETURNS text LANGUAGE sql STABLE AS $f$
    SELECT nullif(auth.jwt() ->> 'cart_token', '')
$f$;
