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
