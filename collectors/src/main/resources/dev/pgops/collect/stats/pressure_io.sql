-- pressure_io.sql · pg_stat_io · PostgreSQL 16+ (not sent before 16, which has no pg_stat_io)
-- Rows with any activity only; columns common to 16–18 (18 replaced op_bytes with *_bytes columns).
-- NULL means "not applicable" for that backend type / object / context and is kept as NULL.
SELECT backend_type::text, object::text, context::text, reads, writes, writebacks, extends, hits, evictions,
       reuses, fsyncs, read_time AS read_time_ms, write_time AS write_time_ms
FROM pg_stat_io
WHERE coalesce(reads, 0) + coalesce(writes, 0) + coalesce(writebacks, 0) + coalesce(extends, 0)
      + coalesce(hits, 0) + coalesce(evictions, 0) + coalesce(reuses, 0) + coalesce(fsyncs, 0) > 0
ORDER BY backend_type, object, context
