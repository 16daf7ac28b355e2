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
