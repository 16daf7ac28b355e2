-- Master privileges. The request login reaches Master as `authenticated` (people, platform admins); the
-- service login as `service_role` (sign-in, registry, provisioning, jobs). Visitors (anon) get nothing here.
-- Row Level Security (90_rls.sql) narrows every grant to rows. Tables get no default privileges: a new table
-- is reachable by nobody until its migration grants it.
GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO service_role;
REVOKE ALL ON __ef_migrations_master FROM anon, authenticated, service_role;

-- People edit their own profile fields; their email (confirmed by sign-in) and platform-admin flag are the
-- platform's to change.
GRANT SELECT ON users TO authenticated;
GRANT UPDATE (display_name, updated_at) ON users TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON user_profiles, user_addresses, user_preferences TO authenticated;
GRANT SELECT, UPDATE, DELETE ON user_sessions TO authenticated;
GRANT SELECT, INSERT ON user_activity_logs TO authenticated;

-- The registry: platform admins manage stores, members, plans and subscriptions; deleting a store is a
-- workflow of the service role (soft delete), never a DELETE of a request.
GRANT SELECT, INSERT, UPDATE ON stores TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON store_members, store_slug_redirects, plans, subscriptions, job_queue TO authenticated;
GRANT SELECT ON store_databases TO authenticated;

-- Credits: read by members and admins; granted by admins as ledger rows; the balance follows through the
-- ledger's trigger, which runs as the one inserting the row (the balance's own trigger refuses anything else,
-- 20_credits.sql).
GRANT SELECT, INSERT, UPDATE ON credit_balances TO authenticated;
GRANT SELECT, INSERT ON credit_transactions TO authenticated;
-- The ledgers are append-only for everyone.
REVOKE UPDATE, DELETE, TRUNCATE ON credit_transactions, user_activity_logs FROM authenticated, service_role;
REVOKE DELETE, TRUNCATE ON credit_balances FROM service_role;
