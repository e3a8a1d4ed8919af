-- databases.pg14.sql · pg_database + pg_stat_database · PostgreSQL 14+
-- PG14 added the session counters to pg_stat_database; this variant reads them (same column aliases).
-- Sizes only where the role may connect or reads all stats (pg_monitor).
SELECT d.datname AS name,
       CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR pg_has_role('pg_read_all_stats', 'USAGE')
            THEN pg_database_size(d.oid) ELSE 0 END AS size_bytes,
       d.datallowconn AS allow_connections,
       d.datconnlimit AS connection_limit,
       age(d.datfrozenxid) AS xid_age,
       mxid_age(d.datminmxid) AS mxid_age,
       COALESCE(s.numbackends, 0) AS backends,
       COALESCE(s.xact_commit, 0) AS xact_commit,
       COALESCE(s.xact_rollback, 0) AS xact_rollback,
       COALESCE(s.blks_read, 0) AS blks_read,
       COALESCE(s.blks_hit, 0) AS blks_hit,
       COALESCE(s.temp_files, 0) AS temp_files,
       COALESCE(s.temp_bytes, 0) AS temp_bytes,
       COALESCE(s.deadlocks, 0) AS deadlocks,
       COALESCE(s.conflicts, 0) AS conflicts,
       s.checksum_failures,
       s.checksum_last_failure,
       s.sessions,
       s.sessions_abandoned,
       s.sessions_fatal,
       s.sessions_killed,
       s.stats_reset
FROM pg_database d
LEFT JOIN pg_stat_database s ON s.datid = d.oid
ORDER BY d.datname
