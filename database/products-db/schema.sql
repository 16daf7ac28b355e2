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
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___ef_migrations_products" PRIMARY KEY ("MigrationId")
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE TABLE cms_pages (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        slug character varying(200) NOT NULL,
        language character varying(10) NOT NULL,
        title character varying(300) NOT NULL,
        status character varying(40) NOT NULL,
        meta_title character varying(200),
        meta_description character varying(500),
        published_at timestamp with time zone,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_cms_pages PRIMARY KEY (store_id, id),
        CONSTRAINT ck_cms_pages_status CHECK (status in ('draft', 'published', 'archived')),
        CONSTRAINT fk_cms_pages_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE TABLE products (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        slug character varying(200) NOT NULL,
        name character varying(300) NOT NULL,
        description text,
        brand character varying(200),
        status character varying(40) NOT NULL,
        category_id uuid,
        price numeric(14,2) NOT NULL,
        compare_at_price numeric(14,2),
        rating_average numeric(3,2) NOT NULL,
        rating_count integer NOT NULL,
        created_at timestamp with time zone NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        published_at timestamp with time zone,
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE TABLE product_search (
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        language character varying(10) NOT NULL,
        config character varying(40) NOT NULL,
        document tsvector NOT NULL,
        name character varying(300) NOT NULL,
        updated_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_product_search PRIMARY KEY (store_id, product_id, language),
        CONSTRAINT fk_product_search_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_search_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
        CONSTRAINT fk_inventory_movements_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE TABLE product_attribute_values (
        id uuid NOT NULL,
        store_id uuid NOT NULL,
        product_id uuid NOT NULL,
        variant_id uuid,
        attribute_id uuid NOT NULL,
        value character varying(200) NOT NULL,
        numeric_value numeric(14,4),
        CONSTRAINT pk_product_attribute_values PRIMARY KEY (store_id, id),
        CONSTRAINT fk_product_attribute_values_product_attributes_store_i_b4bb4a86 FOREIGN KEY (store_id, attribute_id) REFERENCES product_attributes (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_product_variants_store_id__d3775b1a FOREIGN KEY (store_id, variant_id) REFERENCES product_variants (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_products_store_id_product_id FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_product_attribute_values_stores_store_id FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_categories_store_id_parent_id_position ON categories (store_id, parent_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_categories_store_id_slug ON categories (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_cms_blocks_store_id_page_id_position ON cms_blocks (store_id, page_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_cms_pages_store_id_slug_language ON cms_pages (store_id, slug, language);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_collection_products_store_id_collection_id_position ON collection_products (store_id, collection_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_collection_products_store_id_product_id ON collection_products (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_collections_store_id_slug ON collections (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_inventory_movements_store_id_variant_id_created_at ON inventory_movements (store_id, variant_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_inventory_movements_store_id_order_id_variant_id_kind ON inventory_movements (store_id, order_id, variant_id, kind) WHERE order_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_attribute_values_store_id_attribute_id_value ON product_attribute_values (store_id, attribute_id, value);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_attribute_values_store_id_product_id ON product_attribute_values (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_attribute_values_store_id_variant_id ON product_attribute_values (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_product_attributes_store_id_code ON product_attributes (store_id, code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_images_store_id_product_id_position ON product_images (store_id, product_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_images_store_id_variant_id ON product_images (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_reviews_store_id_product_id_status_created_at ON product_reviews (store_id, product_id, status, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_reviews_store_id_user_id ON product_reviews (store_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_product_reviews_store_id_product_id_user_id ON product_reviews (store_id, product_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_search_document ON product_search USING gin (document);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_product_variants_store_id_product_id_position ON product_variants (store_id, product_id, position);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_product_variants_store_id_sku ON product_variants (store_id, sku);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_products_store_id_category_id_status_price ON products (store_id, category_id, status, price);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_products_store_id_status_published_at ON products (store_id, status, published_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_products_store_id_slug ON products (store_id, slug);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_review_votes_store_id_user_id ON review_votes (store_id, user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_shopping_cart_expires_at ON shopping_cart (expires_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_shopping_cart_store_id_anonymous_token ON shopping_cart (store_id, anonymous_token) WHERE anonymous_token is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_shopping_cart_store_id_user_id ON shopping_cart (store_id, user_id) WHERE user_id is not null;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_shopping_cart_items_store_id_variant_id ON shopping_cart_items (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_shopping_cart_items_store_id_cart_id_variant_id ON shopping_cart_items (store_id, cart_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_wishlists_store_id_product_id ON wishlists (store_id, product_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_wishlists_store_id_user_id_created_at ON wishlists (store_id, user_id, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE INDEX ix_wishlists_store_id_variant_id ON wishlists (store_id, variant_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    CREATE UNIQUE INDEX ux_wishlists_store_id_user_id_product_id_variant_id ON wishlists (store_id, user_id, product_id, variant_id) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041550_Initial') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122041550_Initial', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041558_Grants') THEN
    -- Products: the storefront (anon) reads the catalog; signed-in people and staff (authenticated) and
    -- jobs (service_role) read and write. Row Level Security narrows this per person and per store.
    GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
    GRANT SELECT ON stores, categories, category_translations, products, product_translations, product_variants,
        product_images, product_attributes, product_attribute_values, collections, collection_products,
        product_reviews, product_search, cms_pages, cms_blocks TO anon;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
    -- The stock ledger is append-only.
    REVOKE UPDATE, DELETE ON inventory_movements FROM anon, authenticated, service_role;
    REVOKE ALL ON __ef_migrations_products FROM anon, authenticated, service_role;
    -- Tables added by later migrations get the same read/write privileges (Row Level Security narrows them).
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authenticated, service_role;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authenticated, service_role;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122041558_Grants') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122041558_Grants', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122051932_AuthFunctions') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122051932_AuthFunctions') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122051932_AuthFunctions', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122053516_RowLevelSecurity') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122053516_RowLevelSecurity') THEN
    -- Row Level Security for a Products database. Enabled and forced on every table (the owner too).
    --   service_role   the platform (provisioning, jobs, checkout): every row;
    --   staff          owner/staff of app.store_id(): every row of that store, nothing of any other;
    --   storefront     anon and authenticated: published catalog rows of app.store_id() only;
    --   own rows       a signed-in person's carts, wishlist, reviews and review votes; a visitor's cart by token.
    DO $rls$
    DECLARE t text;
    BEGIN
        FOREACH t IN ARRAY ARRAY['stores', 'categories', 'category_translations', 'products', 'product_translations',
            'product_variants', 'product_images', 'product_attributes', 'product_attribute_values', 'collections',
            'collection_products', 'product_reviews', 'review_votes', 'product_search', 'inventory_movements',
            'shopping_cart', 'shopping_cart_items', 'wishlists', 'cms_pages', 'cms_blocks']
        LOOP
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
            EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
            EXECUTE format('CREATE POLICY store_staff ON %I TO authenticated USING (%2$s) WITH CHECK (%2$s)', t,
                CASE t WHEN 'stores' THEN 'id' ELSE 'store_id' END
                    || ' = (SELECT app.store_id()) AND (SELECT app.is_store_staff())');
        END LOOP;
    END
    $rls$;

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
    CREATE POLICY storefront ON product_search FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM products p WHERE p.store_id = product_search.store_id AND p.id = product_search.product_id));
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

    -- A person's own rows in the store being browsed.
    CREATE POLICY own ON product_reviews TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()));
    CREATE POLICY own ON review_votes TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()));
    CREATE POLICY own ON wishlists TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()));
    CREATE POLICY own ON shopping_cart TO authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT auth.uid()));
    -- A visitor's cart is the one whose token they hold (after signing in they may still claim it).
    CREATE POLICY guest_cart ON shopping_cart TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND user_id IS NULL AND anonymous_token = (SELECT app.cart_token()))
        WITH CHECK (store_id = (SELECT app.store_id()) AND user_id IS NULL AND anonymous_token = (SELECT app.cart_token()));
    CREATE POLICY own ON shopping_cart_items TO anon, authenticated
        USING (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM shopping_cart c WHERE c.store_id = shopping_cart_items.store_id AND c.id = shopping_cart_items.cart_id))
        WITH CHECK (store_id = (SELECT app.store_id()) AND EXISTS (
            SELECT 1 FROM shopping_cart c WHERE c.store_id = shopping_cart_items.store_id AND c.id = shopping_cart_items.cart_id));
    GRANT SELECT, INSERT, UPDATE, DELETE ON shopping_cart, shopping_cart_items TO anon;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122053516_RowLevelSecurity') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122053516_RowLevelSecurity', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122054516_SearchTrigrams') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122054516_SearchTrigrams') THEN
    CREATE INDEX ix_product_search_name_trgm ON product_search USING gin (name gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122054516_SearchTrigrams') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122054516_SearchTrigrams', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122060417_CatalogFacets') THEN
    ALTER TABLE products ADD facet_values text[] NOT NULL DEFAULT ('{}'::text[]);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122060417_CatalogFacets') THEN
    ALTER TABLE products ADD in_stock boolean NOT NULL DEFAULT FALSE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122060417_CatalogFacets') THEN
    CREATE INDEX ix_products_facet_values ON products USING gin (facet_values);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122060417_CatalogFacets') THEN
    -- Listing index on products (issue 4): facet_values ("code:value" of filterable attributes of the product
    -- and its active variants) and in_stock, so listings count and filter facets on products alone instead of
    -- aggregating attribute and variant rows (each guarded by its own RLS check) on every page view.

    -- The facet values of one product, as the index stores them (sorted, distinct).
    CREATE OR REPLACE FUNCTION app.facet_values(p_store uuid, p_product uuid) RETURNS text[] LANGUAGE sql STABLE AS $f$
        SELECT coalesce(array_agg(DISTINCT a.code || ':' || v.value ORDER BY a.code || ':' || v.value), '{}')
        FROM product_attribute_values v
        JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
        LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
        WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)
    $f$;

    -- Does some active variant of the product have stock available?
    CREATE OR REPLACE FUNCTION app.has_stock(p_store uuid, p_product uuid) RETURNS boolean LANGUAGE sql STABLE AS $f$
        SELECT EXISTS (SELECT 1 FROM product_variants v WHERE v.store_id = p_store AND v.product_id = p_product
                       AND v.is_active AND v.stock_on_hand > v.stock_reserved)
    $f$;

    -- products.in_stock follows its variants. Runs as whoever changed the variant (staff or the platform, who
    -- may also update the product); the product row is only touched (and locked) when the answer changes.
    CREATE OR REPLACE FUNCTION app.sync_product_in_stock() RETURNS trigger LANGUAGE plpgsql AS $f$
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

    -- Fill the new columns for existing products. RLS is forced on these tables, so the owner (who runs
    -- migrations) would see no rows: lift FORCE for the backfill only.
    ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_variants NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attribute_values NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attributes NO FORCE ROW LEVEL SECURITY;
    UPDATE products SET facet_values = app.facet_values(store_id, id), in_stock = app.has_stock(store_id, id);
    ALTER TABLE products FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_variants FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attribute_values FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attributes FORCE ROW LEVEL SECURITY;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122060417_CatalogFacets') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122060417_CatalogFacets', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061259_SearchPublishedOnly') THEN
    DROP INDEX ix_product_search_document;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061259_SearchPublishedOnly') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061259_SearchPublishedOnly') THEN
    CREATE INDEX ix_product_search_store_language_document ON product_search USING gin (store_id, language, document);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061259_SearchPublishedOnly') THEN
    -- product_search holds documents of published products only (ProductSearchIndex writes no others, and this
    -- trigger removes a product's documents when it stops being published), so its storefront policy no longer
    -- needs a per-row check against products: search scans stay on the search index.
    CREATE OR REPLACE FUNCTION app.unlist_unpublished_product() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        IF NEW.status <> 'published' THEN
            DELETE FROM product_search WHERE store_id = NEW.store_id AND product_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $f$;
    CREATE TRIGGER trg_products_unlist_unpublished AFTER UPDATE OF status ON products
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION app.unlist_unpublished_product();

    ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
    DELETE FROM product_search s USING products p WHERE p.store_id = s.store_id AND p.id = s.product_id AND p.status <> 'published';
    ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
    ALTER TABLE products FORCE ROW LEVEL SECURITY;

    DROP POLICY storefront ON product_search;
    CREATE POLICY storefront ON product_search FOR SELECT TO anon, authenticated
        USING (store_id = (SELECT app.store_id()));

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061259_SearchPublishedOnly') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122061259_SearchPublishedOnly', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061747_SearchFunctions') THEN
    -- Search candidates for the storefront. Under Row Level Security PostgreSQL may not use an index for an
    -- operator that is not LEAKPROOF (@@, <%), so a shopper's search would scan every document of the
    -- database. These functions run as service_role (SECURITY DEFINER; service_role's policy lets the index
    -- be used) but answer only for the store the caller's unit of work is bound to (app.store_id()), and
    -- product_search holds published products only — they reveal nothing the shopper could not read.
    -- plpgsql, so the query and the store are computed once and each call is planned with its values.
    CREATE OR REPLACE FUNCTION app.search_products(p_language text, p_config regconfig, p_query text)
    RETURNS TABLE (product_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        q tsquery := to_tsquery(p_config, p_query);
        s uuid := app.store_id();
    BEGIN
        -- ts_rank honours the weights: name (A) > SKU (B) > attributes (C) > description (D).
        RETURN QUERY SELECT ps.product_id, ts_rank(ps.document, q) FROM product_search ps
            WHERE ps.store_id = s AND ps.language = p_language AND ps.document @@ q;
    END
    $f$;

    -- Typo-tolerant fallback: every term must be word-similar (pg_trgm) to the name; the index finds candidates
    -- by the first term. Threshold: the caller's pg_trgm.word_similarity_threshold.
    CREATE OR REPLACE FUNCTION app.search_products_fuzzy(p_language text, p_terms text[])
    RETURNS TABLE (product_id uuid, rank real)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        s uuid := app.store_id();
        phrase text := array_to_string(p_terms, ' ');
    BEGIN
        IF coalesce(array_length(p_terms, 1), 0) = 0 THEN RETURN; END IF;
        RETURN QUERY SELECT ps.product_id, word_similarity(phrase, ps.name) FROM product_search ps
            WHERE ps.store_id = s AND ps.language = p_language AND p_terms[1] <% ps.name
              AND (SELECT bool_and(t <% ps.name) FROM unnest(p_terms) AS t);
    END
    $f$;

    -- A new owner needs CREATE on the schema at the moment it takes over; it is not kept.
    GRANT CREATE ON SCHEMA app TO service_role;
    ALTER FUNCTION app.search_products(text, regconfig, text) OWNER TO service_role;
    ALTER FUNCTION app.search_products_fuzzy(text, text[]) OWNER TO service_role;
    REVOKE CREATE ON SCHEMA app FROM service_role;
    REVOKE ALL ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) TO anon, authenticated, service_role;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122061747_SearchFunctions') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122061747_SearchFunctions', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD category_id uuid;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD facet_values text[] NOT NULL DEFAULT ('{}'::text[]);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD in_stock boolean NOT NULL DEFAULT FALSE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD price numeric(14,2) NOT NULL DEFAULT 0.0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD published_at timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD rating_average numeric(3,2) NOT NULL DEFAULT 0.0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    ALTER TABLE product_search ADD rating_count integer NOT NULL DEFAULT 0;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    -- product_search carries a copy of each product's listing columns (category, price, stock, facet values,
    -- publication date, rating), so a search with thousands of matches is counted and sorted from the search
    -- table alone instead of looking each match up in products. A trigger on products keeps the copy current;
    -- it runs as whoever changed the product (staff or the platform, who may write product_search too).
    CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
            facet_values = NEW.facet_values, published_at = NEW.published_at,
            rating_average = NEW.rating_average, rating_count = NEW.rating_count
        WHERE store_id = NEW.store_id AND product_id = NEW.id;
        RETURN NULL;
    END
    $f$;
    CREATE TRIGGER trg_products_search_listing
        AFTER UPDATE OF category_id, price, in_stock, facet_values, published_at, rating_average, rating_count ON products
        FOR EACH ROW
        WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.published_at, OLD.rating_average, OLD.rating_count)
              IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.published_at, NEW.rating_average, NEW.rating_count))
        EXECUTE FUNCTION app.sync_search_listing();

    ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
    UPDATE product_search s SET category_id = p.category_id, price = p.price, in_stock = p.in_stock, facet_values = p.facet_values,
        published_at = p.published_at, rating_average = p.rating_average, rating_count = p.rating_count
    FROM products p WHERE p.store_id = s.store_id AND p.id = s.product_id;
    ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
    ALTER TABLE products FORCE ROW LEVEL SECURITY;

    -- The search functions now return those columns with each match.
    DROP FUNCTION app.search_products(text, regconfig, text);
    DROP FUNCTION app.search_products_fuzzy(text, text[]);

    CREATE FUNCTION app.search_products(p_language text, p_config regconfig, p_query text)
    RETURNS TABLE (product_id uuid, rank real, category_id uuid, price numeric, in_stock boolean, facet_values text[],
                   published_at timestamptz, rating_average numeric, rating_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        q tsquery := to_tsquery(p_config, p_query);
        s uuid := app.store_id();
    BEGIN
        -- ts_rank honours the weights: name (A) > SKU (B) > attributes (C) > description (D).
        RETURN QUERY SELECT ps.product_id, ts_rank(ps.document, q), ps.category_id, ps.price, ps.in_stock, ps.facet_values,
                ps.published_at, ps.rating_average, ps.rating_count
            FROM product_search ps
            WHERE ps.store_id = s AND ps.language = p_language AND ps.document @@ q;
    END
    $f$;

    CREATE FUNCTION app.search_products_fuzzy(p_language text, p_terms text[])
    RETURNS TABLE (product_id uuid, rank real, category_id uuid, price numeric, in_stock boolean, facet_values text[],
                   published_at timestamptz, rating_average numeric, rating_count integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        s uuid := app.store_id();
        phrase text := array_to_string(p_terms, ' ');
    BEGIN
        IF coalesce(array_length(p_terms, 1), 0) = 0 THEN RETURN; END IF;
        RETURN QUERY SELECT ps.product_id, word_similarity(phrase, ps.name), ps.category_id, ps.price, ps.in_stock, ps.facet_values,
                ps.published_at, ps.rating_average, ps.rating_count
            FROM product_search ps
            WHERE ps.store_id = s AND ps.language = p_language AND p_terms[1] <% ps.name
              AND (SELECT bool_and(t <% ps.name) FROM unnest(p_terms) AS t);
    END
    $f$;

    GRANT CREATE ON SCHEMA app TO service_role;
    ALTER FUNCTION app.search_products(text, regconfig, text) OWNER TO service_role;
    ALTER FUNCTION app.search_products_fuzzy(text, text[]) OWNER TO service_role;
    REVOKE CREATE ON SCHEMA app FROM service_role;
    REVOKE ALL ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION app.search_products(text, regconfig, text), app.search_products_fuzzy(text, text[]) TO anon, authenticated, service_role;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122072323_SearchListingColumns') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122072323_SearchListingColumns', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
    DROP INDEX ix_product_search_name_trgm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
    DROP INDEX ix_product_search_store_language_document;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
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
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
    CREATE INDEX ix_product_search_store_document ON product_search USING gin (store_id, document);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
    CREATE INDEX ix_search_terms_store_term_trgm ON search_terms USING gin (store_id uuid_ops, term gin_trgm_ops);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122080458_SearchVocabulary') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122080458_SearchVocabulary', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122081622_SearchMatchesView') THEN
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

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122081622_SearchMatchesView') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122081622_SearchMatchesView', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122083714_FacetKeys') THEN
    -- facet_key: a product's facet values as one string (unit separator around each), kept by PostgreSQL
    -- (generated column) next to facet_values on products and product_search. Listings group the matching
    -- products by it to count facets: hashing one short string is 2-3x cheaper than hashing an array of strings
    -- (1.8 ms → 0.7 ms for 6,000 matches; docs/benchmarks.md), and a filter is a substring test on it.
    -- U+001F (unit separator) cannot occur in an attribute value (app.facet_values drops control characters).
    CREATE OR REPLACE FUNCTION app.facet_key(p_values text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
        SELECT chr(31) || array_to_string(p_values, chr(31)) || chr(31)
    $f$;

    -- The facet values of one product, as the index stores them (sorted, distinct, no control characters).
    CREATE OR REPLACE FUNCTION app.facet_values(p_store uuid, p_product uuid) RETURNS text[] LANGUAGE sql STABLE AS $f$
        SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
        FROM (SELECT a.code || ':' || regexp_replace(v.value, '[[:cntrl:]]', '', 'g') AS k
              FROM product_attribute_values v
              JOIN product_attributes a ON a.store_id = v.store_id AND a.id = v.attribute_id AND a.is_filterable
              LEFT JOIN product_variants pv ON pv.store_id = v.store_id AND pv.id = v.variant_id
              WHERE v.store_id = p_store AND v.product_id = p_product AND (v.variant_id IS NULL OR pv.is_active)) x
    $f$;

    ALTER TABLE products ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;
    ALTER TABLE product_search ADD COLUMN facet_key text GENERATED ALWAYS AS (app.facet_key(facet_values)) STORED;

    -- app.search_matches returns it with each match (appended: a view keeps its columns' order).
    CREATE OR REPLACE VIEW app.search_matches WITH (security_barrier) AS
        SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
               ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key
        FROM (SELECT app.search_query() AS query OFFSET 0) q
        JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122083714_FacetKeys') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122083714_FacetKeys', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122090634_VariantKeys') THEN
    -- Attribute filters match per variant (issue 4): "Black" and "M" must find a product that has a Black M,
    -- not one whose Black comes only in S and whose M only in Navy. variant_keys holds one facet key per active
    -- variant: the variant's own values (size, colour) with the product's (material), so a filter is satisfied
    -- when one key satisfies every chosen group. A product without variant-level values has one key, its own.
    CREATE OR REPLACE FUNCTION app.variant_keys(p_store uuid, p_product uuid) RETURNS text[] LANGUAGE sql STABLE AS $f$
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

    ALTER TABLE products ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';
    ALTER TABLE product_search ADD COLUMN variant_keys text[] NOT NULL DEFAULT '{}';

    -- The search table's copy of the listing columns now includes them.
    CREATE OR REPLACE FUNCTION app.sync_search_listing() RETURNS trigger LANGUAGE plpgsql AS $f$
    BEGIN
        UPDATE product_search SET category_id = NEW.category_id, price = NEW.price, in_stock = NEW.in_stock,
            facet_values = NEW.facet_values, variant_keys = NEW.variant_keys, published_at = NEW.published_at,
            rating_average = NEW.rating_average, rating_count = NEW.rating_count
        WHERE store_id = NEW.store_id AND product_id = NEW.id;
        RETURN NULL;
    END
    $f$;
    DROP TRIGGER trg_products_search_listing ON products;
    CREATE TRIGGER trg_products_search_listing
        AFTER UPDATE OF category_id, price, in_stock, facet_values, variant_keys, published_at, rating_average, rating_count ON products
        FOR EACH ROW
        WHEN ((OLD.category_id, OLD.price, OLD.in_stock, OLD.facet_values, OLD.variant_keys, OLD.published_at, OLD.rating_average, OLD.rating_count)
              IS DISTINCT FROM (NEW.category_id, NEW.price, NEW.in_stock, NEW.facet_values, NEW.variant_keys, NEW.published_at, NEW.rating_average, NEW.rating_count))
        EXECUTE FUNCTION app.sync_search_listing();

    -- app.search_matches returns them with each match (appended: a view keeps its columns' order).
    CREATE OR REPLACE VIEW app.search_matches WITH (security_barrier) AS
        SELECT ps.product_id, ps.language, ts_rank(ps.document, q.query) AS rank, ps.category_id, ps.price, ps.in_stock,
               ps.facet_values, ps.published_at, ps.rating_average, ps.rating_count, ps.facet_key, ps.variant_keys
        FROM (SELECT app.search_query() AS query OFFSET 0) q
        JOIN product_search ps ON ps.store_id = app.store_id() AND ps.document @@ q.query;

    -- Existing products (FORCE lifted so the owner running the migration sees rows; the trigger copies them).
    ALTER TABLE products NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_search NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_variants NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attribute_values NO FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attributes NO FORCE ROW LEVEL SECURITY;
    UPDATE products SET variant_keys = app.variant_keys(store_id, id);
    ALTER TABLE products FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_search FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_variants FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attribute_values FORCE ROW LEVEL SECURITY;
    ALTER TABLE product_attributes FORCE ROW LEVEL SECURITY;

    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122090634_VariantKeys') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122090634_VariantKeys', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122093243_DropUnusedFacetIndex') THEN
    DROP INDEX ix_products_facet_values;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM __ef_migrations_products WHERE "MigrationId" = '20261122093243_DropUnusedFacetIndex') THEN
    INSERT INTO __ef_migrations_products ("MigrationId", "ProductVersion")
    VALUES ('20261122093243_DropUnusedFacetIndex', '10.0.15');
    END IF;
END $EF$;
COMMIT;
