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
