-- pressure_bgwriter.sql · pg_stat_bgwriter · PostgreSQL 13–16
-- Background writer counters; buffers_backend(_fsync) count writes backends had to do themselves.
SELECT buffers_clean, maxwritten_clean, buffers_alloc, buffers_backend, buffers_backend_fsync, stats_reset
FROM pg_stat_bgwriter
