-- Seed for SnapshotCollectorIT: one fact per collector worth asserting.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE SCHEMA shop;

CREATE TABLE shop.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE shop.customers IS 'people who buy';
COMMENT ON COLUMN shop.customers.email IS 'login e-mail, unique per customer';
CREATE UNIQUE INDEX customers_email_key ON shop.customers (email);
CREATE INDEX customers_lower_email_idx ON shop.customers (lower(email));
-- duplicate of customers_email_key's column list (non-unique)
CREATE INDEX customers_email_dup_idx ON shop.customers (email);

CREATE TABLE shop.orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'new',
  note text,
  total numeric(12, 2)
) WITH (fillfactor = 80, autovacuum_enabled = false);
-- FK with a supporting index
CREATE INDEX orders_customer_id_idx ON shop.orders (customer_id) INCLUDE (status);
-- partial index
CREATE INDEX orders_open_idx ON shop.orders (id) WHERE status <> 'done';

CREATE TABLE shop.order_lines (
  order_id int NOT NULL,
  line_no int NOT NULL,
  sku text COLLATE "C" NOT NULL,
  qty int NOT NULL CHECK (qty > 0),
  PRIMARY KEY (order_id, line_no)
);
-- FK without an index on (sku) and a NOT VALID FK
CREATE TABLE shop.products (sku text COLLATE "C" PRIMARY KEY, title text);
ALTER TABLE shop.order_lines ADD CONSTRAINT order_lines_sku_fkey FOREIGN KEY (sku) REFERENCES shop.products (sku);
ALTER TABLE shop.order_lines ADD CONSTRAINT order_lines_order_fkey FOREIGN KEY (order_id) REFERENCES shop.orders (id) NOT VALID;
ALTER TABLE shop.order_lines ADD CONSTRAINT order_lines_qty_small CHECK (qty < 1000) NOT VALID;

-- sequence near its max (int4 column)
CREATE TABLE shop.tickets (id integer PRIMARY KEY, subject text);
CREATE SEQUENCE shop.tickets_id_seq AS integer OWNED BY shop.tickets.id;
ALTER TABLE shop.tickets ALTER COLUMN id SET DEFAULT nextval('shop.tickets_id_seq');
SELECT setval('shop.tickets_id_seq', 2147483000);
INSERT INTO shop.tickets (subject) VALUES ('almost out of ids');

CREATE UNLOGGED TABLE shop.sessions_cache (key text PRIMARY KEY, value jsonb);

-- a disabled trigger
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.orders DISABLE TRIGGER orders_touch;

-- partitioned table
CREATE TABLE shop.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- data: enough pages for the bloat estimates, then statistics
INSERT INTO shop.customers (email, name) SELECT 'c' || g || '@example.com', 'customer ' || g FROM generate_series(1, 5000) g;
INSERT INTO shop.orders (customer_id, status, note, total)
  SELECT 1 + g % 5000, CASE WHEN g % 3 = 0 THEN 'done' ELSE 'new' END, repeat('x', 50), g FROM generate_series(1, 20000) g;
DELETE FROM shop.orders WHERE id % 2 = 0;
INSERT INTO shop.products VALUES ('A-1', 'thing');
INSERT INTO shop.order_lines VALUES (1, 1, 'A-1', 2);
ANALYZE;

-- an inactive physical replication slot that reserves WAL
SELECT pg_create_physical_replication_slot('stale_slot', true);
