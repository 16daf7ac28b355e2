-- Frozen SQL of migration 20261202041331_Baseline: exactly what it applied, after EF created the tables.
-- Never edit this file (MigrationSql checks its SHA-256). The current definitions live in Avnera.Data/Sql/;
-- change them there and carry the change to databases with a new migration and its own .sql file.

-- ==== Sql/common/10_security.sql ====
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
CREATE OR REPLACE FUNCTION app_private.claims_mac_valid(p_message text, p_mac text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    k app_private.claims_key;
BEGIN
    IF p_mac IS NULL OR p_mac = '' OR p_message IS NULL THEN RETURN false; END IF;
    SELECT * INTO k FROM app_private.claims_key WHERE id = 1;
    RETURN encode(sha256(k.outer_pad || sha256(k.inner_pad || convert_to(p_message, 'UTF8'))), 'hex') = p_mac;
END
$f$;

REVOKE ALL ON FUNCTION app_private.claims_signing_key(), app_private.claims_mac_valid(text, text) FROM PUBLIC;
GRANT USAGE ON SCHEMA app_private TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_private.claims_mac_valid(text, text) TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_private.claims_signing_key() TO service_role;

-- True when the transaction's settings are the ones the application signed for the role it switched to.
-- The role is read from the 'role' setting rather than current_user, which a SECURITY DEFINER function (the
-- search corrections) changes to its owner; the setting can only name a role the login is a member of.
CREATE OR REPLACE FUNCTION app.claims_verified() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT app_private.claims_mac_valid(
        current_setting('role') || '|' || coalesce(current_setting('app.store_id', true), '') || '|'
            || coalesce(current_setting('request.jwt.claims', true), ''),
        current_setting('app.claims_mac', true))
$f$;

-- The claims of the unit of work, or {} when they are not the application's.
CREATE OR REPLACE FUNCTION app.claims() RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT CASE WHEN app.claims_verified()
                THEN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
                ELSE '{}'::jsonb END
$f$;

-- The store the unit of work is bound to, or null (none, or not the application's).
CREATE OR REPLACE FUNCTION app.store_id() RETURNS uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT CASE WHEN app.claims_verified() THEN nullif(current_setting('app.store_id', true), '')::uuid END
$f$;

CREATE OR REPLACE FUNCTION app.uid() RETURNS uuid
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT nullif(app.claims() ->> 'sub', '')::uuid
$f$;

CREATE OR REPLACE FUNCTION app.is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(app.claims() ->> 'platform_admin' = 'true', false)
$f$;

-- Staff powers over the bound store: a member's claims name the store they hold their role in (store_id)
-- and it must be the store this unit of work is bound to; platform admins act as staff of any store.
CREATE OR REPLACE FUNCTION app.is_store_staff() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT app.store_id() IS NOT NULL AND (
        coalesce(app.claims() ->> 'platform_admin' = 'true', false)
        OR (coalesce(app.claims() ->> 'store_role' IN ('owner', 'staff'), false)
            AND app.claims() ->> 'store_id' = app.store_id()::text))
$f$;

-- The anonymous cart a visitor holds (cookie).
CREATE OR REPLACE FUNCTION app.cart_token() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT nullif(app.claims() ->> 'cart_token', '')
$f$;

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

-- ==== Sql/master/20_credits.sql ====
-- The credit ledger (ARCHITECTURE §3, Credits): credit_balances.balance is the sum of the store's
-- credit_transactions and changes only together with a ledger row. Inserting a ledger row moves the balance
-- (the row lock serialises concurrent debits; the balance's check constraint refuses to go below zero, so an
-- unaffordable debit fails as a whole) and records balance_after. Nothing else may change a balance.

CREATE OR REPLACE FUNCTION app.apply_credit_transaction() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    INSERT INTO credit_balances (store_id, balance, updated_at) VALUES (NEW.store_id, 0, now())
        ON CONFLICT (store_id) DO NOTHING;
    UPDATE credit_balances SET balance = balance + NEW.amount, updated_at = now()
        WHERE store_id = NEW.store_id
        RETURNING balance INTO NEW.balance_after;
    RETURN NEW;
END
$f$;

CREATE TRIGGER trg_credit_transactions_apply BEFORE INSERT ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION app.apply_credit_transaction();

-- A balance row starts at zero and moves only from the trigger above (trigger depth 2), never by a
-- statement of its own, whoever runs it.
CREATE OR REPLACE FUNCTION app.guard_credit_balance() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    IF pg_trigger_depth() < 2 AND (TG_OP = 'INSERT' AND NEW.balance <> 0
                                   OR TG_OP = 'UPDATE' AND NEW.balance IS DISTINCT FROM OLD.balance) THEN
        RAISE EXCEPTION 'A credit balance changes only through a credit_transactions row'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$f$;

CREATE TRIGGER trg_credit_balances_guard BEFORE INSERT OR UPDATE ON credit_balances
    FOR EACH ROW EXECUTE FUNCTION app.guard_credit_balance();

-- ==== Sql/master/80_grants.sql ====
-- Master privileges. The request login reaches Master as `authenticated` (people, platform admins); the
-- service login as `service_role` (sign-in, registry, provisioning, jobs). Visitors (anon) get nothing here.
-- Row Level Security (90_rls.sql) narrows every grant to rows. Tables get no default privileges: a new table
-- is reachable by nobody until its migration grants it.
GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO service_role;
REVOKE ALL ON __ef_migrations_master FROM anon, authenticated, service_role;

-- People edit their own profile fields; their email (confirmed by sign-in) and platform-admin flag are the
-- platform's to change.
GRANT SELECT ON users TO authenticated;
GRANT UPDATE (display_name, updated_at) ON users TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON user_profiles, user_addresses, user_preferences TO authenticated;
GRANT SELECT, UPDATE, DELETE ON user_sessions TO authenticated;
GRANT SELECT, INSERT ON user_activity_logs TO authenticated;

-- The registry: platform admins manage stores, members, plans and subscriptions; deleting a store is a
-- workflow of the service role (soft delete), never a DELETE of a request.
GRANT SELECT, INSERT, UPDATE ON stores TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON store_members, store_slug_redirects, plans, subscriptions, job_queue TO authenticated;
GRANT SELECT ON store_databases TO authenticated;

-- Credits: read by members and admins; granted by admins as ledger rows; the balance follows through the
-- ledger's trigger, which runs as the one inserting the row (the balance's own trigger refuses anything else,
-- 20_credits.sql).
GRANT SELECT, INSERT, UPDATE ON credit_balances TO authenticated;
GRANT SELECT, INSERT ON credit_transactions TO authenticated;
-- The ledgers are append-only for everyone.
REVOKE UPDATE, DELETE, TRUNCATE ON credit_transactions, user_activity_logs FROM authenticated, service_role;
REVOKE DELETE, TRUNCATE ON credit_balances FROM service_role;

-- ==== Sql/master/90_rls.sql ====
-- Row Level Security of the Master database, enabled and forced on every table (the owner too).
--   service_role     the platform (sign-in, store registry, provisioning, jobs): every row;
--   a person         their own user_* rows; the stores they belong to, their memberships, those stores'
--                    subscriptions and credits (read); plans (read);
--   platform admin   every store, membership, slug redirect, plan, subscription, credit and job; which
--                    stores are dedicated (store_databases, read: the credentials are ciphertext).
-- Visitors (anon) have no privileges in Master. data_protection_keys is the platform's alone.
-- Policies read app.uid() / app.is_platform_admin() (10_security.sql): the application's signed claims.
DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'user_profiles', 'user_addresses', 'user_preferences', 'user_sessions',
        'user_activity_logs', 'stores', 'store_members', 'store_slug_redirects', 'store_databases', 'plans',
        'subscriptions', 'credit_balances', 'credit_transactions', 'job_queue', 'data_protection_keys']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['user_profiles', 'user_addresses', 'user_preferences', 'user_sessions']
    LOOP
        EXECUTE format('CREATE POLICY own ON %I TO authenticated USING (user_id = (SELECT app.uid())) '
            || 'WITH CHECK (user_id = (SELECT app.uid()))', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['stores', 'store_members', 'store_slug_redirects', 'plans', 'subscriptions',
        'credit_balances', 'credit_transactions', 'job_queue']
    LOOP
        EXECUTE format('CREATE POLICY platform_admin ON %I TO authenticated USING ((SELECT app.is_platform_admin())) '
            || 'WITH CHECK ((SELECT app.is_platform_admin()))', t);
    END LOOP;
END
$rls$;

CREATE POLICY own ON users FOR SELECT TO authenticated
    USING (id = (SELECT app.uid()) OR (SELECT app.is_platform_admin()));
CREATE POLICY own_update ON users FOR UPDATE TO authenticated
    USING (id = (SELECT app.uid())) WITH CHECK (id = (SELECT app.uid()));
CREATE POLICY own ON user_activity_logs FOR SELECT TO authenticated USING (user_id = (SELECT app.uid()));
CREATE POLICY own_insert ON user_activity_logs FOR INSERT TO authenticated WITH CHECK (user_id = (SELECT app.uid()));
CREATE POLICY own ON store_members FOR SELECT TO authenticated USING (user_id = (SELECT app.uid()));
CREATE POLICY member ON stores FOR SELECT TO authenticated USING (EXISTS (
    SELECT 1 FROM store_members m WHERE m.store_id = stores.id AND m.user_id = (SELECT app.uid())));
CREATE POLICY member ON subscriptions FOR SELECT TO authenticated USING (EXISTS (
    SELECT 1 FROM store_members m WHERE m.store_id = subscriptions.store_id AND m.user_id = (SELECT app.uid())));
CREATE POLICY member ON credit_balances FOR SELECT TO authenticated USING (EXISTS (
    SELECT 1 FROM store_members m WHERE m.store_id = credit_balances.store_id AND m.user_id = (SELECT app.uid())));
CREATE POLICY member ON credit_transactions FOR SELECT TO authenticated USING (EXISTS (
    SELECT 1 FROM store_members m WHERE m.store_id = credit_transactions.store_id AND m.user_id = (SELECT app.uid())));
CREATE POLICY everyone ON plans FOR SELECT TO authenticated USING (true);
CREATE POLICY platform_admin ON store_databases FOR SELECT TO authenticated USING ((SELECT app.is_platform_admin()));
