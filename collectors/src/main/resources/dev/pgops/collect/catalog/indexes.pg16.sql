-- indexes.pg16.sql · pg_index + pg_class + pg_stat_user_indexes + pg_statio_user_indexes · PostgreSQL 16+
-- PG16 added pg_stat_user_indexes.last_idx_scan; this variant reads it (same column aliases).
-- Key columns are printed one by one with pg_get_indexdef(oid, k, true) (expressions included).
SELECT n.nspname AS schema_name,
       t.relname AS table_name,
       ic.relname AS name,
       am.amname AS method,
       pg_relation_size(i.indexrelid) AS size_bytes,
       COALESCE(s.idx_scan, 0) AS scans,
       COALESCE(s.idx_tup_read, 0) AS tuples_read,
       COALESCE(s.idx_tup_fetch, 0) AS tuples_fetched,
       COALESCE(io.idx_blks_read, 0) AS blocks_read,
       COALESCE(io.idx_blks_hit, 0) AS blocks_hit,
       i.indisvalid AS valid,
       i.indisready AS ready,
       i.indisunique AS is_unique,
       i.indisprimary AS is_primary,
       i.indisreplident AS replica_identity,
       con.contype::text AS constraint_type,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
             FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k) AS key_columns,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
             FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY k) AS include_columns,
       ARRAY(SELECT COALESCE(opc.opcname::text, '')
             FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS u(oid, k)
             LEFT JOIN pg_opclass opc ON opc.oid = u.oid ORDER BY u.k) AS opclasses,
       ARRAY(SELECT COALESCE(coll.collname::text, '')
             FROM unnest(i.indcollation::oid[]) WITH ORDINALITY AS u(oid, k)
             LEFT JOIN pg_collation coll ON coll.oid = u.oid ORDER BY u.k) AS collations,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       pg_get_indexdef(i.indexrelid) AS definition,
       s.last_idx_scan AS last_scan
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
LEFT JOIN pg_statio_user_indexes io ON io.indexrelid = i.indexrelid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, ic.relname
