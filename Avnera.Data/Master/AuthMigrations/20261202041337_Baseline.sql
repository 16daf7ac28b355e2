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
