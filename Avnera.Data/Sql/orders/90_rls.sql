-- Row Level Security of an Orders database, enabled and forced on every table (the owner too).
--   service_role   the platform (checkout, payments, jobs): every row;
--   staff          owner/staff whose signed claims name app.store_id() (app.is_store_staff()): every row of
--                  that store, nothing of any other; their store's own row they may read and update only;
--   customers      a signed-in person reads their own customer record, orders and what hangs off them,
--                  and opens and answers their own support tickets. Visitors (anon) get nothing here.
DO $rls$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenant_stores', 'coupons', 'customers', 'customer_addresses', 'email_templates', 'outbox',
        'orders', 'coupon_usage', 'order_items', 'payments', 'payment_attempts', 'refunds', 'shipments',
        'shipping_events', 'returns', 'return_items', 'support_tickets', 'support_ticket_messages']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY platform ON %I TO service_role USING (true) WITH CHECK (true)', t);
        IF t <> 'tenant_stores' THEN
            EXECUTE format('CREATE POLICY store_staff ON %I TO authenticated USING (%2$s) WITH CHECK (%2$s)', t,
                'store_id = (SELECT app.store_id()) AND (SELECT app.is_store_staff())');
        END IF;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['order_items', 'payments', 'refunds', 'shipments', 'returns']
    LOOP
        EXECUTE format('CREATE POLICY own ON %1$I FOR SELECT TO authenticated USING (store_id = (SELECT app.store_id()) '
            || 'AND EXISTS (SELECT 1 FROM orders o WHERE o.store_id = %1$I.store_id AND o.id = %1$I.order_id))', t);
    END LOOP;
END
$rls$;

CREATE POLICY store_staff ON tenant_stores FOR SELECT TO authenticated
    USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));
CREATE POLICY store_staff_update ON tenant_stores FOR UPDATE TO authenticated
    USING (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()))
    WITH CHECK (id = (SELECT app.store_id()) AND (SELECT app.is_store_staff()));

CREATE POLICY own ON customers FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
CREATE POLICY own ON customer_addresses FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND EXISTS (
        SELECT 1 FROM customers c WHERE c.store_id = customer_addresses.store_id AND c.id = customer_addresses.customer_id));
CREATE POLICY own ON orders FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
CREATE POLICY own ON shipping_events FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND EXISTS (
        SELECT 1 FROM shipments s WHERE s.store_id = shipping_events.store_id AND s.id = shipping_events.shipment_id));
CREATE POLICY own ON return_items FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND EXISTS (
        SELECT 1 FROM returns r WHERE r.store_id = return_items.store_id AND r.id = return_items.return_id));
CREATE POLICY own ON support_tickets FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
CREATE POLICY own_insert ON support_tickets FOR INSERT TO authenticated
    WITH CHECK (store_id = (SELECT app.store_id()) AND user_id = (SELECT app.uid()));
CREATE POLICY own ON support_ticket_messages FOR SELECT TO authenticated
    USING (store_id = (SELECT app.store_id()) AND EXISTS (
        SELECT 1 FROM support_tickets t WHERE t.store_id = support_ticket_messages.store_id AND t.id = support_ticket_messages.ticket_id));
CREATE POLICY own_insert ON support_ticket_messages FOR INSERT TO authenticated
    WITH CHECK (store_id = (SELECT app.store_id()) AND author_user_id = (SELECT app.uid()) AND NOT is_staff AND EXISTS (
        SELECT 1 FROM support_tickets t WHERE t.store_id = support_ticket_messages.store_id AND t.id = support_ticket_messages.ticket_id));
