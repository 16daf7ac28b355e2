-- Issue 9: the claims helpers of Sql/common/10_security.sql as SQL-standard functions, inlined into the policies.
-- Same answers as before; CREATE OR REPLACE drops their SET search_path clause.

-- The helpers below are SQL-standard functions (RETURN ...): every name in them is bound when the function
-- is created, so no search_path at call time can redirect them, and PostgreSQL inlines them into the
-- policies' one-row subqueries. (A SET search_path clause would forbid inlining: the helpers cost ~35 us a
-- call with it, ~6 us without; bench/claims.sh.) Only the SECURITY DEFINER check above pins its path.

-- True when the transaction's settings are the ones the application signed for the role it switched to.
-- The role is read from the 'role' setting rather than current_user, which a SECURITY DEFINER function (the
-- search corrections) changes to its owner; the setting can only name a role the login is a member of.
CREATE OR REPLACE FUNCTION app.claims_verified() RETURNS boolean
LANGUAGE sql STABLE
RETURN app_private.claims_mac_valid(
    current_setting('role') || '|' || coalesce(current_setting('app.store_id', true), '') || '|'
        || coalesce(current_setting('request.jwt.claims', true), ''),
    current_setting('app.claims_mac', true));

-- The claims of the unit of work, or {} when they are not the application's.
CREATE OR REPLACE FUNCTION app.claims() RETURNS jsonb
LANGUAGE sql STABLE
RETURN CASE WHEN app.claims_verified()
            THEN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
            ELSE '{}'::jsonb END;

-- The store the unit of work is bound to, or null (none, or not the application's).
CREATE OR REPLACE FUNCTION app.store_id() RETURNS uuid
LANGUAGE sql STABLE
RETURN CASE WHEN app.claims_verified() THEN nullif(current_setting('app.store_id', true), '')::uuid END;

CREATE OR REPLACE FUNCTION app.uid() RETURNS uuid
LANGUAGE sql STABLE
RETURN nullif(app.claims() ->> 'sub', '')::uuid;

CREATE OR REPLACE FUNCTION app.is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce(app.claims() ->> 'platform_admin' = 'true', false);

-- The claims setting as it is, unverified: only for helpers that verify it in the same expression.
CREATE OR REPLACE FUNCTION app.raw_claims() RETURNS jsonb
LANGUAGE sql STABLE
RETURN coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb;

-- Staff powers over the bound store: a member's claims name the store they hold their role in (store_id)
-- and it must be the store this unit of work is bound to; platform admins act as staff of any store.
-- (One verification: the claims and the store are the transaction's settings once they verify.)
CREATE OR REPLACE FUNCTION app.is_store_staff() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce(current_setting('app.store_id', true), '') <> '' AND app.claims_verified() AND (
    coalesce(app.raw_claims() ->> 'platform_admin' = 'true', false)
    OR (coalesce(app.raw_claims() ->> 'store_role' IN ('owner', 'staff'), false)
        AND app.raw_claims() ->> 'store_id' = current_setting('app.store_id', true)));

-- The anonymous cart a visitor holds (cookie).
CREATE OR REPLACE FUNCTION app.cart_token() RETURNS text
LANGUAGE sql STABLE
RETURN nullif(app.claims() ->> 'cart_token', '');

