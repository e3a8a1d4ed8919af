-- pressure_checkpoints.sql · pg_stat_bgwriter · PostgreSQL 13–16
-- Before 17 the checkpoint counters live in pg_stat_bgwriter; there is no count of completed checkpoints.
SELECT checkpoints_timed AS timed, checkpoints_req AS requested, NULL::bigint AS done,
       checkpoint_write_time AS write_time_ms, checkpoint_sync_time AS sync_time_ms,
       buffers_checkpoint AS buffers_written, stats_reset
FROM pg_stat_bgwriter
