-- activity_sessions.sql · pg_stat_activity · PostgreSQL 13+
-- Notable sessions: transaction older than 60 s, idle in transaction, blocked, or holding backend_xmin.
-- The oldest transactions first, capped by the first parameter; query text cut to 500 characters.
SELECT pid, usename AS user_name, application_name, datname AS database, state, backend_type,
       COALESCE(extract(epoch FROM now() - xact_start), 0)::bigint AS xact_age_sec,
       COALESCE(extract(epoch FROM now() - query_start), 0)::bigint AS query_age_sec,
       COALESCE(extract(epoch FROM now() - state_change), 0)::bigint AS state_age_sec,
       COALESCE(age(backend_xmin), 0) AS backend_xmin_age,
       wait_event_type, wait_event,
       pg_blocking_pids(pid) AS blocked_by,
       left(query, 500) AS query
FROM pg_stat_activity
WHERE pid <> pg_backend_pid()
  AND (xact_start < now() - interval '60 seconds'
       OR state LIKE 'idle in transaction%'
       OR cardinality(pg_blocking_pids(pid)) > 0
       OR backend_xmin IS NOT NULL)
ORDER BY xact_start NULLS LAST, pid
LIMIT ?
