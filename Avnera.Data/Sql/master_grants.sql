-- Master: the application reaches it as `authenticated` (people, registry) or `service_role` (jobs).
-- Anonymous visitors get nothing here; store routing reads go through the application role.
GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
-- Ledgers are append-only for everyone but the owner.
REVOKE UPDATE, DELETE ON credit_transactions FROM authenticated, service_role;
REVOKE UPDATE, DELETE ON user_activity_logs FROM authenticated;
REVOKE ALL ON __ef_migrations_master FROM authenticated, service_role;
-- Tables added by later migrations get the same read/write privileges (Row Level Security narrows them).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authenticated, service_role;
