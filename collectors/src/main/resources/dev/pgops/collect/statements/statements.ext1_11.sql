-- statements.ext1_11.sql · pg_stat_statements 1.11 (PostgreSQL 17) and 1.12 (PostgreSQL 18) · top-N union
-- 1.11 renamed blk_read_time/blk_write_time to shared_blk_read_time/shared_blk_write_time (adding the
-- local_ ones) and added jit_deform_time, counted into the JIT total. 1.12 only added columns not read here.
-- Parameters, in order: query text limit (characters), N for each of the five top-N lists, row cap.
-- {schema} is the extension's schema, quoted by quote_ident on the server. The CTE s reads the
-- view once (texts cut to the limit); the rankings carry only narrow columns and join back by i.
WITH s AS MATERIALIZED (
  SELECT row_number() OVER () AS i, userid, dbid, queryid, toplevel AS toplevel, calls, rows,
         total_exec_time AS total_exec_ms, total_plan_time AS total_plan_ms, mean_exec_time AS mean_exec_ms,
         min_exec_time AS min_exec_ms, max_exec_time AS max_exec_ms, stddev_exec_time AS stddev_exec_ms, plans,
         shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, local_blks_hit,
         local_blks_read, temp_blks_read, temp_blks_written,
         shared_blk_read_time AS shared_read_ms, shared_blk_write_time AS shared_write_ms,
         wal_records, wal_fpi, wal_bytes::bigint AS wal_bytes,
         jit_functions AS jit_functions, jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time + jit_deform_time AS jit_total_ms,
         left(query, ?) AS query
  FROM {schema}.pg_stat_statements),
top AS (
  SELECT i
  FROM (SELECT i, calls, shared_blks_read, temp_blks_written,
               row_number() OVER (ORDER BY total_exec_ms + total_plan_ms DESC, i) AS by_total,
               row_number() OVER (ORDER BY CASE WHEN calls >= 5 THEN mean_exec_ms END DESC NULLS LAST, i) AS by_mean,
               row_number() OVER (ORDER BY calls DESC, i) AS by_calls,
               row_number() OVER (ORDER BY shared_blks_read DESC, i) AS by_read,
               row_number() OVER (ORDER BY temp_blks_written DESC, i) AS by_temp
        FROM s) r
  WHERE by_total <= ?
     OR (by_mean <= ? AND calls >= 5)
     OR by_calls <= ?
     OR (by_read <= ? AND shared_blks_read > 0)
     OR (by_temp <= ? AND temp_blks_written > 0))
SELECT s.queryid::text AS query_id, pg_get_userbyid(s.userid)::text AS username, d.datname::text AS datname,
       s.toplevel, s.calls, s.rows, s.total_exec_ms, s.total_plan_ms, s.mean_exec_ms, s.min_exec_ms,
       s.max_exec_ms, s.stddev_exec_ms, s.plans, s.shared_blks_hit, s.shared_blks_read, s.shared_blks_dirtied,
       s.shared_blks_written, s.local_blks_hit, s.local_blks_read, s.temp_blks_read, s.temp_blks_written,
       s.shared_read_ms, s.shared_write_ms, s.wal_records, s.wal_fpi, s.wal_bytes, s.jit_functions,
       s.jit_total_ms, s.query
FROM s
JOIN top USING (i)
LEFT JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_ms + s.total_plan_ms DESC, s.queryid NULLS LAST, s.userid, s.dbid, s.toplevel DESC
LIMIT ?
