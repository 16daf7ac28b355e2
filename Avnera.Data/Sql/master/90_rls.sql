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
