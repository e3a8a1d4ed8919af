-- table_bloat.sql · pg_class + pg_attribute + pg_stats · PostgreSQL 13+
-- Catalog-only table bloat estimate after ioguix/pgsql-bloat-estimation (table_bloat.sql): the expected
-- size is what reltuples rows of the pg_stats average width need at the table's fillfactor, heap plus
-- TOAST pages; no pgstattuple, no table scan. stats_missing when a column has no pg_stats row (never
-- analyzed, or the role may not read that column's statistics) or a "name" column skews the widths.
-- Tables under 10 pages are skipped: too small for the estimate to mean anything.
SELECT schema_name, table_name,
       (bs * tblpages)::bigint AS actual_bytes,
       (bs * est_tblpages_ff)::bigint AS expected_bytes,
       is_na AS stats_missing
FROM (
  SELECT ceil(reltuples / ((bs - page_hdr) * fillfactor / (tpl_size * 100))) + ceil(toasttuples / 4) AS est_tblpages_ff,
         tblpages, bs, schema_name, table_name, is_na
  FROM (
    SELECT (4 + tpl_hdr_size + tpl_data_size + (2 * ma)
              - CASE WHEN tpl_hdr_size % ma = 0 THEN ma ELSE tpl_hdr_size % ma END
              - CASE WHEN ceil(tpl_data_size)::int % ma = 0 THEN ma ELSE ceil(tpl_data_size)::int % ma END
           ) AS tpl_size,
           (heappages + toastpages) AS tblpages, reltuples, toasttuples, bs, page_hdr,
           schema_name, table_name, fillfactor, is_na
    FROM (
      SELECT ns.nspname AS schema_name, tbl.relname AS table_name,
             greatest(tbl.reltuples, 0) AS reltuples,
             tbl.relpages AS heappages,
             COALESCE(toast.relpages, 0) AS toastpages,
             COALESCE(greatest(toast.reltuples, 0), 0) AS toasttuples,
             COALESCE(substring(array_to_string(tbl.reloptions, ' ') FROM 'fillfactor=([0-9]+)')::smallint, 100) AS fillfactor,
             current_setting('block_size')::numeric AS bs,
             CASE WHEN version() ~ 'mingw32' OR version() ~ '64-bit|x86_64|ppc64|ia64|amd64|aarch64' THEN 8 ELSE 4 END AS ma,
             24 AS page_hdr,
             23 + CASE WHEN max(COALESCE(s.null_frac, 0)) > 0 THEN (7 + count(*)) / 8 ELSE 0::int END AS tpl_hdr_size,
             sum((1 - COALESCE(s.null_frac, 0)) * COALESCE(s.avg_width, 0)) AS tpl_data_size,
             bool_or(att.atttypid = 'pg_catalog.name'::regtype) OR count(*) <> count(s.attname) AS is_na
      FROM pg_attribute att
      JOIN pg_class tbl ON tbl.oid = att.attrelid
      JOIN pg_namespace ns ON ns.oid = tbl.relnamespace
      LEFT JOIN pg_stats s ON s.schemaname = ns.nspname AND s.tablename = tbl.relname
           AND s.inherited = false AND s.attname = att.attname
      LEFT JOIN pg_class toast ON toast.oid = tbl.reltoastrelid
      WHERE att.attnum > 0 AND NOT att.attisdropped
        AND tbl.relkind IN ('r', 'm')
        AND tbl.relpages >= 10
        AND ns.nspname NOT IN ('pg_catalog', 'information_schema')
        AND ns.nspname NOT LIKE 'pg\_toast%' AND ns.nspname NOT LIKE 'pg\_temp%'
      GROUP BY ns.nspname, tbl.relname, tbl.reltuples, tbl.relpages, toast.relpages, toast.reltuples, tbl.reloptions
    ) AS s1
  ) AS s2
) AS s3
ORDER BY schema_name, table_name
