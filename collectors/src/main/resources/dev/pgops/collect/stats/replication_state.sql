-- replication_state.sql · pg_is_in_recovery() · PostgreSQL 13+
-- The server's role and, on a standby, the delay since the last replayed transaction (NULL before any).
SELECT pg_is_in_recovery() AS in_recovery,
       CASE WHEN pg_is_in_recovery()
            THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::bigint END AS replay_delay_sec
