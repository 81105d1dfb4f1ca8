-- Live updates for the consumer app (src-cloud/live/): whatever changes a phone's coupons or task
-- orders, on whichever node and by whichever path (a till's push or online claim, a share, a
-- task's reward, a campaign), tells every node through NOTIFY, delivered at commit. Triggers, so
-- no writer can forget it; per statement, so a push of 10,000 redemptions costs one join.
-- The payload names the phone by a hash, not in clear.
CREATE FUNCTION consumer_live_notify(merchant text, phone text, topic text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('consumer_live', json_build_object(
    'm', merchant,
    'p', left(encode(sha256(convert_to(phone, 'UTF8')), 'hex'), 32),
    't', topic)::text);
END $$;
--> statement-breakpoint
CREATE FUNCTION wallet_claims_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consumer_live_notify(c.merchant_id, c.phone, 'wallet')
    FROM (SELECT DISTINCT merchant_id, phone FROM changed) c;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER wallet_claims_live_insert AFTER INSERT ON wallet_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wallet_claims_live();
--> statement-breakpoint
CREATE TRIGGER wallet_claims_live_update AFTER UPDATE ON wallet_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION wallet_claims_live();
--> statement-breakpoint
-- A till's redemption (or its void) of a code that a phone holds.
CREATE FUNCTION coupon_claims_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consumer_live_notify(h.merchant_id, h.phone, 'wallet')
    FROM (SELECT DISTINCT w.merchant_id, w.phone
            FROM changed c
            JOIN wallet_claims w ON w.merchant_id = c.merchant_id AND w.code = c.code) h;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coupon_claims_live_insert AFTER INSERT ON coupon_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coupon_claims_live();
--> statement-breakpoint
CREATE TRIGGER coupon_claims_live_update AFTER UPDATE ON coupon_claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION coupon_claims_live();
--> statement-breakpoint
CREATE FUNCTION task_orders_live() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM consumer_live_notify(o.merchant_id, o.phone, 'tasks')
    FROM (SELECT DISTINCT merchant_id, phone FROM changed) o;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER task_orders_live_insert AFTER INSERT ON task_orders
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_orders_live();
--> statement-breakpoint
CREATE TRIGGER task_orders_live_update AFTER UPDATE ON task_orders
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION task_orders_live();
