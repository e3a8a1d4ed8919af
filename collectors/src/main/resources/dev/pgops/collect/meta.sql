-- meta.sql · server_version, pg_roles, pg_stat_database · PostgreSQL 13+
-- Who and where: server version, database, role, its superuser flag and monitoring memberships,
-- recovery state, postmaster start and the statistics window of the connected database.
SELECT current_setting('server_version') AS server_version,
       current_setting('server_version_num')::int AS server_version_num,
       current_database() AS database,
       current_user AS connected_as,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
       ARRAY(SELECT r FROM unnest(ARRAY['pg_monitor', 'pg_read_all_settings', 'pg_read_all_stats']) AS r
             WHERE pg_has_role(current_user, r, 'MEMBER') ORDER BY r) AS member_of,
       pg_is_in_recovery() AS in_recovery,
       pg_postmaster_start_time() AS postmaster_started_at,
       (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()) AS stats_reset
