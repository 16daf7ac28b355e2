-- Avnera MasterDbContext schema. GENERATED from the EF Core migrations: do not edit by hand.
-- Regenerate with: dotnet run --project Avnera.Web -- schema
-- Idempotent: safe to run again; applies only the migrations this database has not seen.
-- Run as the role that should own the tables (on Supabase: postgres). Deploy order: master → products → orders.

-- Group roles (Supabase already has them; created here for plain PostgreSQL).
DO $roles$
BEGIN
    -- Each in its own block: two set-ups racing (or Supabase's own roles) must not fail the script.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN
        BEGIN CREATE ROLE anon NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN
        BEGIN CREATE ROLE authenticated NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN
        BEGIN CREATE ROLE service_role NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
    END IF;
END
$roles$;
CREATE TABLE IF NOT EXISTS __ef_migrations_master (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_master PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE data_protection_keys (
        id integer GENERATED ALWAYS AS IDENTITY,
        friendly_name character varying(200),
        xml text NOT NULL,
        CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE job_queue (
        id bigint GENERATED ALWAYS AS IDENTITY,
        queue character varying(60) NOT NULL,
        kind character varying(100) NOT NULL,
        payload jsonb NOT NULL,
        store_id uuid,
        status character varying(40) NOT NULL,
        attempts integer NOT NULL,
        max_attempts integer NOT NULL,
        run_at timestamp with time zone NOT NULL,
        locked_at timestamp with time zone,
        locked_by character varying(200),
        last_error text,
        idempotency_key character varying(200),
        created_at timestamp with time zone NOT NULL,
        completed_at timestamp with time zone,
        CONSTRAINT pk_job_queue PRIMARY KEY (id),
        CONSTRAINT ck_job_queue_attempts CHECK (attempts >= 0 and max_attempts > 0 and attempts <= max_attempts),
        CONSTRAINT ck_job_queue_status CHECK (status in ('pending', 'running', 'succeeded', 'failed', 'dead'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE plans (
        id uuid NOT NULL,
        code character varying(40) NOT NULL,
        name character varying(100) NOT NULL,
        monthly_price numeric(14,2) NOT NULL,
        currency character(3) NOT NULL,
        max_products integer,
        max_staff integer,
        included_credits integer NOT NULL,
        features jsonb NOT NULL,
        is_active boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_plans PRIMARY KEY (id),
        CONSTRAINT ck_plans_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_plans_limits CHECK ((max_products is null or max_products >= 0) and (max_staff is null or max_staff >= 0) and included_credits >= 0),
        CONSTRAINT ck_plans_monthly_price CHECK (monthly_price >= 0)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE users (
        id uuid NOT NULL,
        email character varying(320) NOT NULL,
        display_name character varying(200),
        is_platform_admin boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        last_sign_in_at timestamp with time zone,
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE stores (
        id uuid NOT NULL,
        owner_user_id uuid NOT NULL,
        slug character varying(63) NOT NULL,
        name character varying(200) NOT NULL,
        custom_host character varying(253),
        status character varying(40) NOT NULL,
        is_active boolean NOT NULL,
        plan_id uuid,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_stores PRIMARY KEY (id),
        CONSTRAINT ck_stores_slug CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$'),
        CONSTRAINT ck_stores_status CHECK (status in ('provisioning', 'active', 'suspended', 'deleted')),
        CONSTRAINT fk_stores_plans_plan_id FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE RESTRICT,
        CONSTRAINT fk_stores_users_owner_user_id FOREIGN KEY (owner_user_id) REFERENCES users (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE user_activity_logs (
        id bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL,
        kind character varying(40) NOT NULL,
        details jsonb NOT NULL,
        ip_address character varying(45),
        occurred_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_user_activity_logs PRIMARY KEY (id),
        CONSTRAINT ck_user_activity_logs_kind CHECK (kind in ('sign_in', 'sign_out', 'sign_in_failed', 'password_changed', 'profile_changed', 'address_changed', 'session_revoked', 'store_created', 'order_placed')),
        CONSTRAINT fk_user_activity_logs_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE user_addresses (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        label character varying(60),
        recipient_name character varying(200) NOT NULL,
        line1 character varying(200) NOT NULL,
        line2 character varying(200),
        city character varying(100) NOT NULL,
        region character varying(100),
        postal_code character varying(20) NOT NULL,
        country_code character(2) NOT NULL,
        phone character varying(40),
        is_default_shipping boolean NOT NULL,
        is_default_billing boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_user_addresses PRIMARY KEY (id),
        CONSTRAINT ck_user_addresses_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT fk_user_addresses_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE user_preferences (
        user_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        currency character(3) NOT NULL,
        marketing_opt_in boolean NOT NULL,
        timezone character varying(60) NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_user_preferences PRIMARY KEY (user_id),
        CONSTRAINT ck_user_preferences_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT fk_user_preferences_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE user_profiles (
        user_id uuid NOT NULL,
        first_name character varying(100),
        last_name character varying(100),
        phone character varying(40),
        avatar_url character varying(2000),
        birth_date date,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_user_profiles PRIMARY KEY (user_id),
        CONSTRAINT fk_user_profiles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE user_sessions (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        device character varying(300),
        ip_address character varying(45),
        created_at timestamp with time zone NOT NULL,
        last_seen_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        provider_access_token text,
        provider_refresh_token text,
        provider_expires_at timestamp with time zone,
        CONSTRAINT pk_user_sessions PRIMARY KEY (id),
        CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE credit_balances (
        store_id uuid NOT NULL,
        balance bigint NOT NULL DEFAULT 0,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_credit_balances PRIMARY KEY (store_id),
        CONSTRAINT ck_credit_balances_not_negative CHECK (balance >= 0),
        CONSTRAINT fk_credit_balances_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE credit_transactions (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        kind character varying(40) NOT NULL,
        amount bigint NOT NULL,
        balance_after bigint NOT NULL,
        reference character varying(200),
        idempotency_key character varying(100),
        created_by uuid,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_credit_transactions PRIMARY KEY (id),
        CONSTRAINT ck_credit_transactions_amount CHECK (amount <> 0),
        CONSTRAINT ck_credit_transactions_balance_after CHECK (balance_after >= 0),
        CONSTRAINT ck_credit_transactions_kind CHECK (kind in ('purchase', 'usage', 'refund', 'grant', 'adjustment')),
        CONSTRAINT ck_credit_transactions_sign CHECK ((kind in ('purchase', 'refund', 'grant') and amount > 0) or (kind = 'usage' and amount < 0) or kind = 'adjustment'),
        CONSTRAINT fk_credit_transactions_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE store_databases (
        store_id uuid NOT NULL,
        products_connection text NOT NULL,
        orders_connection text NOT NULL,
        products_service_connection text NOT NULL,
        orders_service_connection text NOT NULL,
        products_migration_connection text,
        orders_migration_connection text,
        is_dedicated boolean NOT NULL,
        key_version integer NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_store_databases PRIMARY KEY (store_id),
        CONSTRAINT ck_store_databases_encrypted CHECK (products_connection like 'v1:%' and orders_connection like 'v1:%' and products_service_connection like 'v1:%' and orders_service_connection like 'v1:%' and (products_migration_connection is null or products_migration_connection like 'v1:%') and (orders_migration_connection is null or orders_migration_connection like 'v1:%')),
        CONSTRAINT ck_store_databases_key_version CHECK (key_version > 0),
        CONSTRAINT fk_store_databases_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE store_members (
        store_id uuid NOT NULL,
        user_id uuid NOT NULL,
        role character varying(40) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_store_members PRIMARY KEY (store_id, user_id),
        CONSTRAINT ck_store_members_role CHECK (role in ('owner', 'staff')),
        CONSTRAINT fk_store_members_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
        CONSTRAINT fk_store_members_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE store_slug_redirects (
        slug character varying(63) NOT NULL,
        store_id uuid NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_store_slug_redirects PRIMARY KEY (slug),
        CONSTRAINT fk_store_slug_redirects_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE TABLE subscriptions (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        status character varying(40) NOT NULL,
        current_period_start timestamp with time zone NOT NULL,
        current_period_end timestamp with time zone NOT NULL,
        cancel_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_subscriptions PRIMARY KEY (id),
        CONSTRAINT ck_subscriptions_period CHECK (current_period_end > current_period_start),
        CONSTRAINT ck_subscriptions_status CHECK (status in ('trialing', 'active', 'past_due', 'cancelled', 'expired')),
        CONSTRAINT fk_subscriptions_plans_plan_id FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE RESTRICT,
        CONSTRAINT fk_subscriptions_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_credit_transactions_store_id_created_at ON credit_transactions (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_credit_transactions_store_id_idempotency_key ON credit_transactions (store_id, idempotency_key) WHERE idempotency_key is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_job_queue_due ON job_queue (queue, run_at) WHERE status = 'pending';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_job_queue_idempotency_key ON job_queue (idempotency_key) WHERE idempotency_key is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_job_queue_store_id_created_at ON job_queue (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_plans_code ON plans (code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_store_members_user_id ON store_members (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_store_slug_redirects_store_id ON store_slug_redirects (store_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_stores_custom_host ON stores (custom_host) WHERE custom_host is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_stores_owner_user_id ON stores (owner_user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_stores_plan_id ON stores (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_stores_slug ON stores (slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_subscriptions_plan_id ON subscriptions (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_subscriptions_store_id_created_at ON subscriptions (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ux_subscriptions_live_per_store ON subscriptions (store_id) WHERE status in ('trialing', 'active', 'past_due');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_user_activity_logs_user_id_occurred_at ON user_activity_logs (user_id, occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_user_addresses_user_id_created_at ON user_addresses (user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ux_user_addresses_default_billing ON user_addresses (user_id) WHERE is_default_billing;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ux_user_addresses_default_shipping ON user_addresses (user_id) WHERE is_default_shipping;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE INDEX ix_user_sessions_user_id_created_at ON user_sessions (user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    CREATE UNIQUE INDEX ix_users_email ON users (email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
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
    -- (One verification: the claims and the store are the transaction's settings once they verify.)
    CREATE OR REPLACE FUNCTION app.is_store_staff() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
        SELECT s.store <> '' AND s.verified AND (
            coalesce(s.claims ->> 'platform_admin' = 'true', false)
            OR (coalesce(s.claims ->> 'store_role' IN ('owner', 'staff'), false) AND s.claims ->> 'store_id' = s.store))
        FROM (SELECT app.claims_verified() AS verified, coalesce(current_setting('app.store_id', true), '') AS store,
                     coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb AS claims) s
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202041331_Baseline') THEN
    INSERT INTO __ef_migrations_master (migration_id, product_version)
    VALUES ('20261202041331_Baseline', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202075823_PostalAddressShape') THEN
    ALTER TABLE user_addresses ALTER COLUMN postal_code DROP NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202075823_PostalAddressShape') THEN
    INSERT INTO __ef_migrations_master (migration_id, product_version)
    VALUES ('20261202075823_PostalAddressShape', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202091853_InlinedClaimsHelpers') THEN
    -- Issue 9: the claims helpers of Sql/common/10_security.sql as SQL-standard functions, inlined into the policies.
    -- Same answers as before; CREATE OR REPLACE drops their SET search_path clause.

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


    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "migration_id" = '20261202091853_InlinedClaimsHelpers') THEN
    INSERT INTO __ef_migrations_master (migration_id, product_version)
    VALUES ('20261202091853_InlinedClaimsHelpers', '10.0.15');
    END IF;
END $EF$;
COMMIT;

CREATE TABLE IF NOT EXISTS __ef_migrations_auth (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_auth PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE TABLE auth_users (
        id uuid NOT NULL,
        user_name character varying(256),
        normalized_user_name character varying(256),
        email character varying(256),
        normalized_email character varying(256),
        email_confirmed boolean NOT NULL,
        password_hash text,
        security_stamp text,
        concurrency_stamp text,
        phone_number text,
        phone_number_confirmed boolean NOT NULL,
        two_factor_enabled boolean NOT NULL,
        lockout_end timestamp with time zone,
        lockout_enabled boolean NOT NULL,
        access_failed_count integer NOT NULL,
        CONSTRAINT pk_auth_users PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE TABLE auth_user_claims (
        id integer GENERATED BY DEFAULT AS IDENTITY,
        user_id uuid NOT NULL,
        claim_type text,
        claim_value text,
        CONSTRAINT pk_auth_user_claims PRIMARY KEY (id),
        CONSTRAINT fk_auth_user_claims_auth_users_user_id FOREIGN KEY (user_id) REFERENCES auth_users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE TABLE auth_user_logins (
        login_provider text NOT NULL,
        provider_key text NOT NULL,
        provider_display_name text,
        user_id uuid NOT NULL,
        CONSTRAINT pk_auth_user_logins PRIMARY KEY (login_provider, provider_key),
        CONSTRAINT fk_auth_user_logins_auth_users_user_id FOREIGN KEY (user_id) REFERENCES auth_users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE TABLE auth_user_tokens (
        user_id uuid NOT NULL,
        login_provider text NOT NULL,
        name text NOT NULL,
        value text,
        CONSTRAINT pk_auth_user_tokens PRIMARY KEY (user_id, login_provider, name),
        CONSTRAINT fk_auth_user_tokens_auth_users_user_id FOREIGN KEY (user_id) REFERENCES auth_users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE INDEX ix_auth_user_claims_user_id ON auth_user_claims (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE INDEX ix_auth_user_logins_user_id ON auth_user_logins (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE INDEX ix_auth_users_normalized_email ON auth_users (normalized_email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    CREATE UNIQUE INDEX ux_auth_users_normalized_user_name ON auth_users (normalized_user_name);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    -- Frozen SQL of migration 20261202041337_Baseline: exactly what it applied, after EF created the tables.
    -- Never edit this file (MigrationSql checks its SHA-256). The current definitions live in Avnera.Data/Sql/;
    -- change them there and carry the change to databases with a new migration and its own .sql file.

    -- ==== Sql/master/85_auth_grants.sql ====
    -- The embedded sign-in provider's tables (AuthDbContext, in the Master database) hold password hashes:
    -- only the service role (the platform acting as the auth server, through the service login) may touch
    -- them; people, staff and visitors get nothing, and the request login cannot become the service role.
    GRANT USAGE ON SCHEMA public TO service_role;
    GRANT SELECT, INSERT, UPDATE, DELETE ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens TO service_role;
    REVOKE ALL ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens FROM anon, authenticated;
    REVOKE ALL ON __ef_migrations_auth FROM anon, authenticated, service_role;

    -- ==== Sql/master/95_auth_rls.sql ====
    -- Row Level Security of the sign-in provider's tables: the platform (service_role) only. Enabled and forced.
    DO $rls$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['auth_users', 'auth_user_claims', 'auth_user_logins', 'auth_user_tokens']
        LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
        END LOOP;
    END
    $rls$;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "migration_id" = '20261202041337_Baseline') THEN
    INSERT INTO __ef_migrations_auth (migration_id, product_version)
    VALUES ('20261202041337_Baseline', '10.0.15');
    END IF;
END $EF$;
COMMIT;
