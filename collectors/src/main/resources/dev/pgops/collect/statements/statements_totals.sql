-- statements_totals.sql · pg_stat_statements 1.8 (PostgreSQL 13) · settings and totals
-- Totals over every entry (for shares) without reading query texts (showtext = false); settings of the
-- loaded library. pg_stat_statements_info (deallocations, reset time) only exists from 1.9: NULL here.
SELECT current_setting('pg_stat_statements.max')::bigint AS max,
       current_setting('pg_stat_statements.track') AS track,
       current_setting('pg_stat_statements.track_planning')::boolean AS track_planning,
       count(*) AS entries,
       coalesce(sum(total_exec_time), 0) AS total_exec_ms,
       coalesce(sum(total_plan_time), 0) AS total_plan_ms,
       coalesce(sum(calls), 0)::bigint AS total_calls,
       NULL::bigint AS dealloc, NULL::timestamptz AS stats_reset
FROM {schema}.pg_stat_statements(false)
