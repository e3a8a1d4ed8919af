-- roles_authid.sql · pg_roles + pg_auth_members + pg_authid · PostgreSQL 13+
-- Used only when has_table_privilege('pg_authid', 'SELECT'): reading pg_authid in a query fails for
-- everyone else even in an untaken CASE branch, hence a separate file rather than a CASE.
-- Only the kind of password is derived from rolpassword; the value never leaves the server.
SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcanlogin AS can_login,
       r.rolreplication AS replication, r.rolbypassrls AS bypass_rls, r.rolcreaterole AS create_role,
       r.rolcreatedb AS create_db, r.rolconnlimit AS connection_limit,
       CASE WHEN r.rolvaliduntil IN ('infinity', '-infinity') THEN NULL ELSE r.rolvaliduntil END AS valid_until,
       CASE WHEN a.rolpassword IS NULL THEN 'none'
            WHEN a.rolpassword LIKE 'SCRAM-SHA-256$%' THEN 'scram-sha-256'
            WHEN a.rolpassword LIKE 'md5%' THEN 'md5'
            ELSE 'plain' END AS password_type,
       ARRAY(SELECT DISTINCT g.rolname::text FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid ORDER BY 1) AS member_of,
       COALESCE(r.rolconfig, '{}')::text[] AS settings
FROM pg_roles r
JOIN pg_authid a ON a.oid = r.oid
WHERE r.rolname !~ '^pg_'
ORDER BY r.rolname
