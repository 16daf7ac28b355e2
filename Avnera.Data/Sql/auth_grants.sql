-- The embedded sign-in provider's tables hold password hashes: only the service role (the app acting as
-- the auth server) may touch them; people and staff (authenticated) and visitors (anon) get nothing.
GRANT USAGE ON SCHEMA public TO service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens TO service_role;
REVOKE ALL ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens FROM anon, authenticated;
REVOKE ALL ON __ef_migrations_auth FROM anon, authenticated, service_role;
