-- archive_ready_allowed.sql · may this role call pg_ls_archive_statusdir() (pg_monitor or superuser)?
-- Asked first, so a role without the grant gets "not collected" for the .ready count instead of a failed archiver.
SELECT has_function_privilege('pg_catalog.pg_ls_archive_statusdir()', 'EXECUTE') AS allowed
