-- Avnera ProductsDbContext schema. GENERATED from the EF Core migrations: do not edit by hand.
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
CREATE TABLE IF NOT EXISTS __ef_migrations_products (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_products PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE stores (
        id uuid NOT NULL,
        name character varying(200) NOT NULL,
        email character varying(320) NOT NULL,
        currency character(3) NOT NULL,
        culture character varying(20) NOT NULL,
        default_language character varying(10) NOT NULL,
        languages text[] NOT NULL,
        timezone character varying(60) NOT NULL,
        logo_url character varying(2000),
        theme jsonb NOT NULL,
        settings jsonb NOT NULL,
        contact jsonb NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_stores PRIMARY KEY (id),
        CONSTRAINT ck_stores_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_stores_default_language CHECK (default_language = any(languages))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE categories (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        parent_id uuid,
        slug character varying(200) NOT NULL,
        name character varying(200) NOT NULL,
        description text,
        position integer NOT NULL,
        is_published boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_categories PRIMARY KEY (store_id, id),
        CONSTRAINT ck_categories_not_own_parent CHECK (parent_id is null or parent_id <> id),
        CONSTRAINT fk_categories_categories_store_id_parent_id FOREIGN KEY (store_id, parent_id) REFERENCES categories (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_categories_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE cms_pages (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        slug character varying(200) NOT NULL,
        language character varying(10) NOT NULL,
        title character varying(300) NOT NULL,
        meta_title character varying(200),
        meta_description character varying(500),
        created_at timestamp with time zone NOT NULL,
        status character varying(40) NOT NULL,
        published_at timestamp with time zone,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_cms_pages PRIMARY KEY (store_id, id),
        CONSTRAINT ck_cms_pages_status CHECK (status in ('draft', 'published', 'archived')),
        CONSTRAINT fk_cms_pages_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE collections (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        slug character varying(200) NOT NULL,
        name character varying(200) NOT NULL,
        description text,
        is_published boolean NOT NULL,
        position integer NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_collections PRIMARY KEY (store_id, id),
        CONSTRAINT fk_collections_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_attributes (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        code character varying(64) NOT NULL,
        name character varying(200) NOT NULL,
        kind character varying(40) NOT NULL,
        is_filterable boolean NOT NULL,
        is_variant_option boolean NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_product_attributes PRIMARY KEY (store_id, id),
        CONSTRAINT ck_product_attributes_kind CHECK (kind in ('select', 'text', 'number')),
        CONSTRAINT fk_product_attributes_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE search_terms (
        store_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        term character varying(100) COLLATE "C" NOT NULL,
        CONSTRAINT pk_search_terms PRIMARY KEY (store_id, language, term),
        CONSTRAINT fk_search_terms_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE shopping_cart (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        user_id uuid,
        anonymous_token character varying(100),
        currency character(3) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        expires_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_shopping_cart PRIMARY KEY (store_id, id),
        CONSTRAINT ck_shopping_cart_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_shopping_cart_owner CHECK (user_id is not null or anonymous_token is not null),
        CONSTRAINT fk_shopping_cart_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE category_translations (
        store_id uuid NOT NULL,
        category_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        name character varying(200) NOT NULL,
        description text,
        CONSTRAINT pk_category_translations PRIMARY KEY (store_id, category_id, language),
        CONSTRAINT fk_category_translations_categories_store_id_category_id FOREIGN KEY (store_id, category_id) REFERENCES categories (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_category_translations_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE products (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        slug character varying(200) NOT NULL,
        name character varying(300) NOT NULL,
        description text,
        brand character varying(200),
        category_id uuid,
        price numeric(14,2) NOT NULL,
        compare_at_price numeric(14,2),
        rating_average numeric(3,2) NOT NULL,
        rating_count integer NOT NULL,
        created_at timestamp with time zone NOT NULL,
        facet_values text[] NOT NULL DEFAULT ('{}'::text[]),
        in_stock boolean NOT NULL DEFAULT FALSE,
        status character varying(40) NOT NULL,
        published_at timestamp with time zone,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_products PRIMARY KEY (store_id, id),
        CONSTRAINT ck_products_compare_at_price CHECK (compare_at_price is null or compare_at_price >= 0),
        CONSTRAINT ck_products_price CHECK (price >= 0),
        CONSTRAINT ck_products_rating CHECK (rating_average between 0 and 5 and rating_count >= 0),
        CONSTRAINT ck_products_status CHECK (status in ('draft', 'published', 'archived')),
        CONSTRAINT fk_products_categories_store_id_category_id FOREIGN KEY (store_id, category_id) REFERENCES categories (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_products_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE cms_blocks (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        page_id uuid NOT NULL,
        kind character varying(40) NOT NULL,
        position integer NOT NULL,
        content jsonb NOT NULL DEFAULT ('{}'::jsonb),
        CONSTRAINT pk_cms_blocks PRIMARY KEY (store_id, id),
        CONSTRAINT ck_cms_blocks_content CHECK (jsonb_typeof(content) = 'object'),
        CONSTRAINT ck_cms_blocks_kind CHECK (kind in ('hero', 'featured_collection', 'text', 'image', 'product_grid')),
        CONSTRAINT fk_cms_blocks_cms_pages_store_id_page_id FOREIGN KEY (store_id, page_id) REFERENCES cms_pages (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_cms_blocks_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE collection_products (
        store_id uuid NOT NULL,
        collection_id uuid NOT NULL,
        product_id uuid NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_collection_products PRIMARY KEY (store_id, collection_id, product_id),
        CONSTRAINT fk_collection_products_collections_store_id_collection_id FOREIGN KEY (store_id, collection_id) REFERENCES collections (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_collection_products_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_collection_products_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_reviews (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        user_id uuid NOT NULL,
        author_name character varying(100) NOT NULL,
        rating smallint NOT NULL,
        title character varying(200),
        body character varying(5000),
        status character varying(40) NOT NULL,
        helpful_count integer NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_product_reviews PRIMARY KEY (store_id, id),
        CONSTRAINT ck_product_reviews_helpful_count CHECK (helpful_count >= 0),
        CONSTRAINT ck_product_reviews_rating CHECK (rating between 1 and 5),
        CONSTRAINT ck_product_reviews_status CHECK (status in ('pending', 'published', 'rejected')),
        CONSTRAINT fk_product_reviews_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_reviews_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_search (
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        config character varying(40) NOT NULL,
        document tsvector NOT NULL,
        name character varying(300) NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        category_id uuid,
        price numeric(14,2) NOT NULL,
        in_stock boolean NOT NULL,
        facet_values text[] NOT NULL DEFAULT ('{}'::text[]),
        published_at timestamp with time zone,
        rating_average numeric(3,2) NOT NULL,
        rating_count integer NOT NULL,
        CONSTRAINT pk_product_search PRIMARY KEY (store_id, product_id, language),
        CONSTRAINT fk_product_search_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_search_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_translations (
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        name character varying(300) NOT NULL,
        description text,
        CONSTRAINT pk_product_translations PRIMARY KEY (store_id, product_id, language),
        CONSTRAINT fk_product_translations_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_translations_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_variants (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        sku character varying(64) NOT NULL,
        title character varying(200) NOT NULL,
        price numeric(14,2),
        stock_on_hand integer NOT NULL,
        stock_reserved integer NOT NULL,
        weight_grams integer,
        position integer NOT NULL,
        is_active boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_product_variants PRIMARY KEY (store_id, id),
        CONSTRAINT ck_product_variants_price CHECK (price is null or price >= 0),
        CONSTRAINT ck_product_variants_stock CHECK (stock_on_hand >= 0 and stock_reserved >= 0 and stock_reserved <= stock_on_hand),
        CONSTRAINT fk_product_variants_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_variants_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE review_votes (
        store_id uuid NOT NULL,
        review_id uuid NOT NULL,
        user_id uuid NOT NULL,
        is_helpful boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_review_votes PRIMARY KEY (store_id, review_id, user_id),
        CONSTRAINT fk_review_votes_product_reviews_store_id_review_id FOREIGN KEY (store_id, review_id) REFERENCES product_reviews (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_review_votes_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE inventory_movements (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        variant_id uuid NOT NULL,
        kind character varying(40) NOT NULL,
        quantity integer NOT NULL,
        order_id uuid,
        reason character varying(500),
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_inventory_movements PRIMARY KEY (store_id, id),
        CONSTRAINT ck_inventory_movements_kind CHECK (kind in ('receipt', 'adjustment', 'reservation', 'release', 'sale', 'return')),
        CONSTRAINT ck_inventory_movements_quantity CHECK (quantity <> 0),
        CONSTRAINT fk_inventory_movements_product_variants_store_id_variant_id FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_inventory_movements_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_attribute_values (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        variant_id uuid,
        attribute_id uuid NOT NULL,
        value character varying(200) NOT NULL,
        numeric_value numeric(14,4),
        CONSTRAINT pk_product_attribute_values PRIMARY KEY (store_id, id),
        CONSTRAINT fk_product_attribute_values_product_attributes_store_id_attrib FOREIGN KEY (store_id, attribute_id) REFERENCES product_attributes (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_product_variants_store_id_variant_ FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE product_images (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        variant_id uuid,
        url character varying(2000) NOT NULL,
        alt_text character varying(500),
        position integer NOT NULL,
        width integer,
        height integer,
        CONSTRAINT pk_product_images PRIMARY KEY (store_id, id),
        CONSTRAINT ck_product_images_size CHECK ((width is null or width > 0) and (height is null or height > 0)),
        CONSTRAINT fk_product_images_product_variants_store_id_variant_id FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE RESTRICT,
        CONSTRAINT fk_product_images_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_images_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE shopping_cart_items (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        cart_id uuid NOT NULL,
        variant_id uuid NOT NULL,
        quantity integer NOT NULL,
        unit_price numeric(14,2) NOT NULL,
        added_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_shopping_cart_items PRIMARY KEY (store_id, id),
        CONSTRAINT ck_shopping_cart_items_quantity CHECK (quantity > 0 and quantity <= 999),
        CONSTRAINT ck_shopping_cart_items_unit_price CHECK (unit_price >= 0),
        CONSTRAINT fk_shopping_cart_items_product_variants_store_id_variant_id FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_shopping_cart_items_shopping_cart_store_id_cart_id FOREIGN KEY (store_id, cart_id) REFERENCES shopping_cart (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_shopping_cart_items_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE TABLE wishlists (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        user_id uuid NOT NULL,
        product_id uuid NOT NULL,
        variant_id uuid,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_wishlists PRIMARY KEY (store_id, id),
        CONSTRAINT fk_wishlists_product_variants_store_id_variant_id FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_wishlists_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_wishlists_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_categories_store_id_parent_id_position ON categories (store_id, parent_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_categories_store_id_slug ON categories (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_cms_blocks_store_id_page_id_position ON cms_blocks (store_id, page_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_cms_pages_store_id_slug_language ON cms_pages (store_id, slug, language);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_collection_products_store_id_collection_id_position ON collection_products (store_id, collection_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_collection_products_store_id_product_id ON collection_products (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_collections_store_id_slug ON collections (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_inventory_movements_store_id_order_id_variant_id_kind ON inventory_movements (store_id, order_id, variant_id, kind) WHERE order_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_inventory_movements_store_id_variant_id_created_at ON inventory_movements (store_id, variant_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_attribute_values_store_id_attribute_id_value ON product_attribute_values (store_id, attribute_id, value);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_attribute_values_store_id_product_id ON product_attribute_values (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_attribute_values_store_id_variant_id ON product_attribute_values (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_product_attributes_store_id_code ON product_attributes (store_id, code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_images_store_id_product_id_position ON product_images (store_id, product_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_images_store_id_variant_id ON product_images (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_reviews_store_id_product_id_status_created_at ON product_reviews (store_id, product_id, status, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_product_reviews_store_id_product_id_user_id ON product_reviews (store_id, product_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_reviews_store_id_user_id ON product_reviews (store_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_search_store_document ON product_search USING gin (store_id, document);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_product_variants_store_id_product_id_position ON product_variants (store_id, product_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_product_variants_store_id_sku ON product_variants (store_id, sku);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_products_store_id_category_id_status_price ON products (store_id, category_id, status, price);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_products_store_id_slug ON products (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_products_store_id_status_published_at ON products (store_id, status, published_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_review_votes_store_id_user_id ON review_votes (store_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_search_terms_store_term_trgm ON search_terms USING gin (store_id uuid_ops, term gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_shopping_cart_expires_at ON shopping_cart (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_shopping_cart_store_id_anonymous_token ON shopping_cart (store_id, anonymous_token) WHERE anonymous_token is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_shopping_cart_store_id_user_id ON shopping_cart (store_id, user_id) WHERE user_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_shopping_cart_items_store_id_cart_id_variant_id ON shopping_cart_items (store_id, cart_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_shopping_cart_items_store_id_variant_id ON shopping_cart_items (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_wishlists_store_id_product_id ON wishlists (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_wishlists_store_id_user_id_created_at ON wishlists (store_id, user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE UNIQUE INDEX ix_wishlists_store_id_user_id_product_id_variant_id ON wishlists (store_id, user_id, product_id, variant_id) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    CREATE INDEX ix_wishlists_store_id_variant_id ON wishlists (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    -- Frozen SQL of migration 20261202041344_Baseline: exactly what it applied, after EF created the tables.
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

    -- ==== Sql/products/20_listing.sql ====
    -- The listing index on products (decision 0007): what listings count and filter on, kept by PostgreSQL so a
    -- page view never aggregates attribute and variant rows.
    --   facet_values  "code:value" of every filterable attribute of the product and its active variants;
    --   facet_key     the same as one string (U+001F around each value): listings group by it to count facets;
    --   variant_keys  one facet key per active variant (its own values with the product's), so "Black" + "M"
    --                 finds a product that has a Black M, not one whose Black is only S and whose M only Navy;
    --   in_stock      some active variant has stock available (trigger on product_variants).
    -- ProductSearchIndex.RefreshAsync writes facet_values and variant_keys; product_search carries copies
    -- (30_search.sql).

    -- One string of facet values. U+001F cannot occur in a value (app.facet_values drops control characters).
    CREATE OR REPLACE FUNCTION app.facet_key(p_values text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $f$
        SELECT chr(31) || array_to_string(p_values, chr(31)) || chr(31)
    $f$;

    -- The facet values of one product, as the index stores them (sorted, distinct, no control characters).
    CREATE OR REPLACE FUNCTION app.facet_values(p_store uuid, p_product uuid) RETURNS text[]
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
        SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
        FROM (SELECT a.code || ':' || regexp_replace(v.value, '[[:cntrl:]]', '', 'g') AS k
              FROM product_attribute_values v
              JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
              LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
              WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)) x
    $f$;

    -- One facet key per active variant; a product without variant-level values has one key, its own.
    CREATE OR REPLACE FUNCTION app.variant_keys(p_store uuid, p_product uuid) RETURNS text[]
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
        WITH vals AS (
            SELECT v.variant_id, a.code || ':' || regexp_replace(v.value, '[[:cntrl:]]', '', 'g') AS k
            FROM product_attribute_values v
            JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
            LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
            WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)),
        keys AS (
            SELECT app.facet_key(array_agg(DISTINCT x.k ORDER BY x.k)) AS key
            FROM (SELECT DISTINCT variant_id FROM vals WHERE variant_id IS NOT NULL) variant
            JOIN vals x ON x.variant_id = variant.variant_id OR x.variant_id IS NULL
            GROUP BY variant.variant_id)
        SELECT CASE WHEN EXISTS (SELECT 1 FROM keys) THEN (SELECT array_agg(DISTINCT key ORDER BY key) FROM keys)
                    ELSE ARRAY[app.facet_key(coalesce((SELECT array_agg(DISTINCT k ORDER BY k) FROM vals), '{}'))] END
    $f$;

    ALTER TABLE products ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;
    ALTER TABLE products ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

    -- Does some active variant of the product have stock available?
    CREATE OR REPLACE FUNCTION app.has_stock(p_store uuid, p_product uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = public, pg_temp AS $f$
        SELECT EXISTS (SELECT 1 FROM product_variants v WHERE v.store_id = p_store AND v.product_id = p_product
                       AND v.is_active AND v.stock_on_hand > v.stock_reserved)
    $f$;

    -- products.in_stock follows its variants. Runs as whoever changed the variant (staff or the platform, who
    -- may also update the product); the product row is only touched (and locked) when the answer changes.
    CREATE OR REPLACE FUNCTION app.sync_product_in_stock() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE products SET in_stock = app.has_stock(OLD.store_id, OLD.product_id)
            WHERE store_id = OLD.store_id AND id = OLD.product_id AND in_stock IS DISTINCT FROM app.has_stock(OLD.store_id, OLD.product_id);
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.product_id IS DISTINCT FROM OLD.product_id) THEN
            UPDATE products SET in_stock = app.has_stock(NEW.store_id, NEW.product_id)
            WHERE store_id = NEW.store_id AND id = NEW.product_id AND in_stock IS DISTINCT FROM app.has_stock(NEW.store_id, NEW.product_id);
        END IF;
        RETURN NULL;
    END
    $f$;

    CREATE TRIGGER trg_product_variants_in_stock
        AFTER INSERT OR DELETE OR UPDATE OF stock_on_hand, stock_reserved, is_active, product_id ON product_variants
        FOR EACH ROW EXECUTE FUNCTION app.sync_product_in_stock();

    -- ==== Sql/products/30_search.sql ====
    -- Storefront search (decision 0007). product_search holds one document per published product and store
    -- language (ProductSearchIndex writes them; a trigger removes them when a product stops being published),
    -- with a copy of the product's listing columns so a search is counted and sorted from this table alone.

    ALTER TABLE product_search ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;
    ALTER TABLE product_search ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

    -- The copy of the listing columns follows the product. Runs as whoever changed the product (staff or the
    -- platform, who may write product_search too).
    CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
    BEGIN
        UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
            facet_values = NEW.facet_values, variant_keys = NEW.variant_keys, published_at = NEW.published_at,
            rating_average = NEW.rating_average, rating_count = NEW.rating_count
        WHERE store_id = NEW.store_id AND product_id = NEW.id;
        RETURN NULL;
    END
    $f$;
    CREATE TRIGGER trg_products_search_listing
        AFTER UPDATE OF category_id, price, in_stock, facet_values, variant_keys, published_at, rating_average, rating_count ON products
        FOR EACH ROW
        WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.variant_keys, OLD.published_at, OLD.rating_average, OLD.rating_count)
              IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.variant_keys, NEW.published_at, NEW.rating_average, NEW.rating_count))
        EXECUTE FUNCTION app.sync_search_listing();

    -- A product that stops being published leaves the search index at once.
    CREATE OR REPLACE FUNCTION app.unlist_unpublished_product() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
    BEGIN
        IF NEW.status <> 'published' THEN
            DELETE FROM product_search WHERE store_id = NEW.store_id AND product_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $f$;
    CREATE TRIGGER trg_products_unlist_unpublished AFTER UPDATE OF status ON products
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION app.unlist_unpublished_product();

    -- The search of the current transaction, set by the application with set_config('app.search_config' /
    -- 'app.search_query', ..., true) in the same round trip as the query (NULL when none: nothing matches).
    CREATE OR REPLACE FUNCTION app.search_query() RETURNS tsquery
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
        SELECT CASE WHEN nullif(current_setting('app.search_query', true), '') IS NOT NULL
                    THEN to_tsquery(coalesce(nullif(current_setting('app.search_config', true), ''), 'simple')::regconfig,
                                    current_setting('app.search_query', true)) END
    $f$;

    -- Search candidates. Under Row Level Security PostgreSQL will not use an index for a non-LEAKPROOF operator
    -- such as @@, so a shopper (anon) searching product_search directly would scan every document of the store.
    -- This view reads product_search as its owner, under a policy that lets the GIN index
    -- ix_product_search_store_document be used, planned together with the caller's query; security_barrier
    -- keeps the caller's own conditions from seeing rows it filters out. It answers only for the store the
    -- caller's signed claims are bound to (app.store_id()) and the caller's own search, over documents of
    -- published products: nothing a shopper could not read. ts_rank honours the weights: name (A) > SKU (B) >
    -- attributes (C) > description (D). The query is computed once (OFFSET 0 keeps it a one-row subquery).
    CREATE OR REPLACE VIEW app.search_matches WITH (security_barrier) AS
        SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
               ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key, ps.variant_keys
        FROM (SELECT app.search_query() AS query OFFSET 0) q
        JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

    -- Typo tolerance by correcting the words: search_terms holds the words of each store's published catalog per
    -- language (product names and attribute values). Rebuilds the vocabulary of a store's products (all of them
    -- when p_products is null: words no product uses any more are dropped). Runs as the caller, under their Row
    -- Level Security; search documents exist for published products only, so drafts contribute no words.
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
    -- (trigram similarity at least pg_trgm.similarity_threshold); words the vocabulary knows (or that start a
    -- known word, as typed so far), short words and words nothing resembles are kept as they are. SECURITY
    -- DEFINER for the same reason as app.search_matches (the trigram index); answers for the caller's store only.
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
            IF s IS NOT NULL AND length(t) >= 3 AND t !~ '^[0-9]+$' AND NOT EXISTS (
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

    -- The view and the definer function read product_search and search_terms as their owner, the schema owner,
    -- under its own read-only policies (90_rls.sql), which are the owner's only rows anywhere.
    REVOKE ALL ON app.search_matches FROM PUBLIC;
    GRANT SELECT ON app.search_matches TO anon, authenticated, service_role;
    REVOKE ALL ON FUNCTION app.search_corrections(text, text[]), app.refresh_search_terms(uuid, uuid[]) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION app.search_corrections(text, text[]) TO anon, authenticated, service_role;
    GRANT EXECUTE ON FUNCTION app.refresh_search_terms(uuid, uuid[]) TO authenticated, service_role;

    -- ==== Sql/products/40_reviews.sql ====
    -- A shopper writes and edits their own review's words and stars; whether it is published and how many found
    -- it helpful are the store's (staff) and the platform's (service_role) to say. The application publishes a
    -- verified buyer's review through the service role, after checking the purchase in the Orders database.
    CREATE OR REPLACE FUNCTION app.guard_review_moderation() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
    BEGIN
        IF current_user = 'service_role' OR app.is_store_staff() THEN RETURN NEW; END IF;
        IF TG_OP = 'INSERT' AND (NEW.status <> 'pending' OR NEW.helpful_count <> 0)
           OR TG_OP = 'UPDATE' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.helpful_count IS DISTINCT FROM OLD.helpful_count) THEN
            RAISE EXCEPTION 'Only the store moderates reviews (status, helpful_count)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END
    $f$;

    CREATE TRIGGER trg_product_reviews_moderation BEFORE INSERT OR UPDATE ON product_reviews
        FOR EACH ROW EXECUTE FUNCTION app.guard_review_moderation();

    -- ==== Sql/products/80_grants.sql ====
    -- Products privileges. Visitors (anon) read the catalog and keep a cart; signed-in people and store staff
    -- (authenticated) and the platform (service_role) read and write. Row Level Security (90_rls.sql) narrows
    -- every grant to rows. Tables get no default privileges: a new table is reachable by nobody until its
    -- migration grants it.
    GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
    GRANT SELECT ON stores, categories, category_translations, products, product_translations, product_variants,
        product_images, product_attributes, product_attribute_values, collections, collection_products,
        product_reviews, product_search, cms_pages, cms_blocks TO anon;
    GRANT SELECT, INSERT, UPDATE, DELETE ON shopping_cart, shopping_cart_items TO anon;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
    -- A store's own row is created and removed by the platform's workflows, never by a request.
    REVOKE INSERT, DELETE, TRUNCATE ON stores FROM authenticated;
    -- The stock ledger is append-only for everyone.
    REVOKE UPDATE, DELETE, TRUNCATE ON inventory_movements FROM anon, authenticated, service_role;
    REVOKE ALL ON __ef_migrations_products FROM anon, authenticated, service_role;

    -- ==== Sql/products/90_rls.sql ====
    -- Row Level Security of a Products database, enabled and forced on every table (the owner too).
    --   service_role   the platform (provisioning, jobs, checkout): every row;
    --   staff          owner/staff whose signed claims name app.store_id() (app.is_store_staff()): every row of
    --                  that store, nothing of any other; their store's own row they may read and update only;
    --   storefront     anon and authenticated: published catalog rows of app.store_id() only;
    --   own rows       a signed-in person's carts, wishlist, reviews and review votes; a visitor's cart by token.
    DO $rls$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['stores', 'categories', 'category_translations', 'products', 'product_translations',
            'product_variants', 'product_images', 'product_attributes', 'product_attribute_values', 'collections',
            'collection_products', 'product_reviews', 'review_votes', 'product_search', 'search_terms',
            'inventory_movements', 'shopping_cart', 'shopping_cart_items', 'wishlists', 'cms_pages', 'cms_blocks']
        LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
            IF t <> 'stores' THEN
                EXECUTE format('CREATE POLICY store_staff ON %I TO authenticated USING (%2$s) WITH CHECK (%2$s)', t,
                    'store_id = (SELECT app.store_id()) AND (SELECT app.is_store_staff())');
            END IF;
        END LOOP;
    END
    $rls$;

    CREATE POLICY store_staff ON stores FOR SELECT TO authenticated
        USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));
    CREATE POLICY store_staff_update ON stores FOR UPDATE TO authenticated
        USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()))
        WITH CHECK (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));

    -- The storefront: published rows of the store being browsed.
    CREATE POLICY storefront ON stores FOR SELECT TO anon, authenticated
        USING (id = (SELECT app.store_id()));
    CREATE POLICY storefront ON categories FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND is_published);
    CREATE POLICY storefront ON category_translations FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM categories c WHERE c.store_id = category_translations.store_id AND c.id = category_translations.category_id));
    CREATE POLICY storefront ON products FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND status = 'published');
    CREATE POLICY storefront ON product_translations FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_translations.store_id AND p.id = product_translations.product_id));
    CREATE POLICY storefront ON product_variants FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND is_active AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_variants.store_id AND p.id = product_variants.product_id));
    CREATE POLICY storefront ON product_images FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_images.store_id AND p.id = product_images.product_id));
    CREATE POLICY storefront ON product_attributes FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()));
    CREATE POLICY storefront ON product_attribute_values FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_attribute_values.store_id AND p.id = product_attribute_values.product_id));
    -- product_search holds documents of published products only (30_search.sql), so no per-row product check.
    CREATE POLICY storefront ON product_search FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()));
    CREATE POLICY storefront ON collections FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND is_published);
    CREATE POLICY storefront ON collection_products FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id())
            AND EXISTS (SELECT 1 FROM collections c WHERE c.store_id = collection_products.store_id AND c.id = collection_products.collection_id)
            AND EXISTS (SELECT 1 FROM products p WHERE p.store_id = collection_products.store_id AND p.id = collection_products.product_id));
    CREATE POLICY storefront ON product_reviews FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND status = 'published' AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_reviews.store_id AND p.id = product_reviews.product_id));
    CREATE POLICY storefront ON cms_pages FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND status = 'published');
    CREATE POLICY storefront ON cms_blocks FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM cms_pages p WHERE p.store_id = cms_blocks.store_id AND p.id = cms_blocks.page_id));
    -- No storefront policy on search_terms: shoppers reach the vocabulary only through app.search_corrections().

    -- The search view and app.search_corrections (30_search.sql) read as the schema owner: under Row Level Security
    -- PostgreSQL uses an index only for LEAKPROOF operators or a policy without conditions, and @@ / % are not
    -- LEAKPROOF. Both bind what they return to the caller's signed store; the documents are of published
    -- products and the words are theirs, so these read-only policies give the owner nothing private.
    DO $owner$
    BEGIN
        EXECUTE format('CREATE POLICY search_owner ON product_search FOR SELECT TO %I USING (true)', current_user);
        EXECUTE format('CREATE POLICY search_owner ON search_terms FOR SELECT TO %I USING (true)', current_user);
    END
    $owner$;

    -- A person's own rows in the store being browsed (moderation of reviews: 40_reviews.sql).
    CREATE POLICY own ON product_reviews TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON review_votes TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON wishlists TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    CREATE POLICY own ON shopping_cart TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
    -- A visitor's cart is the one whose token they hold (after signing in they may still claim it).
    CREATE POLICY guest_cart ON shopping_cart TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id IS NULL AND anonymous_token = (SELECT app.cart_token()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id IS NULL AND anonymous_token = (SELECT app.cart_token()));
    CREATE POLICY own ON shopping_cart_items TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM shopping_cart c WHERE c.store_id = shopping_cart_items.store_id AND c.id = shopping_cart_items.cart_id))
        WITH CHECK (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM shopping_cart c WHERE c.store_id = shopping_cart_items.store_id AND c.id = shopping_cart_items.cart_id));

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202041344_Baseline') THEN
    INSERT INTO __ef_migrations_products (migration_id, product_version)
    VALUES ('20261202041344_Baseline', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202091901_InlinedClaimsHelpers') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "migration_id" = '20261202091901_InlinedClaimsHelpers') THEN
    INSERT INTO __ef_migrations_products (migration_id, product_version)
    VALUES ('20261202091901_InlinedClaimsHelpers', '10.0.15');
    END IF;
END $EF$;
COMMIT;
