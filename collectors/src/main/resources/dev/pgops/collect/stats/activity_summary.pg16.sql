-- activity_summary.pg16.sql · pg_stat_activity + connection settings · PostgreSQL 16+
-- PG16 added reserved_connections (slots for pg_use_reserved_connections members); the reserved
-- count is superuser_reserved_connections + reserved_connections. Ages in seconds; own backend excluded.
SELECT current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int
         + current_setting('reserved_connections')::int AS reserved_connections,
       count(*) AS total_backends,
       count(*) FILTER (WHERE backend_type = 'client backend') AS client_backends,
       (SELECT COALESCE(array_agg(x.state ORDER BY x.state), '{}') FROM (
          SELECT state, count(*) AS n FROM pg_stat_activity
          WHERE state IS NOT NULL AND pid <> pg_backend_pid() GROUP BY state) x) AS states,
       (SELECT COALESCE(array_agg(x.n::int ORDER BY x.state), '{}') FROM (
          SELECT state, count(*) AS n FROM pg_stat_activity
          WHERE state IS NOT NULL AND pid <> pg_backend_pid() GROUP BY state) x) AS state_counts,
       count(*) FILTER (WHERE state LIKE 'idle in transaction%') AS idle_in_transaction,
       count(*) FILTER (WHERE wait_event_type = 'Lock') AS waiting_on_lock,
       count(*) FILTER (WHERE cardinality(pg_blocking_pids(pid)) > 0) AS blocked,
       count(*) FILTER (WHERE backend_type = 'client backend' AND backend_start > now() - interval '15 minutes') AS connected_last_15_min,
       COALESCE(extract(epoch FROM max(now() - xact_start)), 0)::bigint AS oldest_xact_age_sec,
       COALESCE(extract(epoch FROM max(now() - query_start) FILTER (WHERE state = 'active')), 0)::bigint AS oldest_query_age_sec,
       COALESCE(extract(epoch FROM max(now() - state_change) FILTER (WHERE state LIKE 'idle in transaction%')), 0)::bigint AS oldest_idle_in_transaction_sec,
       COALESCE(max(age(backend_xmin)), 0) AS oldest_backend_xmin_age
FROM pg_stat_activity
WHERE pid <> pg_backend_pid()
