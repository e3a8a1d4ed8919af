-- control_system.sql · pg_control_system() · PostgreSQL 13+
-- The cluster's identity, to match backups to it. system_identifier is bigint (signed): the collector reads it as
-- an unsigned 64-bit value, the way pg_controldata and the backup tools print it.
SELECT system_identifier, pg_control_version, catalog_version_no
FROM pg_control_system()
