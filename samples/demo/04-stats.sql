-- pgops demo database, part 4 of 4: maintenance and statistics, as a DBA would have left them.
--
-- Execution convention: see the header of 01-schema.sql. VACUUM cannot run inside a transaction
-- block, so each VACUUM is alone in its own "-- @statement" chunk.
--
-- Deliberately NOT a database-wide ANALYZE: import_staging must stay never analyzed
-- (never-analyzed), and cart_items is analyzed but never vacuumed, so that pg_stat_user_tables
-- shows its dead tuples (ANALYZE refreshes the n_live_tup / n_dead_tup estimates).

-- Flush this session's pending statistics (the DELETEs of part 3) first: a backend flushes its
-- counters at most once a second, and a flush landing after the VACUUM would re-add the dead tuples
-- VACUUM just removed. (PostgreSQL 15+; the demo runs on 17.)
-- @statement
SELECT pg_stat_force_next_flush();

-- table-bloat: plain VACUUM (not FULL) marks the purged space free but keeps the pages;
-- ANALYZE keeps pg_stats fresh so a bloat estimate from pg_stats sees ~80 % free space.
-- @statement
VACUUM (ANALYZE) notifications;

-- Routine statistics for everything else the application uses.
-- @statement
ANALYZE categories, products, customers, addresses, coupons, orders, order_items, payments,
        shipments, warehouses, inventory, reviews, audit_log, sessions, cart_items;
