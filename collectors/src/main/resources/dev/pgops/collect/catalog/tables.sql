-- tables.sql · pg_class + pg_stat_user_tables + pg_statio_user_tables · PostgreSQL 13
-- Base variant: last_seq_scan only exists from PG16 (see tables.pg16.sql), so it is NULL here.
-- Partitioned parents have relfrozenxid/relminmxid 0: their ages are reported as 0.
SELECT n.nspname AS schema_name,
       c.relname AS name,
       c.relkind::text AS kind,
       c.relpersistence::text AS persistence,
       c.relispartition AS partition,
       pg_table_size(c.oid) AS table_bytes,
       COALESCE(pg_total_relation_size(t.oid), 0) AS toast_bytes,
       pg_indexes_size(c.oid) AS indexes_bytes,
       pg_total_relation_size(c.oid) AS total_bytes,
       c.reltuples::bigint AS estimated_rows,
       COALESCE(s.n_live_tup, 0) AS live_tuples,
       COALESCE(s.n_dead_tup, 0) AS dead_tuples,
       COALESCE(s.n_mod_since_analyze, 0) AS mods_since_analyze,
       COALESCE(s.n_tup_ins, 0) AS inserted,
       COALESCE(s.n_tup_upd, 0) AS updated,
       COALESCE(s.n_tup_del, 0) AS deleted,
       COALESCE(s.n_tup_hot_upd, 0) AS hot_updated,
       COALESCE(s.seq_scan, 0) AS seq_scans,
       COALESCE(s.seq_tup_read, 0) AS seq_tuples_read,
       COALESCE(s.idx_scan, 0) AS idx_scans,
       COALESCE(io.heap_blks_read, 0) AS heap_blocks_read,
       COALESCE(io.heap_blks_hit, 0) AS heap_blocks_hit,
       CASE WHEN c.relkind = 'p' OR c.relfrozenxid = '0'::xid THEN 0
            ELSE greatest(age(c.relfrozenxid), COALESCE(age(t.relfrozenxid), 0)) END AS xid_age,
       CASE WHEN c.relkind = 'p' OR c.relminmxid = '0'::xid THEN 0 ELSE mxid_age(c.relminmxid) END AS mxid_age,
       s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze,
       NULL::timestamptz AS last_seq_scan,
       COALESCE(s.vacuum_count, 0) AS vacuum_count,
       COALESCE(s.autovacuum_count, 0) AS autovacuum_count,
       COALESCE(s.analyze_count, 0) AS analyze_count,
       COALESCE(s.autoanalyze_count, 0) AS autoanalyze_count,
       COALESCE(c.reloptions, '{}')::text[] AS options,
       COALESCE(tg.disabled, 0)::int AS disabled_triggers,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
LEFT JOIN pg_statio_user_tables io ON io.relid = c.oid
LEFT JOIN (SELECT tgrelid, count(*) AS disabled FROM pg_trigger
           WHERE tgenabled = 'D' AND NOT tgisinternal GROUP BY tgrelid) tg ON tg.tgrelid = c.oid
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, c.relname
