-- Supabase's request helpers, for Row Level Security policies: auth.uid(), auth.role(), auth.email(),
-- auth.jwt() read the claims the application sets per transaction (set_config('request.jwt.claims', ..., true)).
-- A Supabase project already has them (and owns the auth schema): they are created only where absent.
-- nullif(..., '') matters: after a transaction-local set_config the setting exists as '' on the connection.
DO $auth$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'auth' AND p.proname = 'uid') THEN
        CREATE SCHEMA IF NOT EXISTS auth;
        CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $f$
            SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                            nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
        $f$;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $f$
            SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                            (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
        $f$;
        CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $f$
            SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                            (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text
        $f$;
        CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $f$
            SELECT coalesce(nullif(current_setting('request.jwt.claim.email', true), ''),
                            (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text
        $f$;
        GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
    END IF;
END
$auth$;

-- The store a unit of work is pinned to (set_config('app.store_id', ..., true)); null when unset.
CREATE SCHEMA IF NOT EXISTS app;
CREATE OR REPLACE FUNCTION app.store_id() RETURNS uuid LANGUAGE sql STABLE AS $f$
    SELECT nullif(current_setting('app.store_id', true), '')::uuid
$f$;
GRANT USAGE ON SCHEMA app TO anon, authenticated, service_role;
