-- pgops demo database, part 1 of 4: schema of "shop", a small e-commerce / SaaS back office.
--
-- Execution convention (shared by every file in samples/demo, run in file-name order):
--   * A file is split into chunks at lines that contain exactly "-- @statement".
--     A file without such a line is one chunk.
--   * Each chunk is sent as-is through ONE JDBC Statement.execute() with autocommit on.
--     pgjdbc runs a multi-statement chunk as one implicit transaction, so anything that
--     refuses to run in a transaction block (CREATE INDEX CONCURRENTLY, VACUUM) must be
--     alone in its own chunk.
--   * A chunk whose first non-blank line is exactly "-- @expect-error" must fail; the loader
--     reports the error and goes on (and stops if the statement unexpectedly succeeds).
--   * No other splitting happens: dollar quotes, comments and semicolons are left to pgjdbc.
--
-- This file has no markers: it runs as one transaction. It contains only the healthy schema;
-- the planted problems live in 03-problems.sql, except for a few that are properties of the
-- schema itself (flagged with "PLANTED:" below).

CREATE TABLE categories (
    id          serial PRIMARY KEY,
    parent_id   integer REFERENCES categories (id),
    name        text NOT NULL,
    slug        text NOT NULL UNIQUE
);

CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_id  integer NOT NULL REFERENCES categories (id),
    sku          text NOT NULL UNIQUE,
    name         text NOT NULL,
    description  text,
    price        numeric(10,2) NOT NULL,
    list_price   money,                         -- PLANTED: risky-column-type (money)
    attributes   json,                          -- PLANTED: risky-column-type (json, not jsonb)
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamp NOT NULL DEFAULT now(), -- PLANTED: risky-column-type (timestamp without time zone)
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_category_id_idx ON products (category_id);
COMMENT ON COLUMN products.attributes IS 'Free-form vendor attributes (size, colour, ...). Legacy json column kept for the old importer.';

CREATE TABLE customers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL,
    full_name     text NOT NULL,
    country_code  char(2) NOT NULL,             -- PLANTED: risky-column-type (char(n))
    status        text NOT NULL DEFAULT 'active',
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_email_idx ON customers (email);

CREATE TABLE addresses (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    kind         text NOT NULL CHECK (kind IN ('billing', 'shipping')),
    line1        text NOT NULL,
    city         text NOT NULL,
    postal_code  text NOT NULL,
    country_code text NOT NULL
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

CREATE TABLE coupons (
    id            serial PRIMARY KEY,
    code          text NOT NULL UNIQUE,
    discount_pct  integer NOT NULL CHECK (discount_pct BETWEEN 1 AND 90),
    valid_until   date NOT NULL,
    max_uses      integer,
    used          integer NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id         bigint NOT NULL REFERENCES customers (id),
    shipping_address_id bigint REFERENCES addresses (id),
    coupon_id           integer,                -- FK added NOT VALID in 03-problems.sql
    status              text NOT NULL DEFAULT 'new',
    placed_at           timestamptz NOT NULL DEFAULT now(),
    total               numeric(12,2) NOT NULL DEFAULT 0,
    currency            text NOT NULL DEFAULT 'EUR'
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_status_placed_at_idx ON orders (status, placed_at);
CREATE INDEX orders_shipping_address_id_idx ON orders (shipping_address_id);
CREATE INDEX orders_coupon_id_idx ON orders (coupon_id);

CREATE TABLE order_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders (id),
    product_id  bigint NOT NULL REFERENCES products (id),   -- PLANTED: fk-without-index (no index leads with product_id)
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL,
    discount    numeric(10,2) NOT NULL DEFAULT 0
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);

CREATE TABLE payments (
    id        serial PRIMARY KEY,               -- PLANTED: integer key; sequence pushed near overflow in 03-problems.sql
    order_id  bigint NOT NULL REFERENCES orders (id),
    method    text NOT NULL,
    amount    numeric(12,2) NOT NULL,
    status    text NOT NULL,
    provider_ref text,
    paid_at   timestamptz NOT NULL
);
CREATE INDEX payments_order_id_idx ON payments (order_id);

CREATE TABLE shipments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     bigint NOT NULL REFERENCES orders (id),
    carrier      text NOT NULL,
    tracking_no  text NOT NULL,                 -- looked up by the support tool, never indexed (seq-scan-heavy-table)
    status       text NOT NULL,
    shipped_at   timestamp,                     -- PLANTED: risky-column-type (timestamp without time zone)
    delivered_at timestamp
);
CREATE INDEX shipments_order_id_idx ON shipments (order_id);

CREATE TABLE warehouses (
    id    serial PRIMARY KEY,
    code  text NOT NULL UNIQUE,
    city  text NOT NULL
);

CREATE TABLE inventory (
    product_id    bigint NOT NULL REFERENCES products (id),
    warehouse_id  integer NOT NULL REFERENCES warehouses (id),
    on_hand       integer NOT NULL,
    reserved      integer NOT NULL DEFAULT 0,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (product_id, warehouse_id)
);
CREATE INDEX inventory_warehouse_id_idx ON inventory (warehouse_id);

CREATE TABLE reviews (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   bigint NOT NULL REFERENCES products (id),
    customer_id  bigint NOT NULL REFERENCES customers (id),
    rating       integer NOT NULL,              -- CHECK added NOT VALID in 03-problems.sql
    title        text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_product_id_idx ON reviews (product_id);
CREATE INDEX reviews_customer_id_idx ON reviews (customer_id);

-- PLANTED: table-without-primary-key (append-only audit trail, no PK, no unique constraint)
CREATE TABLE audit_log (
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor        text NOT NULL,
    action       text NOT NULL,
    entity       text NOT NULL,
    entity_id    bigint,
    payload      jsonb
);
CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at);   -- PLANTED: unused-index (the workload never reads it)

-- PLANTED: unlogged-table (web sessions: lost on crash, not replicated)
CREATE UNLOGGED TABLE sessions (
    id           uuid PRIMARY KEY,
    customer_id  bigint REFERENCES customers (id),
    data         jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_customer_id_idx ON sessions (customer_id);

-- PLANTED: autovacuum-disabled-table + dead-tuple-ratio (the "we'll vacuum it by hand" cart table)
CREATE TABLE cart_items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id   uuid NOT NULL,
    product_id   bigint NOT NULL REFERENCES products (id),
    quantity     integer NOT NULL,
    added_at     timestamptz NOT NULL DEFAULT now()
) WITH (autovacuum_enabled = false);
CREATE INDEX cart_items_product_id_idx ON cart_items (product_id);

-- PLANTED: table-bloat (notification outbox: most rows deleted, space never given back)
CREATE TABLE notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL,
    channel      text NOT NULL,
    subject      text NOT NULL,
    body         text NOT NULL,
    sent_at      timestamptz
);

-- PLANTED: never-analyzed (staging table for a nightly import, autovacuum off, nobody analyzes it)
CREATE TABLE import_staging (
    line_no      integer NOT NULL,
    raw_sku      text,
    raw_price    text,
    raw_payload  text,
    loaded_at    timestamptz NOT NULL DEFAULT now()
) WITH (autovacuum_enabled = false);

-- Audit trigger for orders (disabled in 03-problems.sql: PLANTED disabled-trigger)
CREATE FUNCTION orders_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (actor, action, entity, entity_id, payload)
    VALUES (current_user, lower(TG_OP), 'order', NEW.id, jsonb_build_object('status', NEW.status, 'total', NEW.total));
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_audit_trg AFTER INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_audit();

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER products_touch_trg BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
