-- A shopper writes and edits their own review's words and stars; whether it is published and how many found
-- it helpful are the store's (staff) and the platform's (service_role) to say. The application publishes a
-- verified buyer's review through the service role, after checking the purchase in the Orders database.
CREATE OR REPLACE FUNCTION app.guard_review_moderation() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $f$
BEGIN
    IF current_user = 'service_role' OR app.is_store_staff() THEN RETURN NEW; END IF;
    IF TG_OP = 'INSERT' AND (NEW.status <> 'pending' OR NEW.helpful_count <> 0)
       OR TG_OP = 'UPDATE' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.helpful_count IS DISTINCT FROM OLD.helpful_count) THEN
        RAISE EXCEPTION 'Only the store moderates reviews (status, helpful_count)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$f$;

CREATE TRIGGER trg_product_reviews_moderation BEFORE INSERT OR UPDATE ON product_reviews
    FOR EACH ROW EXECUTE FUNCTION app.guard_review_moderation();
