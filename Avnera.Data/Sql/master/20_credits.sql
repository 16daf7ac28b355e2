-- The credit ledger (ARCHITECTURE §3, Credits): credit_balances.balance is the sum of the store's
-- credit_transactions and changes only together with a ledger row. Inserting a ledger row moves the balance
-- (the row lock serialises concurrent debits; the balance's check constraint refuses to go below zero, so an
-- unaffordable debit fails as a whole) and records balance_after. Nothing else may change a balance.

CREATE OR REPLACE FUNCTION app.apply_credit_transaction() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    INSERT INTO credit_balances (store_id, balance, updated_at) VALUES (NEW.store_id, 0, now())
        ON CONFLICT (store_id) DO NOTHING;
    UPDATE credit_balances SET balance = balance + NEW.amount, updated_at = now()
        WHERE store_id = NEW.store_id
        RETURNING balance INTO NEW.balance_after;
    RETURN NEW;
END
$f$;

CREATE TRIGGER trg_credit_transactions_apply BEFORE INSERT ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION app.apply_credit_transaction();

-- A balance row starts at zero and moves only from the trigger above (trigger depth 2), never by a
-- statement of its own, whoever runs it.
CREATE OR REPLACE FUNCTION app.guard_credit_balance() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    IF pg_trigger_depth() < 2 AND (TG_OP = 'INSERT' AND NEW.balance <> 0
                                   OR TG_OP = 'UPDATE' AND NEW.balance IS DISTINCT FROM OLD.balance) THEN
        RAISE EXCEPTION 'A credit balance changes only through a credit_transactions row'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$f$;

CREATE TRIGGER trg_credit_balances_guard BEFORE INSERT OR UPDATE ON credit_balances
    FOR EACH ROW EXECUTE FUNCTION app.guard_credit_balance();
