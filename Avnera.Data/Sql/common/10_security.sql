-- Who a unit of work acts for, as Row Level Security reads it (every Avnera database; decision 0008).
--
-- The application starts every transaction with set_config(..., true) of 'role', 'request.jwt.claims',
-- 'app.store_id' and 'app.claims_mac' (RowSecurityInterceptor). The policies do not trust those settings
-- as they are: any statement of the transaction could set them again. They read app.claims() and
-- app.store_id(), which answer only when app.claims_mac is the HMAC-SHA256, under this database's claims
-- key, of "role|store|claims" for the role the transaction switched to. The key is made here, never
-- leaves the database except to the service role (app_private.claims_signing_key()), and the request
-- login cannot become the service role: SQL injected into a request can still only be who the request is.
--
-- Supabase's legacy settings (request.jwt.claim.sub, ...) are never read: set at session level they would
-- outlive a unit of work on a pooled connection.

CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA IF NOT EXISTS app_private;
REVOKE ALL ON SCHEMA app_private FROM PUBLIC;
GRANT USAGE ON SCHEMA app TO anon, authenticated, service_role;

-- The key, as the two padded keys of HMAC (RFC 2104, block size 64): sha256(key ^ opad || sha256(key ^ ipad || m)).
CREATE TABLE IF NOT EXISTS app_private.claims_key (
    id integer PRIMARY KEY CHECK (id = 1),
    signing_key bytea NOT NULL CHECK (length(signing_key) = 32),
    inner_pad bytea NOT NULL,
    outer_pad bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());
REVOKE ALL ON app_private.claims_key FROM PUBLIC;

DO $key$
DECLARE
    k bytea;
    block bytea;
    ipad bytea;
    opad bytea;
BEGIN
    IF EXISTS (SELECT FROM app_private.claims_key) THEN RETURN; END IF;
    -- 3 x 122 random bits from PostgreSQL's strong random source, condensed to 256 bits.
    k := sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()));
    block := k || decode(repeat('00', 32), 'hex');
    ipad := block;
    opad := block;
    FOR i IN 0..63 LOOP
        ipad := set_byte(ipad, i, get_byte(block, i) # 54);
        opad := set_byte(opad, i, get_byte(block, i) # 92);
    END LOOP;
    INSERT INTO app_private.claims_key (id, signing_key, inner_pad, outer_pad) VALUES (1, k, ipad, opad);
END
$key$;

-- The key, for the platform's service login to sign with. Nothing else may call it.
CREATE OR REPLACE FUNCTION app_private.claims_signing_key() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
    SELECT signing_key FROM app_private.claims_key WHERE id = 1
$f$;

-- Whether p_mac (hex) is the HMAC of p_message. Anyone may ask: answering true or false reveals nothing.
-- (A SQL function: half the cost of plpgsql here; the key lookup is most of what is left.)
CREATE OR REPLACE FUNCTION app_private.claims_mac_valid(p_message text, p_mac text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(p_message, 'UTF8'))), 'hex') = p_mac, false)
    FROM app_private.claims_key k WHERE k.id = 1
$f$;

REVOKE ALL ON FUNCTION app_private.claims_signing_key(), app_private.claims_mac_valid(text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA app_private TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_private.claims_mac_valid(text, text) TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_private.claims_signing_key() TO service_role;

-- The helpers below are SQL-standard functions (RETURN ...): every name in them is bound when the function
-- is created, so no search_path at call time can redirect them, and PostgreSQL inlines them into the
-- policies' one-row subqueries. (A SET search_path clause would forbid inlining: the helpers cost ~35 us a
-- call with it, ~6 us without; bench/claims.sh.) Only the SECURITY DEFINER check above pins its path.

-- True when the transaction's settings are the ones the application signed for the role it switched to.
-- The role is read from the 'role' setting rather than current_user, which a SECURITY DEFINER function (the
-- search corrections) changes to its owner; the setting can only name a role the login is a member of.
CREATE OR REPLACE FUNCTION app.claims_verified() RETURNS boolean
LANGUAGE sql STABLE
RETURN app_private.claims_mac_valid(
    current_setting('role') || '|' || coalesce(current_setting('app.store_id', true), '') || '|'
        || coalesce(current_setting('request.jwt.claims', true), ''),
    current_setting('app.claims_mac', true));

-- The claims of the unit of work, or {} when they are not the application's.
CREATE OR REPLACE FUNCTION app.claims() RETURNS jsonb
LANGUAGE sql STABLE
RETURN CASE WHEN app.claims_verified()
            THEN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
            ELSE '{}'::jsonb END;

-- The store the unit of work is bound to, or null (none, or not the application's).
CREATE OR REPLACE FUNCTION app.store_id() RETURNS uuid
LANGUAGE sql STABLE
RETURN CASE WHEN app.claims_verified() THEN nullif(current_setting('app.store_id', true), '')::uuid END;

CREATE OR REPLACE FUNCTION app.uid() RETURNS uuid
LANGUAGE sql STABLE
RETURN nullif(app.claims() ->> 'sub', '')::uuid;

CREATE OR REPLACE FUNCTION app.is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce(app.claims() ->> 'platform_admin' = 'true', false);

-- The claims setting as it is, unverified: only for helpers that verify it in the same expression.
CREATE OR REPLACE FUNCTION app.raw_claims() RETURNS jsonb
LANGUAGE sql STABLE
RETURN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb;

-- Staff powers over the bound store: a member's claims name the store they hold their role in (store_id)
-- and it must be the store this unit of work is bound to; platform admins act as staff of any store.
-- (One verification: the claims and the store are the transaction's settings once they verify.)
CREATE OR REPLACE FUNCTION app.is_store_staff() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce(current_setting('app.store_id', true), '') <> '' AND app.claims_verified() AND (
    coalesce(app.raw_claims() ->> 'platform_admin' = 'true', false)
    OR (coalesce(app.raw_claims() ->> 'store_role' IN ('owner', 'staff'), false)
        AND app.raw_claims() ->> 'store_id' = current_setting('app.store_id', true)));

-- The anonymous cart a visitor holds (cookie).
CREATE OR REPLACE FUNCTION app.cart_token() RETURNS text
LANGUAGE sql STABLE
RETURN nullif(app.claims() ->> 'cart_token', '');

-- Supabase's request helpers, for SQL written the Supabase way. A Supabase project already has them (and
-- they read the raw settings there); where they are absent they are made here over the verified claims.
-- Avnera's own policies use app.* only.
DO $auth$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = 'auth' AND p.proname = 'uid') THEN
        CREATE SCHEMA IF NOT EXISTS auth;
        CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT app.claims()
        $f$;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT app.uid()
        $f$;
        CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT app.claims() ->> 'role'
        $f$;
        CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
            SELECT app.claims() ->> 'email'
        $f$;
        GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
    END IF;
END
$auth$;
