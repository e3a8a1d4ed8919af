-- statements_totals.ext1_9.sql · pg_stat_statements 1.9+ (PostgreSQL 14+) · settings and totals
-- 1.9 added pg_stat_statements_info: dealloc (entries evicted because .max was reached) and stats_reset.
SELECT current_setting('pg_stat_statements.max')::bigint AS max,
       current_setting('pg_stat_statements.track') AS track,
       current_setting('pg_stat_statements.track_planning')::boolean AS track_planning,
       count(*) AS entries,
       coalesce(sum(total_exec_time), 0) AS total_exec_ms,
       coalesce(sum(total_plan_time), 0) AS total_plan_ms,
       coalesce(sum(calls), 0)::bigint AS total_calls,
       (SELECT dealloc FROM {schema}.pg_stat_statements_info) AS dealloc,
       (SELECT stats_reset FROM {schema}.pg_stat_statements_info) AS stats_reset
FROM {schema}.pg_stat_statements(false)
