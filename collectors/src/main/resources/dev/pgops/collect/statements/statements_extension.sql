-- statements_extension.sql · pg_extension · PostgreSQL 13+
-- The installed pg_stat_statements version (which picks the SQL variant; it can lag the server) and its
-- schema, quoted by the server with quote_ident so it can be spliced into the other statements. Always
-- one row: extversion and schema are NULL when the extension is not installed in this database.
SELECT current_database()::text AS database, e.extversion, quote_ident(n.nspname) AS schema
FROM (VALUES (1)) AS one (x)
LEFT JOIN (pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace) ON e.extname = 'pg_stat_statements'
