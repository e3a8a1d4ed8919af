-- pressure_checkpoints.pg18.sql · pg_stat_checkpointer · PostgreSQL 18+
-- 18 added num_done: checkpoints that completed (num_timed + num_requested also count skipped ones).
SELECT num_timed AS timed, num_requested AS requested, num_done AS done,
       write_time AS write_time_ms, sync_time AS sync_time_ms, buffers_written, stats_reset
FROM pg_stat_checkpointer
