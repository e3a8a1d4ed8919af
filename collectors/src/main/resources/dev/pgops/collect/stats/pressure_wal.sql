-- pressure_wal.sql · pg_stat_wal · PostgreSQL 14+ (not sent on 13, which has no pg_stat_wal)
-- Only the columns that survive 18 (which removed wal_write, wal_sync and their times).
SELECT wal_records AS records, wal_fpi AS fpi, wal_bytes::bigint AS bytes, wal_buffers_full AS buffers_full,
       stats_reset
FROM pg_stat_wal
