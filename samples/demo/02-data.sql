-- pgops demo database, part 2 of 4: data, generated with generate_series.
--
-- Execution convention: see the header of 01-schema.sql. This file has no "-- @statement"
-- markers, so it is executed whole, as one transaction, through one Statement.execute().
-- setseed() makes random() deterministic: every demo run loads the same rows.
--
-- Sizes: order_items 330k (the biggest), orders 150k, audit_log 150k, payments 140k,
-- shipments 120k, notifications 120k, addresses 90k, customers 60k, cart_items 60k,
-- reviews 40k, sessions 20k, inventory 15k, products 5k, import_staging 5k.

SELECT setseed(0.4711);

-- Bulk-load mode: foreign keys are declared in 01-schema.sql but their RI triggers do not fire
-- while session_replication_role = replica (the data below is consistent by construction).
-- This keeps the whole load at a few seconds. Reset at the end of the file.
SET session_replication_role = replica;

-- PLANTED: disabled-trigger. The bulk load switches the orders audit trigger off and
-- nobody ever switches it back on (pgops: tgenabled = 'D').
ALTER TABLE orders DISABLE TRIGGER orders_audit_trg;

INSERT INTO categories (parent_id, name, slug)
SELECT NULL, n, lower(n)
FROM unnest(ARRAY['Books', 'Electronics', 'Garden', 'Home', 'Kitchen', 'Outdoor', 'Sports', 'Toys']) AS n;

INSERT INTO categories (parent_id, name, slug)
SELECT p.id, p.name || ' / ' || s, lower(p.name || '-' || s)
FROM categories p, unnest(ARRAY['Bestsellers', 'New', 'Refurbished', 'Sale']) AS s;

INSERT INTO products (category_id, sku, name, description, price, list_price, attributes, active, created_at)
SELECT 9 + (i % 32),
       'SKU-' || lpad(i::text, 6, '0'),
       initcap(w1) || ' ' || w2 || ' ' || i,
       'A ' || w1 || ' ' || w2 || ' that customers love. Item number ' || i || '.',
       round((5 + random() * 495)::numeric, 2),
       round((6 + random() * 600)::numeric, 2)::money,
       json_build_object('colour', (ARRAY['red', 'green', 'blue', 'black', 'white'])[1 + i % 5],
                         'size', (ARRAY['S', 'M', 'L', 'XL'])[1 + i % 4], 'weight_g', 50 + i % 2000),
       i % 23 <> 0,
       timestamp '2021-01-01' + (i * interval '5 hours')
FROM generate_series(1, 5000) AS i,
     LATERAL (SELECT (ARRAY['compact', 'deluxe', 'eco', 'smart', 'classic', 'pro', 'mini', 'ultra'])[1 + i % 8] AS w1,
                     (ARRAY['lamp', 'kettle', 'backpack', 'drill', 'novel', 'headset', 'chair', 'tent', 'ball', 'puzzle'])[1 + (i / 8) % 10] AS w2) AS w;

INSERT INTO warehouses (code, city)
VALUES ('BER1', 'Berlin'), ('HAM1', 'Hamburg'), ('MUC1', 'Munich'), ('VIE1', 'Vienna'), ('ZRH1', 'Zurich'), ('AMS1', 'Amsterdam');

INSERT INTO inventory (product_id, warehouse_id, on_hand, reserved)
SELECT p, w, (random() * 400)::int, (random() * 10)::int
FROM generate_series(1, 5000) AS p, generate_series(1, 3) AS w;

-- Every 1000th customer re-uses the e-mail address of the previous one (a real-life duplicate:
-- signed up twice). That is what makes the unique index in 03-problems.sql fail.
INSERT INTO customers (email, full_name, country_code, status, marketing_opt_in, created_at)
SELECT CASE WHEN i % 1000 = 0 THEN 'customer' || (i - 1) || '@example.com'
            ELSE 'customer' || i || '@example.com' END,
       (ARRAY['Anna', 'Ben', 'Chiara', 'David', 'Elif', 'Femi', 'Greta', 'Hugo', 'Ines', 'Jonas'])[1 + i % 10] || ' ' ||
       (ARRAY['Schmidt', 'Rossi', 'Novak', 'Garcia', 'Jansen', 'Dubois', 'Kowalski', 'Silva', 'Berg'])[1 + (i / 10) % 9],
       (ARRAY['DE', 'AT', 'CH', 'NL', 'FR', 'IT', 'PL', 'ES'])[1 + i % 8],
       CASE WHEN i % 50 = 0 THEN 'closed' ELSE 'active' END,
       i % 3 = 0,
       timestamptz '2020-06-01 00:00+00' + i * interval '37 minutes'
FROM generate_series(1, 60000) AS i;

-- Shipping addresses first, so that the shipping address of customer N has id N.
INSERT INTO addresses (customer_id, kind, line1, city, postal_code, country_code)
SELECT c, 'shipping',
       (10 + c % 190) || ' ' || (ARRAY['Main St', 'Station Rd', 'Park Ave', 'Lindenweg', 'Kirchgasse'])[1 + c % 5],
       (ARRAY['Berlin', 'Vienna', 'Zurich', 'Amsterdam', 'Paris', 'Milan', 'Warsaw', 'Madrid'])[1 + c % 8],
       lpad(((c * 7919) % 99999)::text, 5, '0'),
       (ARRAY['DE', 'AT', 'CH', 'NL', 'FR', 'IT', 'PL', 'ES'])[1 + c % 8]
FROM generate_series(1, 60000) AS c;

INSERT INTO addresses (customer_id, kind, line1, city, postal_code, country_code)
SELECT c, 'billing', 'PO Box ' || (100 + c % 900),
       (ARRAY['Berlin', 'Vienna', 'Zurich', 'Amsterdam', 'Paris', 'Milan', 'Warsaw', 'Madrid'])[1 + c % 8],
       lpad(((c::bigint * 104729) % 99999)::text, 5, '0'),
       (ARRAY['DE', 'AT', 'CH', 'NL', 'FR', 'IT', 'PL', 'ES'])[1 + c % 8]
FROM generate_series(2, 60000, 2) AS c;

INSERT INTO coupons (code, discount_pct, valid_until, max_uses, used)
SELECT 'SAVE' || lpad(i::text, 4, '0'), 5 + i % 40, date '2024-01-01' + i * 3, CASE WHEN i % 4 = 0 THEN NULL ELSE 1000 END, i % 700
FROM generate_series(1, 200) AS i;

-- order_items first (ids of orders are 1..150000 by construction), then orders with their totals.
INSERT INTO order_items (order_id, product_id, quantity, unit_price, discount)
SELECT o, 1 + ((o * 31 + k * 977) % 5000), 1 + (o + k) % 4, round((5 + random() * 195)::numeric, 2),
       CASE WHEN (o + k) % 13 = 0 THEN 2.50 ELSE 0 END
FROM generate_series(1, 150000) AS o, generate_series(1, 3) AS k
WHERE k < 3 OR o % 5 = 0;

INSERT INTO orders (customer_id, shipping_address_id, coupon_id, status, placed_at, total, currency)
SELECT c.customer_id,
       c.customer_id,
       CASE WHEN i % 9 = 0 THEN 1 + i % 200 END,
       CASE WHEN i > 148500 THEN (ARRAY['new', 'paid', 'packing'])[1 + i % 3]
            WHEN i % 40 = 0 THEN 'cancelled' WHEN i % 97 = 0 THEN 'returned' ELSE 'delivered' END,
       timestamptz '2023-01-01 00:00+00' + i * interval '4 minutes' + (random() * 120) * interval '1 second',
       t.total,
       CASE WHEN i % 11 = 0 THEN 'CHF' ELSE 'EUR' END
FROM generate_series(1, 150000) AS i
JOIN (SELECT order_id, sum(quantity * unit_price - discount) AS total FROM order_items GROUP BY order_id) AS t
  ON t.order_id = i
CROSS JOIN LATERAL (SELECT 1 + (i * 7) % 60000 AS customer_id) AS c
ORDER BY i;

INSERT INTO payments (order_id, method, amount, status, provider_ref, paid_at)
SELECT o.id, (ARRAY['card', 'paypal', 'invoice', 'sepa'])[1 + o.id % 4], o.total,
       CASE WHEN o.status = 'cancelled' THEN 'refunded' ELSE 'captured' END,
       'pay_' || md5(o.id::text), o.placed_at + interval '2 minutes'
FROM orders o
WHERE o.status <> 'new' AND o.id % 15 <> 0;

INSERT INTO shipments (order_id, carrier, tracking_no, status, shipped_at, delivered_at)
SELECT o.id, (ARRAY['DHL', 'UPS', 'DPD', 'GLS', 'PostNL'])[1 + o.id % 5],
       upper(substr(md5('trk' || o.id), 1, 16)),
       CASE WHEN o.status = 'delivered' THEN 'delivered' WHEN o.status = 'returned' THEN 'returned' ELSE 'in_transit' END,
       (o.placed_at + interval '1 day')::timestamp,
       CASE WHEN o.status IN ('delivered', 'returned') THEN (o.placed_at + interval '3 days')::timestamp END
FROM orders o
WHERE o.status IN ('delivered', 'returned', 'packing') AND o.id % 5 <> 0;

INSERT INTO reviews (product_id, customer_id, rating, title, body, created_at)
SELECT 1 + (i * 13) % 5000, 1 + (i * 17) % 60000,
       CASE WHEN i % 500 = 0 THEN 0 ELSE 1 + (i * 7) % 5 END,     -- a few legacy 0-star rows break the 1..5 rule
       (ARRAY['Great', 'Okay', 'Disappointing', 'Love it', 'Does the job'])[1 + i % 5],
       'Review text ' || i || ': ' || repeat('good value ', 1 + i % 6),
       timestamptz '2023-02-01 00:00+00' + i * interval '15 minutes'
FROM generate_series(1, 40000) AS i;

INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, payload)
SELECT timestamptz '2023-01-01 00:00+00' + i * interval '3 minutes',
       (ARRAY['app', 'app', 'app', 'backoffice', 'importer'])[1 + i % 5],
       (ARRAY['insert', 'update', 'update', 'delete'])[1 + i % 4],
       (ARRAY['order', 'customer', 'product', 'payment'])[1 + i % 4],
       1 + (i * 11) % 150000,
       jsonb_build_object('ip', '10.0.' || (i % 250) || '.' || (i % 200), 'request_id', i)
FROM generate_series(1, 150000) AS i;

INSERT INTO sessions (id, customer_id, data, created_at, expires_at)
SELECT md5('session' || i)::uuid,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 1 + (i * 29) % 60000 END,
       jsonb_build_object('cart', i % 7, 'locale', (ARRAY['de-DE', 'en-GB', 'fr-FR'])[1 + i % 3]),
       now() - (i % 1440) * interval '1 minute',
       now() + interval '1 day' - (i % 1440) * interval '1 minute'
FROM generate_series(1, 20000) AS i;

INSERT INTO cart_items (session_id, product_id, quantity, added_at)
SELECT md5('session' || (1 + i % 20000))::uuid, 1 + (i * 37) % 5000, 1 + i % 3,
       now() - (i % 10000) * interval '10 seconds'
FROM generate_series(1, 60000) AS i;

INSERT INTO notifications (customer_id, channel, subject, body, sent_at)
SELECT 1 + i % 60000, (ARRAY['email', 'sms', 'push'])[1 + i % 3],
       'Your order update #' || i,
       'Hello, your order ' || i || ' has a new status. ' || repeat('Thank you for shopping with us. ', 3),
       timestamptz '2024-01-01 00:00+00' + i * interval '1 minute'
FROM generate_series(1, 120000) AS i;

INSERT INTO import_staging (line_no, raw_sku, raw_price, raw_payload)
SELECT i, 'SKU-' || lpad((i * 3)::text, 6, '0'), to_char(random() * 100, 'FM990.00'),
       '{"source":"supplier-feed","line":' || i || '}'
FROM generate_series(1, 5000) AS i;

RESET session_replication_role;
