-- Orders privileges. Nothing for anonymous visitors (guest checkout runs as the platform on their behalf);
-- signed-in people, staff and the platform read and write, narrowed by Row Level Security (90_rls.sql).
-- Tables get no default privileges: a new table is reachable by nobody until its migration grants it.
GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
-- A store's own row is created and removed by the platform's workflows, never by a request.
REVOKE INSERT, DELETE, TRUNCATE ON tenant_stores FROM authenticated;
-- Money records are never deleted: a payment, an attempt or a refund stays, whatever happens to its order.
REVOKE DELETE, TRUNCATE ON payments, payment_attempts, refunds FROM authenticated, service_role;
REVOKE ALL ON __ef_migrations_orders FROM anon, authenticated, service_role;
