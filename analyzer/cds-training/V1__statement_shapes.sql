-- Not a migration: the launcher reviews this file (with the samples and the migration rules' fixtures) once per
-- build to record which classes a review loads in its class-data archive (see ../../pgops). Statement shapes
-- common in real migrations that the fixtures do not cover, so their parser classes start from the archive too.
WITH recent AS (
  SELECT o.id, o.customer_id, row_number() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC NULLS LAST) AS rn
  FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN LATERAL (SELECT 1) l ON true
  WHERE o.total > -1 AND NOT o.archived AND o.deleted IS NOT TRUE AND EXISTS (SELECT 1 FROM items i WHERE i.order_id = o.id)
)
SELECT DISTINCT r.*, CASE WHEN r.rn = 1 THEN 'latest' ELSE 'older' END AS label, extract(year FROM now()),
       ARRAY[1, 2], '{"a": 1}'::jsonb -> 'a'
FROM recent r
UNION ALL
SELECT DISTINCT ON (id) id, customer_id, 0, 'none', 0, NULL, NULL FROM unnest(ARRAY[1]) AS t(id, customer_id)
ORDER BY 1;

INSERT INTO settings (name, setting) VALUES ('a', 'b') ON CONFLICT (name) DO UPDATE SET setting = excluded.setting;
INSERT INTO settings (name, setting) VALUES ('c', 'd') ON CONFLICT DO NOTHING;
UPDATE orders o SET status = 'x' FROM customers c WHERE c.id = o.customer_id AND c.blocked;
DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE total < 0 LIMIT 100);

ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
  ON DELETE CASCADE ON UPDATE SET NULL NOT VALID;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at DESC NULLS LAST) WHERE NOT archived;
CREATE UNIQUE INDEX CONCURRENTLY orders_lower_email ON orders (lower(email));
CREATE TABLE IF NOT EXISTS audit (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
  payload jsonb, tags text[] DEFAULT '{}');
CREATE OR REPLACE VIEW open_orders AS SELECT * FROM orders WHERE status <> 'closed';
CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON COLUMN orders.note IS 'free text';
GRANT SELECT ON orders TO reporting;
