-- review_timeouts.sql · pg_db_role_setting + pg_settings · PostgreSQL 13+
-- lock_timeout and statement_timeout as a session of the migration role (the parameter; NULL: the
-- connecting role) on this database starts with them, one row per parameter, with every level that
-- sets it: ALTER ROLE … IN DATABASE, ALTER ROLE, ALTER DATABASE, ALTER ROLE ALL (pg_db_role_setting,
-- readable by every role). The server level (postgresql.conf, ALTER SYSTEM, command line, else the
-- built-in default) is pg_settings.reset_val, the value RESET returns to: pgops's session SETs its
-- own timeouts, which changes setting but not reset_val. reset_val also holds the pg_db_role_setting
-- entries that apply to pgops's own session, so it is the server level only when none does (no
-- database or all-roles value, own_role_setting false); a database or all-roles value shadows the
-- server level for the migration role too. (pg_file_settings would show the file values directly,
-- but only superusers may read it.)
WITH params(name) AS (VALUES ('lock_timeout'), ('statement_timeout')),
who AS (SELECT COALESCE(?::text, current_user::text) AS role_name),
ids AS (
  SELECT who.role_name,
         (SELECT oid FROM pg_database WHERE datname = current_database()) AS db,
         (SELECT oid FROM pg_roles WHERE rolname = who.role_name) AS role,
         (SELECT oid FROM pg_roles WHERE rolname = current_user) AS me
  FROM who
),
entries AS (
  SELECT s.setdatabase, s.setrole, split_part(c, '=', 1) AS name, substr(c, strpos(c, '=') + 1) AS value
  FROM ids
  JOIN pg_db_role_setting s ON s.setdatabase IN (0, ids.db) AND s.setrole IN (0, ids.role, ids.me)
  CROSS JOIN LATERAL unnest(s.setconfig) AS c
)
SELECT p.name,
       ids.role_name,
       ids.role IS NOT NULL AS role_exists,
       current_database() AS database,
       current_user AS connected_as,
       (SELECT e.value FROM entries e WHERE e.name = p.name AND e.setrole = ids.role AND e.setdatabase = ids.db) AS role_in_database,
       (SELECT e.value FROM entries e WHERE e.name = p.name AND e.setrole = ids.role AND e.setdatabase = 0) AS role_value,
       (SELECT e.value FROM entries e WHERE e.name = p.name AND e.setrole = 0 AND e.setdatabase = ids.db) AS database_value,
       (SELECT e.value FROM entries e WHERE e.name = p.name AND e.setrole = 0 AND e.setdatabase = 0) AS all_roles_value,
       EXISTS (SELECT 1 FROM entries e WHERE e.name = p.name AND e.setrole = ids.me) AS own_role_setting,
       st.reset_val,
       st.unit
FROM params p
CROSS JOIN ids
JOIN pg_settings st ON st.name = p.name
ORDER BY p.name
