-- Tables for the performance-triage end-to-end test (PostgreSQL 13–18).
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
-- a = b on every row (the planner assumes 0.5 %); c > a on 1 row in 1000 (the planner assumes a third)
CREATE TABLE big (id bigint PRIMARY KEY, a int NOT NULL, b int NOT NULL, c int NOT NULL, payload text NOT NULL);
INSERT INTO big SELECT g, g % 1000, g % 1000, CASE WHEN g % 1000 = 0 THEN 2000 ELSE 0 END,
       md5(g::text) || md5((g * 7)::text) FROM generate_series(1, 200000) g;
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 5000) g;
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric NOT NULL);
INSERT INTO orders SELECT g, 1 + g % 5000, g % 100 FROM generate_series(1, 50000) g;
CREATE INDEX orders_customer_id_id_idx ON orders (customer_id, id);
ANALYZE;
