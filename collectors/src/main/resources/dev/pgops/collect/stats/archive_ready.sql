-- archive_ready.sql · pg_ls_archive_statusdir() · PostgreSQL 12+ (pg_monitor or superuser)
-- WAL segments waiting for the archiver: the .ready files, as pgwatch archiver_pending_count and pgmetrics count them.
-- Only segment files count (24 hex digits); .history and .backup files are archived too but are not backlog.
SELECT count(*) AS ready
FROM pg_ls_archive_statusdir()
WHERE name ~ '^[0-9A-F]{24}\.ready$'
