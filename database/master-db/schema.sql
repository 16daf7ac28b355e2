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
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___ef_migrations_master" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE TABLE user_sessions (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        device character varying(300),
        ip_address character varying(45),
        created_at timestamp with time zone NOT NULL,
        last_seen_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        CONSTRAINT pk_user_sessions PRIMARY KEY (id),
        CONSTRAINT fk_user_sessions_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE TABLE credit_balances (
        store_id uuid NOT NULL,
        balance bigint NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_credit_balances PRIMARY KEY (store_id),
        CONSTRAINT ck_credit_balances_not_negative CHECK (balance >= 0),
        CONSTRAINT fk_credit_balances_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
        CONSTRAINT fk_credit_transactions_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE TABLE store_databases (
        store_id uuid NOT NULL,
        products_connection text NOT NULL,
        orders_connection text NOT NULL,
        products_migration_connection text,
        orders_migration_connection text,
        is_dedicated boolean NOT NULL,
        key_version integer NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_store_databases PRIMARY KEY (store_id),
        CONSTRAINT ck_store_databases_encrypted CHECK (products_connection like 'v1:%' and orders_connection like 'v1:%' and (products_migration_connection is null or products_migration_connection like 'v1:%') and (orders_migration_connection is null or orders_migration_connection like 'v1:%')),
        CONSTRAINT ck_store_databases_key_version CHECK (key_version > 0),
        CONSTRAINT fk_store_databases_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_credit_transactions_store_id_created_at ON credit_transactions (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_credit_transactions_store_id_idempotency_key ON credit_transactions (store_id, idempotency_key) WHERE idempotency_key is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_job_queue_queue_run_at ON job_queue (queue, run_at) WHERE status = 'pending';
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_job_queue_store_id_created_at ON job_queue (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_job_queue_idempotency_key ON job_queue (idempotency_key) WHERE idempotency_key is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_plans_code ON plans (code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_store_members_user_id ON store_members (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_stores_owner_user_id ON stores (owner_user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_stores_plan_id ON stores (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_stores_custom_host ON stores (custom_host) WHERE custom_host is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_stores_slug ON stores (slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_subscriptions_plan_id ON subscriptions (plan_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_subscriptions_store_id_created_at ON subscriptions (store_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_subscriptions_store_id ON subscriptions (store_id) WHERE status in ('trialing', 'active', 'past_due');
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_user_activity_logs_user_id_occurred_at ON user_activity_logs (user_id, occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_user_addresses_user_id_created_at ON user_addresses (user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_user_addresses_user_id ON user_addresses (user_id) WHERE is_default_billing;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE INDEX ix_user_sessions_user_id_created_at ON user_sessions (user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    CREATE UNIQUE INDEX ux_users_email ON users (email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041535_Initial') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122041535_Initial', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041543_Grants') THEN
    -- Master: the application reaches it as `authenticated` (people, registry) or `service_role` (jobs).
    -- Anonymous visitors get nothing here; store routing reads go through the application role.
    GRANT USAGE ON SCHEMA public TO authenticated, service_role;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
    -- Ledgers are append-only for everyone but the owner.
    REVOKE UPDATE, DELETE ON credit_transactions FROM authenticated, service_role;
    REVOKE UPDATE, DELETE ON user_activity_logs FROM authenticated;
    REVOKE ALL ON __ef_migrations_master FROM authenticated, service_role;
    -- Tables added by later migrations get the same read/write privileges (Row Level Security narrows them).
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authenticated, service_role;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authenticated, service_role;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122041543_Grants') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122041543_Grants', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122050450_SessionProviderTokens') THEN
    ALTER TABLE user_sessions ADD provider_access_token text;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122050450_SessionProviderTokens') THEN
    ALTER TABLE user_sessions ADD provider_expires_at timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122050450_SessionProviderTokens') THEN
    ALTER TABLE user_sessions ADD provider_refresh_token text;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122050450_SessionProviderTokens') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122050450_SessionProviderTokens', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122051924_AuthFunctions') THEN
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122051924_AuthFunctions') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122051924_AuthFunctions', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122053502_RowLevelSecurity') THEN
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122053502_RowLevelSecurity') THEN
    -- Row Level Security for the Master database. Enabled and forced on every table (the owner too).
    --   service_role     the platform (sign-in, store registry, provisioning, jobs): every row;
    --   a person         their own user_* rows; the stores they belong to, their memberships, those stores'
    --                    subscription and credits (read); plans (read);
    --   platform admin   every store, membership, plan, subscription, credit and job.
    -- Visitors (anon) have no privileges in Master at all. store_databases (tenant credentials) and
    -- data_protection_keys are the platform's alone.
    DO $rls$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['users', 'user_profiles', 'user_addresses', 'user_preferences', 'user_sessions',
            'user_activity_logs', 'stores', 'store_members', 'store_databases', 'plans', 'subscriptions',
            'credit_balances', 'credit_transactions', 'job_queue', 'data_protection_keys']
        LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
        END LOOP;
        FOREACH t IN ARRAY ARRAY['user_profiles', 'user_addresses', 'user_preferences', 'user_sessions']
        LOOP
            EXECUTE format('CREATE POLICY own ON %I TO authenticated USING (user_id = (SELECT auth.uid())) '
                || 'WITH CHECK (user_id = (SELECT auth.uid()))', t);
        END LOOP;
        FOREACH t IN ARRAY ARRAY['stores', 'store_members', 'plans', 'subscriptions', 'credit_balances', 'credit_transactions', 'job_queue']
        LOOP
            EXECUTE format('CREATE POLICY platform_admin ON %I TO authenticated USING ((SELECT app.is_platform_admin())) '
                || 'WITH CHECK ((SELECT app.is_platform_admin()))', t);
        END LOOP;
    END
    $rls$;

    CREATE POLICY own ON users FOR SELECT TO authenticated USING (id = (SELECT auth.uid()) OR (SELECT app.is_platform_admin()));
    CREATE POLICY own_update ON users FOR UPDATE TO authenticated
        USING (id = (SELECT auth.uid())) WITH CHECK (id = (SELECT auth.uid()));
    CREATE POLICY own ON user_activity_logs FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
    CREATE POLICY own_insert ON user_activity_logs FOR INSERT TO authenticated WITH CHECK (user_id = (SELECT auth.uid()));
    CREATE POLICY own ON store_members FOR SELECT TO authenticated USING (user_id = (SELECT auth.uid()));
    CREATE POLICY member ON stores FOR SELECT TO authenticated USING (EXISTS (
        SELECT 1 FROM store_members m WHERE m.store_id = stores.id AND m.user_id = (SELECT auth.uid())));
    CREATE POLICY member ON subscriptions FOR SELECT TO authenticated USING (EXISTS (
        SELECT 1 FROM store_members m WHERE m.store_id = subscriptions.store_id AND m.user_id = (SELECT auth.uid())));
    CREATE POLICY member ON credit_balances FOR SELECT TO authenticated USING (EXISTS (
        SELECT 1 FROM store_members m WHERE m.store_id = credit_balances.store_id AND m.user_id = (SELECT auth.uid())));
    CREATE POLICY member ON credit_transactions FOR SELECT TO authenticated USING (EXISTS (
        SELECT 1 FROM store_members m WHERE m.store_id = credit_transactions.store_id AND m.user_id = (SELECT auth.uid())));
    CREATE POLICY everyone ON plans FOR SELECT TO authenticated USING (true);
    -- The operator sees which stores are dedicated; the credentials themselves stay ciphertext.
    CREATE POLICY platform_admin ON store_databases FOR SELECT TO authenticated USING ((SELECT app.is_platform_admin()));

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122053502_RowLevelSecurity') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122053502_RowLevelSecurity', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
    ALTER INDEX ux_user_addresses_user_id RENAME TO ux_user_addresses_default_billing;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
    CREATE UNIQUE INDEX ux_user_addresses_default_shipping ON user_addresses (user_id) WHERE is_default_shipping;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
    CREATE INDEX ix_store_slug_redirects_store_id ON store_slug_redirects (store_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
    ALTER TABLE store_slug_redirects ENABLE ROW LEVEL SECURITY;
    ALTER TABLE store_slug_redirects FORCE ROW LEVEL SECURITY;
    CREATE POLICY platform ON store_slug_redirects TO service_role USING (true) WITH CHECK (true);
    CREATE POLICY platform_admin ON store_slug_redirects TO authenticated
        USING ((SELECT app.is_platform_admin())) WITH CHECK ((SELECT app.is_platform_admin()));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_master WHERE "MigrationId" = '20261122054509_StorefrontRouting') THEN
    INSERT INTO __ef_migrations_master ("MigrationId", "ProductVersion")
    VALUES ('20261122054509_StorefrontRouting', '10.0.15');
    END IF;
END $EF$;
COMMIT;

CREATE TABLE IF NOT EXISTS __ef_migrations_auth (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___ef_migrations_auth" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
    CREATE INDEX ix_auth_user_claims_user_id ON auth_user_claims (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
    CREATE INDEX ix_auth_user_logins_user_id ON auth_user_logins (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
    CREATE INDEX ix_auth_users_normalized_email ON auth_users (normalized_email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
    CREATE UNIQUE INDEX ux_auth_users_normalized_user_name ON auth_users (normalized_user_name);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042630_Initial') THEN
    INSERT INTO __ef_migrations_auth ("MigrationId", "ProductVersion")
    VALUES ('20261122042630_Initial', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042656_Grants') THEN
    -- The embedded sign-in provider's tables hold password hashes: only the service role (the app acting as
    -- the auth server) may touch them; people and staff (authenticated) and visitors (anon) get nothing.
    GRANT USAGE ON SCHEMA public TO service_role;
    GRANT SELECT, INSERT, UPDATE, DELETE ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens TO service_role;
    REVOKE ALL ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens FROM anon, authenticated;
    REVOKE ALL ON __ef_migrations_auth FROM anon, authenticated, service_role;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122042656_Grants') THEN
    INSERT INTO __ef_migrations_auth ("MigrationId", "ProductVersion")
    VALUES ('20261122042656_Grants', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122053509_RowLevelSecurity') THEN
    -- Row Level Security for the embedded sign-in provider's tables: only the platform (service_role) reads
    -- or writes password hashes, tokens and external logins. Enabled and forced (the owner too).
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_auth WHERE "MigrationId" = '20261122053509_RowLevelSecurity') THEN
    INSERT INTO __ef_migrations_auth ("MigrationId", "ProductVersion")
    VALUES ('20261122053509_RowLevelSecurity', '10.0.15');
    END IF;
END $EF$;
COMMIT;
