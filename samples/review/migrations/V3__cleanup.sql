-- V3: an index build, a rename and destructive steps. Under Flyway this file runs in one transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
ALTER TABLE order_items RENAME TO order_lines;
TRUNCATE audit_log;
DROP TABLE legacy_events;
ANALYZE orders;
