-- slots.sql · pg_replication_slots · PostgreSQL 13+
-- wal_status and safe_wal_size exist since PG13. Retained WAL is measured from the current LSN, or on a
-- standby from pg_last_wal_receive_lsn(); xmin ages are NULL when the slot holds no xmin.
SELECT slot_name, slot_type, plugin, database, active, temporary, wal_status,
       CASE WHEN restart_lsn IS NULL THEN 0
            WHEN pg_is_in_recovery() THEN COALESCE(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), restart_lsn), 0)
            ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) END::bigint AS retained_bytes,
       safe_wal_size,
       age(xmin) AS xmin_age,
       age(catalog_xmin) AS catalog_xmin_age
FROM pg_replication_slots
ORDER BY slot_name
