-- Avnera OrdersDbContext schema. GENERATED from the EF Core migrations: do not edit by hand.
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
CREATE TABLE IF NOT EXISTS __ef_migrations_orders (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_orders PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE tenant_stores (
        id uuid NOT NULL,
        next_order_number bigint NOT NULL,
        next_return_number bigint NOT NULL,
        next_ticket_number bigint NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_tenant_stores PRIMARY KEY (id),
        CONSTRAINT ck_tenant_stores_next_order_number CHECK (next_order_number > 0 and next_return_number > 0 and next_ticket_number > 0)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE coupons (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        code character varying(50) NOT NULL,
        kind character varying(40) NOT NULL,
        value numeric(14,2) NOT NULL,
        min_subtotal numeric(14,2),
        starts_at timestamp with time zone NOT NULL,
        ends_at timestamp with time zone,
        usage_limit integer,
        usage_limit_per_customer integer,
        times_used integer NOT NULL,
        is_active boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_coupons PRIMARY KEY (store_id, id),
        CONSTRAINT ck_coupons_code_upper CHECK (code = upper(code)),
        CONSTRAINT ck_coupons_kind CHECK (kind in ('percent', 'fixed_amount', 'free_shipping')),
        CONSTRAINT ck_coupons_min_subtotal CHECK (min_subtotal is null or min_subtotal >= 0),
        CONSTRAINT ck_coupons_percent_value CHECK (kind <> 'percent' or value <= 100),
        CONSTRAINT ck_coupons_period CHECK (ends_at is null or ends_at > starts_at),
        CONSTRAINT ck_coupons_times_used CHECK (times_used >= 0 and (usage_limit is null or times_used <= usage_limit)),
        CONSTRAINT ck_coupons_usage_limits CHECK ((usage_limit is null or usage_limit >= 0) and (usage_limit_per_customer is null or usage_limit_per_customer >= 0)),
        CONSTRAINT ck_coupons_value CHECK (value >= 0),
        CONSTRAINT fk_coupons_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE customers (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        user_id uuid,
        email character varying(320) NOT NULL,
        first_name character varying(100),
        last_name character varying(100),
        phone character varying(40),
        accepts_marketing boolean NOT NULL,
        is_guest boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_customers PRIMARY KEY (store_id, id),
        CONSTRAINT ck_customers_guest_has_no_user CHECK (not (is_guest and user_id is not null)),
        CONSTRAINT fk_customers_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE email_templates (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        key character varying(100) NOT NULL,
        language character varying(10) NOT NULL,
        subject character varying(300) NOT NULL,
        body_html text NOT NULL,
        body_text text,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_email_templates PRIMARY KEY (store_id, id),
        CONSTRAINT fk_email_templates_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE outbox (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        kind character varying(100) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamp with time zone NOT NULL,
        processed_at timestamp with time zone,
        attempts integer NOT NULL,
        last_error character varying(2000),
        CONSTRAINT pk_outbox PRIMARY KEY (store_id, id),
        CONSTRAINT ck_outbox_attempts CHECK (attempts >= 0),
        CONSTRAINT fk_outbox_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE customer_addresses (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        label character varying(50),
        recipient_name character varying(200) NOT NULL,
        line1 character varying(200) NOT NULL,
        line2 character varying(200),
        city character varying(100) NOT NULL,
        region character varying(100),
        postal_code character varying(20),
        country_code character(2) NOT NULL,
        phone character varying(40),
        is_default_shipping boolean NOT NULL,
        is_default_billing boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_customer_addresses PRIMARY KEY (store_id, id),
        CONSTRAINT ck_customer_addresses_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT fk_customer_addresses_customers_store_id_customer_id FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_customer_addresses_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE orders (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        number bigint NOT NULL,
        customer_id uuid NOT NULL,
        user_id uuid,
        email character varying(320) NOT NULL,
        status character varying(40) NOT NULL,
        currency character(3) NOT NULL,
        subtotal numeric(14,2) NOT NULL,
        discount_total numeric(14,2) NOT NULL,
        shipping_total numeric(14,2) NOT NULL,
        tax_total numeric(14,2) NOT NULL,
        grand_total numeric(14,2) NOT NULL,
        idempotency_key character varying(100) NOT NULL,
        coupon_code character varying(50),
        shipping_address jsonb,
        billing_address jsonb,
        notes character varying(2000),
        placed_at timestamp with time zone NOT NULL,
        paid_at timestamp with time zone,
        cancelled_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_orders PRIMARY KEY (store_id, id),
        CONSTRAINT ck_orders_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_orders_number CHECK (number > 0),
        CONSTRAINT ck_orders_status CHECK (status in ('pending', 'awaiting_payment', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded', 'rejected_out_of_stock', 'payment_failed')),
        CONSTRAINT ck_orders_totals CHECK (subtotal >= 0 and discount_total >= 0 and shipping_total >= 0 and tax_total >= 0 and grand_total >= 0),
        CONSTRAINT fk_orders_customers_store_id_customer_id FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_orders_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE coupon_usage (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        coupon_id uuid NOT NULL,
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        used_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_coupon_usage PRIMARY KEY (store_id, id),
        CONSTRAINT fk_coupon_usage_coupons_store_id_coupon_id FOREIGN KEY (store_id, coupon_id) REFERENCES coupons (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_coupon_usage_customers_store_id_customer_id FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_coupon_usage_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_coupon_usage_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE order_items (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        order_id uuid NOT NULL,
        product_id uuid NOT NULL,
        variant_id uuid NOT NULL,
        sku character varying(64) NOT NULL,
        name character varying(300) NOT NULL,
        variant_title character varying(200),
        quantity integer NOT NULL,
        unit_price numeric(14,2) NOT NULL,
        discount numeric(14,2) NOT NULL,
        line_total numeric(14,2) NOT NULL,
        CONSTRAINT pk_order_items PRIMARY KEY (store_id, id),
        CONSTRAINT ck_order_items_amounts CHECK (unit_price >= 0 and discount >= 0 and line_total >= 0),
        CONSTRAINT ck_order_items_quantity CHECK (quantity > 0),
        CONSTRAINT fk_order_items_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_order_items_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE payments (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        order_id uuid NOT NULL,
        provider character varying(40) NOT NULL,
        provider_payment_id character varying(200),
        status character varying(40) NOT NULL,
        amount numeric(14,2) NOT NULL,
        captured_amount numeric(14,2) NOT NULL,
        refunded_amount numeric(14,2) NOT NULL,
        currency character(3) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_payments PRIMARY KEY (store_id, id),
        CONSTRAINT ck_payments_amounts CHECK (amount >= 0 and captured_amount >= 0 and refunded_amount >= 0 and refunded_amount <= captured_amount and captured_amount <= amount),
        CONSTRAINT ck_payments_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_payments_status CHECK (status in ('pending', 'authorized', 'captured', 'failed', 'cancelled', 'refunded', 'partially_refunded')),
        CONSTRAINT fk_payments_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_payments_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE shipments (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        order_id uuid NOT NULL,
        carrier character varying(60) NOT NULL,
        service character varying(60),
        tracking_number character varying(100),
        status character varying(40) NOT NULL,
        shipped_at timestamp with time zone,
        delivered_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_shipments PRIMARY KEY (store_id, id),
        CONSTRAINT ck_shipments_status CHECK (status in ('pending', 'shipped', 'in_transit', 'delivered', 'returned', 'lost')),
        CONSTRAINT fk_shipments_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_shipments_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE support_tickets (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        number bigint NOT NULL,
        customer_id uuid,
        user_id uuid,
        email character varying(320) NOT NULL,
        order_id uuid,
        subject character varying(300) NOT NULL,
        status character varying(40) NOT NULL,
        priority character varying(40) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_support_tickets PRIMARY KEY (store_id, id),
        CONSTRAINT ck_support_tickets_number CHECK (number > 0),
        CONSTRAINT ck_support_tickets_priority CHECK (priority in ('low', 'normal', 'high', 'urgent')),
        CONSTRAINT ck_support_tickets_status CHECK (status in ('open', 'pending', 'resolved', 'closed')),
        CONSTRAINT fk_support_tickets_customers_store_id_customer_id FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_support_tickets_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_support_tickets_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE payment_attempts (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        payment_id uuid NOT NULL,
        status character varying(40) NOT NULL,
        error_code character varying(100),
        error_message character varying(2000),
        idempotency_key character varying(100) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_payment_attempts PRIMARY KEY (store_id, id),
        CONSTRAINT ck_payment_attempts_status CHECK (status in ('started', 'succeeded', 'declined', 'error')),
        CONSTRAINT fk_payment_attempts_payments_store_id_payment_id FOREIGN KEY (store_id, payment_id) REFERENCES payments (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_payment_attempts_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE refunds (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        payment_id uuid NOT NULL,
        order_id uuid NOT NULL,
        amount numeric(14,2) NOT NULL,
        reason character varying(500),
        status character varying(40) NOT NULL,
        provider_refund_id character varying(200),
        idempotency_key character varying(100) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_refunds PRIMARY KEY (store_id, id),
        CONSTRAINT ck_refunds_amount CHECK (amount > 0),
        CONSTRAINT ck_refunds_status CHECK (status in ('pending', 'succeeded', 'failed')),
        CONSTRAINT fk_refunds_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_refunds_payments_store_id_payment_id FOREIGN KEY (store_id, payment_id) REFERENCES payments (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_refunds_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE shipping_events (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        shipment_id uuid NOT NULL,
        status character varying(60) NOT NULL,
        description character varying(500),
        location character varying(200),
        occurred_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_shipping_events PRIMARY KEY (store_id, id),
        CONSTRAINT fk_shipping_events_shipments_store_id_shipment_id FOREIGN KEY (store_id, shipment_id) REFERENCES shipments (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_shipping_events_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE support_ticket_messages (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        ticket_id uuid NOT NULL,
        author_user_id uuid,
        is_staff boolean NOT NULL,
        body character varying(20000) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_support_ticket_messages PRIMARY KEY (store_id, id),
        CONSTRAINT fk_support_ticket_messages_support_tickets_store_id_ticket_id FOREIGN KEY (store_id, ticket_id) REFERENCES support_tickets (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_support_ticket_messages_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE returns (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        order_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        number bigint NOT NULL,
        status character varying(40) NOT NULL,
        reason character varying(500),
        resolution_notes character varying(2000),
        refund_id uuid,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_returns PRIMARY KEY (store_id, id),
        CONSTRAINT ck_returns_number CHECK (number > 0),
        CONSTRAINT ck_returns_status CHECK (status in ('requested', 'approved', 'rejected', 'received', 'refunded', 'closed')),
        CONSTRAINT fk_returns_customers_store_id_customer_id FOREIGN KEY (store_id, customer_id) REFERENCES customers (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_returns_orders_store_id_order_id FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_returns_refunds_store_id_refund_id FOREIGN KEY (store_id, refund_id) REFERENCES refunds (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_returns_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE TABLE return_items (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        return_id uuid NOT NULL,
        order_item_id uuid NOT NULL,
        quantity integer NOT NULL,
        reason character varying(500),
        CONSTRAINT pk_return_items PRIMARY KEY (store_id, id),
        CONSTRAINT ck_return_items_quantity CHECK (quantity > 0),
        CONSTRAINT fk_return_items_order_items_store_id_order_item_id FOREIGN KEY (store_id, order_item_id) REFERENCES order_items (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_return_items_returns_store_id_return_id FOREIGN KEY (store_id, return_id) REFERENCES returns (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_return_items_tenant_stores_store_id FOREIGN KEY (store_id) REFERENCES tenant_stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_coupon_usage_store_id_coupon_id_order_id ON coupon_usage (store_id, coupon_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_coupon_usage_store_id_customer_id_coupon_id ON coupon_usage (store_id, customer_id, coupon_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_coupon_usage_store_id_order_id ON coupon_usage (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_coupons_store_id_code ON coupons (store_id, code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_customer_addresses_store_id_customer_id ON customer_addresses (store_id, customer_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_customers_store_id_email ON customers (store_id, email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_customers_store_id_user_id ON customers (store_id, user_id) WHERE user_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_email_templates_store_id_key_language ON email_templates (store_id, key, language);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_order_items_store_id_order_id ON order_items (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_orders_store_id_customer_id_created_at ON orders (store_id, customer_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_orders_store_id_idempotency_key ON orders (store_id, idempotency_key);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_orders_store_id_number ON orders (store_id, number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_orders_store_id_status_created_at ON orders (store_id, status, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_orders_store_id_user_id_created_at ON orders (store_id, user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_outbox_created_at ON outbox (created_at) WHERE processed_at is null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_outbox_store_id_processed_at_created_at ON outbox (store_id, processed_at, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_payment_attempts_store_id_idempotency_key ON payment_attempts (store_id, idempotency_key);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_payment_attempts_store_id_payment_id_created_at ON payment_attempts (store_id, payment_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_payments_provider_provider_payment_id ON payments (provider, provider_payment_id) WHERE provider_payment_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_payments_store_id_order_id ON payments (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_refunds_store_id_idempotency_key ON refunds (store_id, idempotency_key);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_refunds_store_id_order_id ON refunds (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_refunds_store_id_payment_id ON refunds (store_id, payment_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_return_items_store_id_order_item_id ON return_items (store_id, order_item_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_return_items_store_id_return_id ON return_items (store_id, return_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_returns_store_id_customer_id ON returns (store_id, customer_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_returns_store_id_number ON returns (store_id, number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_returns_store_id_order_id ON returns (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_returns_store_id_refund_id ON returns (store_id, refund_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_shipments_store_id_order_id ON shipments (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_shipping_events_store_id_shipment_id_occurred_at ON shipping_events (store_id, shipment_id, occurred_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_support_ticket_messages_store_id_ticket_id_created_at ON support_ticket_messages (store_id, ticket_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_support_tickets_store_id_customer_id ON support_tickets (store_id, customer_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE UNIQUE INDEX ix_support_tickets_store_id_number ON support_tickets (store_id, number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_support_tickets_store_id_order_id ON support_tickets (store_id, order_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_support_tickets_store_id_status_updated_at ON support_tickets (store_id, status, updated_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    CREATE INDEX ix_support_tickets_store_id_user_id ON support_tickets (store_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    -- Frozen SQL of migration 20261202041352_Baseline: exactly what it applied, after EF created the tables.
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

    -- ==== Sql/orders/80_grants.sql ====
    -- Orders privileges. Nothing for anonymous visitors (guest checkout runs as the platform on their behalf);
    -- signed-in people, staff and the platform read and write, narrowed by Row Level Security (90_rls.sql).
    -- Tables get no default privileges: a new table is reachable by nobody until its migration grants it.
    GRANT USAGE ON SCHEMA public TO authenticated, service_role;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
    -- A store's own row is created and removed by the platform's workflows, never by a request.
    REVOKE INSERT, DELETE, TRUNCATE ON tenant_stores FROM authenticated;
    -- Money records are never deleted: a payment, an attempt or a refund stays, whatever happens to its order.
    REVOKE DELETE, TRUNCATE ON payments, payment_attempts, refunds FROM authenticated, service_role;
    REVOKE ALL ON __ef_migrations_orders FROM anon, authenticated, service_role;

    -- ==== Sql/orders/90_rls.sql ====
    -- Row Level Security of an Orders database, enabled and forced on every table (the owner too).
    --   service_role   the platform (checkout, payments, jobs): every row;
    --   staff          owner/staff whose signed claims name app.store_id() (app.is_store_staff()): every row of
    --                  that store, nothing of any other; their store's own row they may read and update only;
    --   customers      a signed-in person reads their own customer record, orders and what hangs off them,
    --                  and opens and answers their own support tickets. Visitors (anon) get nothing here.
    DO $rls$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['tenant_stores', 'coupons', 'customers', 'customer_addresses', 'email_templates', 'outbox',
            'orders', 'coupon_usage', 'order_items', 'payments', 'payment_attempts', 'refunds', 'shipments',
            'shipping_events', 'returns', 'return_items', 'support_tickets', 'support_ticket_messages']
        LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
            IF t <> 'tenant_stores' THEN
                EXECUTE format('CREATE POLICY store_staff ON %I TO authenticated USING (%2$s) WITH CHECK (%2$s)', t,
                    'store_id = (SELECT app.store_id()) AND (SELECT app.is_store_staff())');
            END IF;
        END LOOP;
        FOREACH t IN ARRAY ARRAY['order_items', 'payments', 'refunds', 'shipments', 'returns']
        LOOP
            EXECUTE format('CREATE POLICY own ON %1$I FOR SELECT TO authenticated USING (store_id = (SELECT app.store_id()) '
                || 'AND EXISTS (SELECT 1 FROM orders o WHERE o.store_id = %1$I.store_id AND o.id = %1$I.order_id))', t);
        END LOOP;
    END
    $rls$;

    CREATE POLICY store_staff ON tenant_stores FOR SELECT TO authenticated
        USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));
    CREATE POLICY store_staff_update ON tenant_stores FOR UPDATE TO authenticated
        USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()))
        WITH CHECK (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));

    CREATE POLICY own ON customers FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON customer_addresses FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM customers c WHERE c.store_id = customer_addresses.store_id AND c.id = customer_addresses.customer_id));
    CREATE POLICY own ON orders FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON shipping_events FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM shipments s WHERE s.store_id = shipping_events.store_id AND s.id = shipping_events.shipment_id));
    CREATE POLICY own ON return_items FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM returns r WHERE r.store_id = return_items.store_id AND r.id = return_items.return_id));
    CREATE POLICY own ON support_tickets FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own_insert ON support_tickets FOR INSERT TO authenticated
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON support_ticket_messages FOR SELECT TO authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM support_tickets t WHERE t.store_id = support_ticket_messages.store_id AND t.id = support_ticket_messages.ticket_id));
    CREATE POLICY own_insert ON support_ticket_messages FOR INSERT TO authenticated
        WITH CHECK (store_id = (SELECT app.store_id()) AND author_user_id = (SELECT app.uid()) AND NOT is_staff AND EXISTS (
            SELECT 1 FROM support_tickets t WHERE t.store_id = support_ticket_messages.store_id AND t.id = support_ticket_messages.ticket_id));

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202041352_Baseline') THEN
    INSERT INTO __ef_migrations_orders (migration_id, product_version)
    VALUES ('20261202041352_Baseline', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202075832_PostalAddressShape') THEN
    ALTER TABLE customer_addresses ALTER COLUMN label TYPE character varying(60);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202075832_PostalAddressShape') THEN
    INSERT INTO __ef_migrations_orders (migration_id, product_version)
    VALUES ('20261202075832_PostalAddressShape', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202091909_InlinedClaimsHelpers') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_orders WHERE "migration_id" = '20261202091909_InlinedClaimsHelpers') THEN
    INSERT INTO __ef_migrations_orders (migration_id, product_version)
    VALUES ('20261202091909_InlinedClaimsHelpers', '10.0.15');
    END IF;
END $EF$;
COMMIT;
