-- V2: changes to public.orders, a large table in production.
SET lock_timeout = '3s';
ALTER TABLE orders ADD COLUMN status order_status;
ALTER TABLE orders ADD COLUMN note text DEFAULT 'n/a';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);
CREATE INDEX orders_customer_idx ON orders (customer_id);
-- pgops:ignore create-index-non-concurrent order_items is a small lookup table, reviewed by the DBA
CREATE INDEX order_items_sku_idx ON order_items (sku);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
ALTER TABLE orders RENAME COLUMN ref TO external_ref;
ALTER TABLE orders ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'none';
UPDATE orders SET status = 'new' WHERE status IS NULL;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE MATERIALIZED VIEW order_totals AS
    SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
DROP INDEX orders_legacy_idx;
GRANT SELECT ON order_totals TO reporting;
