package dev.pgops.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@code pgops drill run} was asked to do.
 *
 * @param tool         backup tool ({@code pgbackrest})
 * @param stanza       pgBackRest stanza
 * @param set          backup set label, or null for pgBackRest's choice
 * @param targetTime   recovery target time, or null for the end of the archived WAL ("latest")
 * @param targetDir    scratch directory (created; must be empty when it exists)
 * @param port         port for the scratch server, or null for a free one
 * @param verifySql    verification file, or null
 * @param keep         keep the restored directory (the server is stopped all the same)
 * @param config       pgbackrest.conf, or null for pgBackRest's default
 * @param pgBin        PostgreSQL binaries, or null for the lookup of {@link PgBinaries}
 * @param dbUser       role to connect as (a superuser of the restored cluster)
 * @param dbName       database to connect to
 * @param rtoTarget    RTO target, or null
 * @param rpoTarget    RPO target, or null
 * @param timeout      limit for the restore and for recovery, each
 * @param outputDir    where the record, the Markdown log and the drill log go
 * @param operator     who ran it, or null
 * @param changeRecord ticket / change id, or null
 * @param pgbackrest   the pgbackrest executable
 */
public record DrillOptions(String tool, String stanza, String set, Instant targetTime, Path targetDir, Integer port,
    Path verifySql, boolean keep, Path config, Path pgBin, String dbUser, String dbName, Duration rtoTarget,
    Duration rpoTarget, Duration timeout, Path outputDir, String operator, String changeRecord, String pgbackrest) {}
