-- sequences.sql · pg_sequences + pg_depend + pg_attribute · PostgreSQL 13+
-- Sequences with the column they feed (serial / OWNED BY: deptype 'a'; identity: deptype 'i').
-- pg_sequences.last_value is NULL when the role lacks USAGE/SELECT on the sequence.
SELECT s.schemaname AS schema_name,
       s.sequencename AS name,
       format_type(s.data_type, NULL) AS data_type,
       s.last_value,
       s.min_value,
       s.max_value,
       s.increment_by,
       s.cycle,
       dn.nspname AS owned_by_schema,
       dc.relname AS owned_by_table,
       da.attname AS owned_by_column,
       format_type(da.atttypid, da.atttypmod) AS owned_by_column_type
FROM pg_sequences s
JOIN pg_namespace sn ON sn.nspname = s.schemaname
JOIN pg_class sc ON sc.relnamespace = sn.oid AND sc.relname = s.sequencename
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid
     AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class dc ON dc.oid = d.refobjid
LEFT JOIN pg_namespace dn ON dn.oid = dc.relnamespace
LEFT JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid
WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
  AND s.schemaname NOT LIKE 'pg\_toast%' AND s.schemaname NOT LIKE 'pg\_temp%'
ORDER BY s.schemaname, s.sequencename
