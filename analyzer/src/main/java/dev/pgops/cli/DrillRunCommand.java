package dev.pgops.cli;

import dev.pgops.drill.DrillOptions;
import dev.pgops.drill.DrillRunner;
import dev.pgops.drill.DurationArg;
import dev.pgops.drill.VerifyScript;
import dev.pgops.snapshot.DrillRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Restore a backup into a scratch directory, start it on its own port, wait for recovery, verify,",
        "time each phase, stop it and remove the data; writes drill-<id>.json, drill-<id>.md and drill-<id>.log.",
        "Never writes to the source server or the repository. Exit 0 pass, 1 drill failed, 2 usage error."})
final class DrillRunCommand implements Callable<Integer> {
  @Option(names = "--tool", paramLabel = "TOOL", defaultValue = "pgbackrest", description = "Backup tool: pgbackrest.")
  String tool;

  @Option(names = "--stanza", paramLabel = "STANZA", required = true, description = "pgBackRest stanza to restore.")
  String stanza;

  @Option(names = "--set", paramLabel = "LABEL", description = "Backup set to restore (default: pgBackRest's choice, the latest).")
  String set;

  @Option(names = "--target-time", paramLabel = "TIME",
      description = "Recover to this time and promote (ISO-8601, e.g. 2026-11-24T09:00:00Z); default: the end of the archived WAL.")
  String targetTime;

  @Option(names = "--target-dir", paramLabel = "DIR", required = true,
      description = "Scratch directory (created; when it exists it must be empty): DIR/data, DIR/tablespaces.")
  Path targetDir;

  @Option(names = "--port", paramLabel = "N", description = "Port for the scratch server on 127.0.0.1 (default: a free one).")
  Integer port;

  @Option(names = "--verify-sql", paramLabel = "FILE",
      description = "Verification statements with '-- expect: VALUE' / '-- rpo' markers (see README, Restore drills).")
  Path verifySql;

  @Option(names = "--keep", description = "Keep the restored data directory (the server is stopped all the same).")
  boolean keep;

  @Option(names = "--config", paramLabel = "FILE", description = "pgbackrest.conf (default: pgBackRest's own default).")
  Path config;

  @Option(names = "--pg-bin", paramLabel = "DIR",
      description = "PostgreSQL server binaries of the backup's major (default: looked up, see README).")
  Path pgBin;

  @Option(names = "--pgbackrest", paramLabel = "PATH", defaultValue = "pgbackrest",
      description = "The pgbackrest executable (default: pgbackrest on PATH).")
  String pgbackrest;

  @Option(names = "--db-user", paramLabel = "ROLE", defaultValue = "postgres",
      description = "Superuser of the restored cluster to verify as (default: postgres).")
  String dbUser;

  @Option(names = "--database", paramLabel = "NAME", defaultValue = "postgres",
      description = "Database to connect to (default: postgres; '-- database:' in the verify file switches).")
  String database;

  @Option(names = "--rto", paramLabel = "DURATION", description = "RTO target, recorded and compared (900, 15m, 1h30m, PT15M).")
  String rto;

  @Option(names = "--rpo", paramLabel = "DURATION", description = "RPO target, recorded and compared.")
  String rpo;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h",
      description = "Limit for the restore and for recovery, each (default: 1h).")
  String timeout;

  @Option(names = {"-o", "--output", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Where the drill files go (default: current directory).")
  Path output;

  @Option(names = "--operator", paramLabel = "NAME", description = "Who ran the drill.")
  String operator;

  @Option(names = "--change", paramLabel = "ID", description = "Change record / ticket, e.g. CHG-1.")
  String change;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!tool.equals("pgbackrest")) throw new UserError(ExitCode.USAGE, "--tool " + tool + " is not supported (valid: pgbackrest)");
    if (port != null && (port < 1 || port > 65535)) throw new UserError(ExitCode.USAGE, "--port " + port + " is not a port");
    Instant target = targetTime == null ? null : instant(targetTime);
    if (verifySql != null) {
      try {
        VerifyScript.read(verifySql);
      } catch (IOException e) {
        throw new UserError(ExitCode.USAGE, "--verify-sql " + verifySql + ": cannot read (" + e.getMessage() + ")");
      } catch (VerifyScript.InvalidScriptException e) {
        throw new UserError(ExitCode.USAGE, "--verify-sql " + e.getMessage());
      }
    }
    if (config != null && !Files.isRegularFile(config)) throw new UserError(ExitCode.USAGE, "--config " + config + ": no such file");
    checkTargetDir(targetDir);
    DrillOptions o = new DrillOptions(tool, stanza, set, target, targetDir, port, verifySql, keep, config, pgBin, dbUser,
        database, duration("--rto", rto), duration("--rpo", rpo), duration("--timeout", timeout), output, operator,
        change, pgbackrest);
    var err = spec.commandLine().getErr();
    boolean tty = System.console() != null;
    DrillRunner.Outcome outcome = new DrillRunner(Clock.systemUTC(), msg -> {
      if (tty) {
        err.println("pgops drill: " + msg);
        err.flush();
      }
    }).run(o);
    DrillRecord r = outcome.record();
    List<Path> files = DrillFiles.write(r, outcome.log(), output);
    DrillFiles.summary(spec.commandLine().getOut(), r, files);
    if (!r.passed()) {
      err.println("pgops: drill failed: " + r.failure());
      err.flush();
      return ExitCode.FINDINGS.code();
    }
    return ExitCode.OK.code();
  }

  private static void checkTargetDir(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new UserError(ExitCode.USAGE, "--target-dir " + dir + " is not a directory");
    try (Stream<Path> s = Files.list(dir)) {
      if (s.findAny().isPresent()) {
        throw new UserError(ExitCode.USAGE, "--target-dir " + dir + " is not empty: a drill restores only into an empty or new directory");
      }
    } catch (IOException e) {
      throw new UserError(ExitCode.USAGE, "--target-dir " + dir + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** ISO-8601 with an offset, or a local date-time taken as UTC ("2026-11-24T09:00:00", "2026-11-24 09:00:00"). */
  static Instant instant(String text) {
    String s = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new UserError(ExitCode.USAGE, "--target-time '" + text + "' is not an ISO-8601 time (e.g. 2026-11-24T09:00:00Z)");
      }
    }
  }

  private static Duration duration(String option, String text) {
    if (text == null) return null;
    try {
      return DurationArg.parse(option, text);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }
}
