-- review_sessions.sql · pg_locks + pg_stat_activity + pg_partition_tree · PostgreSQL 13+
-- The tables a migration touches, as two parallel text[] parameters (schema names, table names; bound,
-- never spliced into the text), then the long-transaction age in seconds and the row cap.
-- One row per session (or prepared transaction: pid NULL), target table and granted/waiting that
-- holds or waits for a relation lock on a target or one of its partitions (every table a transaction
-- touched stays locked until it ends, so this also finds long transactions that touched a target),
-- plus, with target NULL, the other transactions of this database older than the age: concurrent
-- index builds and validations wait for those too. pgops's own backend is left out.
WITH targets AS (
  SELECT t.nsp || '.' || t.rel AS target, c.oid AS relid
  FROM unnest(?::text[], ?::text[]) AS t(nsp, rel)
  JOIN pg_namespace n ON n.nspname = t.nsp
  JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = t.rel
),
rels AS (
  SELECT target, relid FROM targets
  UNION
  SELECT t.target, p.relid FROM targets t CROSS JOIN LATERAL pg_partition_tree(t.relid) p
),
held AS (
  SELECT r.target, l.pid, l.granted, array_agg(DISTINCT l.mode ORDER BY l.mode) AS modes
  FROM pg_locks l
  JOIN rels r ON r.relid = l.relation
  WHERE l.locktype = 'relation'
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.pid IS DISTINCT FROM pg_backend_pid()
  GROUP BY r.target, l.pid, l.granted
)
SELECT target, pid, user_name, application_name, state, backend_type, granted, lock_modes,
       xact_age_sec, state_age_sec, wait_event_type, wait_event, blocked_by
FROM (
  SELECT h.target, h.pid, a.usename::text AS user_name, a.application_name, a.state, a.backend_type,
         h.granted, h.modes::text[] AS lock_modes,
         extract(epoch FROM now() - a.xact_start)::bigint AS xact_age_sec,
         extract(epoch FROM now() - a.state_change)::bigint AS state_age_sec,
         a.wait_event_type, a.wait_event,
         CASE WHEN NOT h.granted AND h.pid IS NOT NULL THEN pg_blocking_pids(h.pid) END AS blocked_by
  FROM held h
  LEFT JOIN pg_stat_activity a ON a.pid = h.pid
  UNION ALL
  SELECT NULL, a.pid, a.usename::text, a.application_name, a.state, a.backend_type,
         NULL, NULL,
         extract(epoch FROM now() - a.xact_start)::bigint,
         extract(epoch FROM now() - a.state_change)::bigint,
         a.wait_event_type, a.wait_event, NULL
  FROM pg_stat_activity a
  WHERE a.datname = current_database()
    AND a.pid <> pg_backend_pid()
    AND a.xact_start < now() - ?::int * interval '1 second'
    AND NOT EXISTS (SELECT 1 FROM held h WHERE h.pid = a.pid)
) s
ORDER BY target NULLS LAST, granted, xact_age_sec DESC NULLS LAST, pid
LIMIT ?
