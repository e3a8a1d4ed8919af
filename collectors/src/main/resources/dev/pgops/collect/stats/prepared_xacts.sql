-- prepared_xacts.sql · pg_prepared_xacts · PostgreSQL 13+
-- Two-phase transactions left prepared: they hold locks and the xmin horizon until committed or rolled back.
SELECT gid, owner, database, extract(epoch FROM now() - prepared)::bigint AS age_sec,
       age(transaction) AS xid_age
FROM pg_prepared_xacts
ORDER BY prepared, gid
