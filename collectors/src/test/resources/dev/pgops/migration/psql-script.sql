\set ON_ERROR_STOP on
-- pgops:ignore create-index-not-concurrently new table, empty
CREATE TABLE "a;b" (id bigint);
CREATE INDEX a_idx ON "a;b" (id); -- expect: create-index-not-concurrently
\connect other
DO $do$
BEGIN
  RAISE NOTICE 'done; %', E'\\';
END
$do$;
