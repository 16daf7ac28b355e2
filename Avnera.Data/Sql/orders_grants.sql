-- Orders: nothing for anonymous visitors (guest checkout runs as the application on their behalf);
-- signed-in people, staff and jobs read and write, narrowed by Row Level Security.
GRANT USAGE ON SCHEMA public TO authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO authenticated, service_role;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO authenticated, service_role;
REVOKE ALL ON __ef_migrations_orders FROM authenticated, service_role;
-- Tables added by later migrations get the same read/write privileges (Row Level Security narrows them).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO authenticated, service_role;
