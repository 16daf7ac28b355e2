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
