-- standbys.sql · pg_stat_replication · PostgreSQL 13+
-- Standbys streaming from this server. Byte lag needs pg_current_wal_lsn(), which fails during
-- recovery (cascading standby): 0 there.
SELECT application_name, client_addr::text AS client_address, state, sync_state,
       CASE WHEN pg_is_in_recovery() OR replay_lsn IS NULL THEN 0
            ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) END::bigint AS lag_bytes,
       extract(epoch FROM write_lag)::float8 AS write_lag_sec,
       extract(epoch FROM flush_lag)::float8 AS flush_lag_sec,
       extract(epoch FROM replay_lag)::float8 AS replay_lag_sec
FROM pg_stat_replication
ORDER BY application_name, pid
