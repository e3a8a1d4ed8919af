-- index_bloat.sql · pg_index + pg_class + pg_attribute + pg_stats · PostgreSQL 13+
-- Catalog-only btree bloat estimate after ioguix/pgsql-bloat-estimation (btree_bloat.sql): expected
-- pages = reltuples index tuples of the pg_stats average key width (expression keys: the index's own
-- statistics) at the index fillfactor (default 90). Deduplication (PG13+) can make real indexes smaller
-- than "expected" (negative bloat). stats_missing when a key has no pg_stats row.
-- Indexes under 10 pages are skipped.
SELECT schema_name, table_name, index_name,
       (bs * relpages)::bigint AS actual_bytes,
       (bs * est_pages_ff)::bigint AS expected_bytes,
       is_na AS stats_missing
FROM (
  SELECT COALESCE(1 + ceil(reltuples / NULLIF(floor((bs - pageopqdata - pagehdr) * fillfactor / (100 * (4 + nulldatahdrwidth)::float)), 0)), 0) AS est_pages_ff,
         bs, schema_name, table_name, index_name, relpages, is_na
  FROM (
    SELECT maxalign, bs, schema_name, table_name, index_name, reltuples, relpages, fillfactor,
           (index_tuple_hdr_bm
              + maxalign - CASE WHEN index_tuple_hdr_bm % maxalign = 0 THEN maxalign ELSE index_tuple_hdr_bm % maxalign END
              + nulldatawidth + maxalign - CASE WHEN nulldatawidth = 0 THEN 0
                                                WHEN nulldatawidth::integer % maxalign = 0 THEN maxalign
                                                ELSE nulldatawidth::integer % maxalign END
           )::numeric AS nulldatahdrwidth,
           pagehdr, pageopqdata, is_na
    FROM (
      SELECT n.nspname AS schema_name, i.tblname AS table_name, i.idxname AS index_name,
             greatest(i.reltuples, 0) AS reltuples, i.relpages, i.fillfactor,
             current_setting('block_size')::numeric AS bs,
             CASE WHEN version() ~ 'mingw32' OR version() ~ '64-bit|x86_64|ppc64|ia64|amd64|aarch64' THEN 8 ELSE 4 END AS maxalign,
             24 AS pagehdr,
             16 AS pageopqdata,
             CASE WHEN max(COALESCE(s.null_frac, 0)) = 0 THEN 8 ELSE 8 + ((32 + 8 - 1) / 8) END AS index_tuple_hdr_bm,
             sum((1 - COALESCE(s.null_frac, 0)) * COALESCE(s.avg_width, 1024)) AS nulldatawidth,
             bool_or(i.atttypid = 'pg_catalog.name'::regtype) OR count(*) <> count(s.attname) AS is_na
      FROM (
        SELECT ct.relname AS tblname, ct.relnamespace, ic.idxname, ic.reltuples, ic.relpages, ic.idxoid, ic.fillfactor,
               COALESCE(a1.attname, a2.attname) AS attname,
               COALESCE(a1.atttypid, a2.atttypid) AS atttypid,
               CASE WHEN a1.attnum IS NULL THEN ic.idxname ELSE ct.relname END AS attrelname
        FROM (
          SELECT idxname, reltuples, relpages, tbloid, idxoid, fillfactor, indkey,
                 generate_series(1, indnatts) AS attpos
          FROM (
            SELECT ci.relname AS idxname, ci.reltuples, ci.relpages, i.indrelid AS tbloid,
                   i.indexrelid AS idxoid,
                   COALESCE(substring(array_to_string(ci.reloptions, ' ') FROM 'fillfactor=([0-9]+)')::smallint, 90) AS fillfactor,
                   i.indnatts,
                   string_to_array(textin(int2vectorout(i.indkey)), ' ')::int[] AS indkey
            FROM pg_index i
            JOIN pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ci.relam AND am.amname = 'btree'
            WHERE ci.relpages >= 10 AND ci.relkind = 'i'
          ) AS idx_data
        ) AS ic
        JOIN pg_class ct ON ct.oid = ic.tbloid
        LEFT JOIN pg_attribute a1 ON ic.indkey[ic.attpos] <> 0 AND a1.attrelid = ic.tbloid AND a1.attnum = ic.indkey[ic.attpos]
        LEFT JOIN pg_attribute a2 ON ic.indkey[ic.attpos] = 0 AND a2.attrelid = ic.idxoid AND a2.attnum = ic.attpos
      ) AS i
      JOIN pg_namespace n ON n.oid = i.relnamespace
      LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = i.attrelname AND s.attname = i.attname
           AND s.inherited = false
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
      GROUP BY n.nspname, i.tblname, i.idxname, i.reltuples, i.relpages, i.idxoid, i.fillfactor
    ) AS rows_data_stats
  ) AS rows_hdr_pdg_stats
) AS relation_stats
ORDER BY schema_name, table_name, index_name
