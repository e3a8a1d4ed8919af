-- pressure_bgwriter.pg17.sql · pg_stat_bgwriter · PostgreSQL 17+
-- 17 removed buffers_backend and buffers_backend_fsync (pg_stat_io has backend writes): NULL here.
SELECT buffers_clean, maxwritten_clean, buffers_alloc, NULL::bigint AS buffers_backend,
       NULL::bigint AS buffers_backend_fsync, stats_reset
FROM pg_stat_bgwriter
