-- pgops demo database, part 3 of 4: the planted problems.
--
-- Execution convention: see the header of 01-schema.sql. In short: this file is split at lines
-- that contain exactly "-- @statement"; each chunk goes through one Statement.execute() with
-- autocommit on (a multi-statement chunk runs as one implicit transaction); a chunk starting
-- with a line "-- @expect-error" must fail.
--
-- Every problem names the pgops rule id it is meant to trigger. samples/demo/README.md has the
-- full table (rule id, checklist area, object).

-- duplicate-index: a second index with exactly the definition of order_items_order_id_idx
-- (someone added "the missing index" again under another naming convention).
CREATE INDEX idx_order_items_order ON order_items (order_id);

-- redundant-index: (status) is a leading prefix of orders_status_placed_at_idx (status, placed_at).
CREATE INDEX orders_status_idx ON orders (status);

-- not-valid-constraint (FK): added NOT VALID to avoid the long lock, VALIDATE never ran.
ALTER TABLE orders ADD CONSTRAINT orders_coupon_id_fkey
    FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;

-- not-valid-constraint (CHECK): the legacy 0-star reviews would fail VALIDATE CONSTRAINT.
ALTER TABLE reviews ADD CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 1 AND 5) NOT VALID;

-- integer-key-near-overflow / sequence-near-overflow: payments.id is a serial (int4) column.
-- An old migration bumped the sequence; last_value ends at 1,950,000,025 = 90.8 % of 2^31-1.
SELECT setval('payments_id_seq', 1950000000);
INSERT INTO payments (order_id, method, amount, status, provider_ref, paid_at)
SELECT o, 'card', 19.99, 'captured', 'pay_late_' || o, now() - (30 - o) * interval '1 minute'
FROM generate_series(149976, 150000) AS o;

-- replication-slot-inactive: a CDC slot for an analytics pipeline that was switched off.
-- immediately_reserve = true, so it pins WAL from now on and is never consumed.
SELECT pg_create_physical_replication_slot('analytics_cdc', true);

-- md5-password: a legacy login role whose password is stored as an MD5 hash.
SET password_encryption = 'md5';
CREATE ROLE legacy_reporting LOGIN PASSWORD 'reporting-2019';
RESET password_encryption;

-- too-many-superusers: three extra superuser logins besides the bootstrap superuser.
CREATE ROLE ops_admin LOGIN SUPERUSER PASSWORD 'ops-admin-demo';
CREATE ROLE migration_bot LOGIN SUPERUSER PASSWORD 'migration-bot-demo';
CREATE ROLE dba_oncall LOGIN SUPERUSER PASSWORD 'dba-oncall-demo';

-- An ordinary application role, for contrast (SCRAM, no superuser).
CREATE ROLE shop_app LOGIN PASSWORD 'shop-app-demo';
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO shop_app;

-- autovacuum-disabled-table + dead-tuple-ratio: cart_items has autovacuum_enabled = false
-- (01-schema.sql); abandoned carts are purged, 45 % of the rows become dead tuples and stay.
DELETE FROM cart_items WHERE id % 20 < 9;

-- table-bloat: the notification outbox is purged of 80 % of its rows, spread over every page,
-- so the VACUUM in 04-stats.sql frees the space inside the pages but cannot shrink the file.
DELETE FROM notifications WHERE id % 5 <> 0;

-- invalid-index: a unique index on lower(email), built CONCURRENTLY, fails on the duplicate
-- e-mail addresses from 02-data.sql and is left behind with indisvalid = false.
-- @statement
-- @expect-error
CREATE UNIQUE INDEX CONCURRENTLY customers_email_lower_key ON customers (lower(email));
