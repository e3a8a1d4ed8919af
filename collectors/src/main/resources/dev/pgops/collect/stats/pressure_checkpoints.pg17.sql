-- pressure_checkpoints.pg17.sql · pg_stat_checkpointer · PostgreSQL 17
-- 17 moved the checkpoint counters out of pg_stat_bgwriter into pg_stat_checkpointer (num_timed,
-- num_requested, write_time, sync_time, buffers_written); num_done only arrives in 18.
SELECT num_timed AS timed, num_requested AS requested, NULL::bigint AS done,
       write_time AS write_time_ms, sync_time AS sync_time_ms, buffers_written, stats_reset
FROM pg_stat_checkpointer
