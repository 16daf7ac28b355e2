-- The embedded sign-in provider's tables (AuthDbContext, in the Master database) hold password hashes:
-- only the service role (the platform acting as the auth server, through the service login) may touch
-- them; people, staff and visitors get nothing, and the request login cannot become the service role.
GRANT USAGE ON SCHEMA public TO service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens TO service_role;
REVOKE ALL ON auth_users, auth_user_claims, auth_user_logins, auth_user_tokens FROM anon, authenticated;
REVOKE ALL ON __ef_migrations_auth FROM anon, authenticated, service_role;
