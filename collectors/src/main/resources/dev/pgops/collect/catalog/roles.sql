-- roles.sql · pg_roles + pg_auth_members · PostgreSQL 13+
-- Used when the collecting role may not read pg_authid (pg_monitor): password type "unknown".
-- Predefined pg_* roles are left out.
SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcanlogin AS can_login,
       r.rolreplication AS replication, r.rolbypassrls AS bypass_rls, r.rolcreaterole AS create_role,
       r.rolcreatedb AS create_db, r.rolconnlimit AS connection_limit,
       CASE WHEN r.rolvaliduntil IN ('infinity', '-infinity') THEN NULL ELSE r.rolvaliduntil END AS valid_until,
       'unknown' AS password_type,
       ARRAY(SELECT DISTINCT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid ORDER BY 1) AS member_of,
       COALESCE(r.rolconfig, '{}')::text[] AS settings
FROM pg_roles r
WHERE r.rolname !~ '^pg_'
ORDER BY r.rolname
