-- extensions.sql · pg_extension + pg_available_extensions · PostgreSQL 13+
-- Installed extensions of the connected database and the default version the server's packages offer.
SELECT e.extname AS name, n.nspname AS schema_name, e.extversion AS installed_version,
       a.default_version
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_available_extensions a ON a.name = e.extname
ORDER BY e.extname
