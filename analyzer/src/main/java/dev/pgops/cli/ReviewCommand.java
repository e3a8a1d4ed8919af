package dev.pgops.cli;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.plans.PlanOptions;
import dev.pgops.findings.Severity;
import dev.pgops.migration.CrossCheck;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.report.ReportWriter;
import dev.pgops.report.ToolInfo;
import dev.pgops.report.review.ReviewFormat;
import dev.pgops.report.review.ReviewModel;
import dev.pgops.report.review.ReviewWriter;
import dev.pgops.review.ReviewEngine;
import dev.pgops.review.ReviewFacts;
import dev.pgops.review.ReviewFactsLoader;
import dev.pgops.review.ReviewOptions;
import dev.pgops.review.ReviewResult;
import dev.pgops.review.Runner;
import dev.pgops.review.TransactionMode;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.migrations.MigrationRules;
import dev.pgops.snapshot.SnapshotFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Review migration SQL before it runs: the lock, rewrite and scan of every statement on the server "
        + "version, the runner's transactions, findings with the safe alternative, and a filled migration plan.",
        "Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 usage error, 3 a file could not be read (3 wins over "
            + "1: the review is incomplete, the other files are still reviewed and reported)."})
final class ReviewCommand implements Callable<Integer> {
  private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
  private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|bytes|kb|mb|gb|tb)?\\s*");

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
      description = "Migration files, or directories whose *.sql files are read in migration order (V2 before V10).")
  List<Path> paths;

  @Option(names = "--runner", paramLabel = "RUNNER", defaultValue = "plain",
      description = "How the files run: plain (psql), flyway, liquibase, golang-migrate, rails, django, alembic, prisma, "
          + "sqitch (default: plain).")
  String runner;

  @Option(names = "--transaction", paramLabel = "MODE",
      description = "Override the runner's transaction model: per-file or none.")
  String transaction;

  @Option(names = "--pg-version", paramLabel = "VERSION",
      description = "The server version the migration will run on: a major (13-18) or a release (14.2). "
          + "Default: 13, the oldest supported, so no newer shortcut is assumed.")
  String pgVersion;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "A snapshot (pgops collect) of the target database: table sizes, rows, indexes, write rates, "
          + "inbound foreign keys, column types, role timeouts and the server version.")
  Path snapshot;

  @Option(names = {"-d", "--dbname"}, paramLabel = "URL",
      description = "Connect to the target database (read-only, as pgops collect): the snapshot facts plus the sessions "
          + "holding or waiting for locks on the reviewed tables right now and the role/database timeouts. "
          + "JDBC URL or postgresql:// URI; PGPASSWORD and ~/.pgpass are used like psql.")
  String dbname;

  @Option(names = "--role", paramLabel = "ROLE",
      description = "The role the migration runs as, for its lock_timeout / statement_timeout settings "
          + "(default: the connecting role, or the role that collected the snapshot).")
  String role;

  @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT", defaultValue = "text",
      description = "Outputs, comma-separated: text (stdout), md, html, json, sarif (default: text).")
  List<String> formats;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Directory for review.md / review.html / review.json / review.sarif and migration-plan.md "
          + "(written with md or html) (default: current directory).")
  Path outputDir;

  @Option(names = "--plan", paramLabel = "FILE", description = "Also write the filled migration plan to FILE.")
  Path plan;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 1 when a finding is at least this severe: critical, high, medium, low, info.")
  String failOn;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "pgops.yaml: rules.<id>.enabled / severity apply to the migration rules too.")
  Path config;

  @Option(names = "--small-table", paramLabel = "SIZE",
      description = "At or below: size-dependent findings are lowered (default 10MB).")
  String smallTable;

  @Option(names = "--large-table", paramLabel = "SIZE",
      description = "At or above: size-dependent findings are at least high (default 1GB).")
  String largeTable;

  @Option(names = "--huge-table", paramLabel = "SIZE",
      description = "At or above: size-dependent findings are critical (default 10GB).")
  String hugeTable;

  @Option(names = "--color", description = "Colour the text output (ANSI); off by default.")
  boolean color;

  @Spec CommandSpec spec;

  /** The major and server_version_num of --pg-version; null / 0 when not given. */
  private Integer pgMajor;
  private int pgVersionNum;

  @Override
  public Integer call() throws IOException {
    Timings timings = new Timings();
    ReviewOptions options = options();
    parsePgVersion();
    Set<ReviewFormat> outputs = formats();
    Severity failOnSeverity = ReportOptions.failOn(failOn);
    PgopsConfig cfg = Pipeline.config(config);
    if (snapshot != null && dbname != null) {
      throw new UserError(ExitCode.USAGE, "--snapshot and --dbname: give one source of database facts, not both");
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> sqlFiles = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.isDirectory(p)) {
        sqlFiles.add(p);
        continue;
      }
      List<Path> under = MigrationReader.sqlFilesUnder(p);
      if (under.isEmpty()) err.println("pgops: note: " + p + ": no *.sql files");
      sqlFiles.addAll(under);
    }
    timings.mark("options");
    List<MigrationFile> files = MigrationReader.readByTokens(sqlFiles);
    timings.mark("read");
    // JSqlParser's cross-check only decides classifiedBy: it runs on the second core while the review runs
    CrossCheck crossCheck = CrossCheck.start(files);
    ReviewFacts facts = facts(files, err);
    timings.mark("facts");
    // the migration rules only: the health rules (BuiltInRules.ALL) are not built for a review
    List<RuleDescriptor> rules = MigrationRules.DESCRIPTORS.stream().filter(r -> cfg.enabled(r.id())).toList();
    ReviewResult reviewed = new ReviewEngine(MigrationRules.DESCRIPTORS).review(files, facts, options, cfg);
    timings.mark("review");
    ReviewResult result = reviewed.withClassified(crossCheck.join());
    timings.mark("cross-check wait");
    ReviewModel model = ReviewModel.build(result, rules, ToolInfo.pgops(ToolVersion.get()), Clock.systemUTC().instant());
    timings.mark("model");
    for (MigrationFile f : files) {
      if (f.failed()) err.println("pgops: " + f.error());
    }
    err.flush();

    ReviewWriter writer = new ReviewWriter(Path.of(""));
    List<Path> written = new ArrayList<>();
    for (ReviewFormat f : outputs) {
      if (f == ReviewFormat.TEXT) continue;
      Path file = outputDir.resolve(f.fileName());
      writer.write(model, f, file);
      written.add(file);
    }
    if (outputs.contains(ReviewFormat.MARKDOWN) || outputs.contains(ReviewFormat.HTML)) {
      Path file = outputDir.resolve(ReportWriter.MIGRATION_PLAN_FILE);
      writer.writePlan(model, file);
      written.add(file);
    }
    if (plan != null) {
      writer.writePlan(model, plan);
      written.add(plan);
    }
    if (outputs.contains(ReviewFormat.TEXT)) {
      out.print(writer.renderText(model, color));
    } else {
      ReviewModel.Header h = model.header();
      out.printf("pgops review: %d file%s, %d statement%s, %s, %d suppressed%n", h.fileCount(),
          h.fileCount() == 1 ? "" : "s", h.statementCount(), h.statementCount() == 1 ? "" : "s",
          model.severitySummary(), h.suppressedCount());
    }
    for (Path w : written) out.println("wrote " + w);
    out.flush();
    timings.mark("write");
    timings.print(err);
    if (!result.failedFiles().isEmpty()) return ExitCode.RUNTIME.code();
    return ExitCode.of(result.findings(), failOnSeverity).code();
  }

  /**
   * What the review knows about the database: a snapshot ({@code --snapshot}) or a live connection ({@code -d});
   * without either only the version ({@code --pg-version}, else the assumed default). The database's version wins
   * over --pg-version (a differing one is noted).
   */
  private ReviewFacts facts(List<MigrationFile> files, PrintWriter err) {
    ReviewFacts facts;
    if (snapshot != null) {
      try {
        facts = ReviewFactsLoader.fromSnapshot(snapshot, role);
      } catch (SnapshotFormatException e) {
        throw new UserError(ExitCode.RUNTIME, e.getMessage());
      } catch (IOException e) {
        throw new UserError(ExitCode.RUNTIME, snapshot + ": cannot read snapshot ("
            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName()) + ")");
      }
    } else if (dbname != null) {
      ConnectionSpec conn = ConnectionSpec.resolve(dbname, System.getenv(), Path.of(System.getProperty("user.home")));
      CollectOptions opts = CollectOptions.defaults().withClock(Clock.systemUTC()).withToolVersion(ToolVersion.get())
          .withPlans(PlanOptions.defaults().withPlanCount(0)); // plans of the workload are not needed for a review
      facts = ReviewFactsLoader.live(conn, opts, ReviewFactsLoader.targetsOf(files), role);
    } else {
      facts = ReviewFacts.none(pgMajor);
      if (pgVersionNum > 0) {
        facts = new ReviewFacts(facts.source(), facts.major(), pgVersionNum, true, facts.tables(), facts.timeouts(),
            facts.notes());
      }
      return facts;
    }
    if (pgMajor != null && pgMajor != facts.major()) {
      err.println("pgops: note: --pg-version " + pgVersion + " ignored: the database is PostgreSQL " + facts.major());
    }
    for (String note : facts.notes()) err.println("pgops: note: " + note);
    return facts;
  }

  private ReviewOptions options() {
    ReviewOptions o = ReviewOptions.defaults();
    try {
      o = o.withRunner(Runner.parse(runner));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, "--runner: " + e.getMessage());
    }
    if (transaction != null) {
      TransactionMode m = switch (transaction.trim().toLowerCase(Locale.ROOT)) {
        case "per-file", "per_file", "perfile" -> TransactionMode.PER_FILE;
        case "none" -> TransactionMode.NONE;
        default -> throw new UserError(ExitCode.USAGE, "--transaction: unknown mode '" + transaction
            + "' (valid: per-file, none)");
      };
      o = o.withTransactionMode(m);
    }
    if (smallTable != null || largeTable != null || hugeTable != null) {
      long small = size("--small-table", smallTable, o.smallTableBytes());
      long large = size("--large-table", largeTable, o.largeTableBytes());
      long huge = size("--huge-table", hugeTable, o.hugeTableBytes());
      try {
        o = o.withSizes(small, large, huge);
      } catch (IllegalArgumentException e) {
        throw new UserError(ExitCode.USAGE, "--small-table/--large-table/--huge-table: " + e.getMessage());
      }
    }
    return o;
  }

  /** "1GB", "500MB", "1.5 GB", "100kB", "4096" (bytes); binary units, as pg_size_pretty. */
  static long size(String option, String value, long dflt) {
    if (value == null) return dflt;
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) throw new UserError(ExitCode.USAGE, option + ": '" + value + "' is not a size (e.g. 500MB, 1GB)");
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long mult = switch (unit) {
      case "kb" -> 1024L;
      case "mb" -> 1024L * 1024;
      case "gb" -> 1024L * 1024 * 1024;
      case "tb" -> 1024L * 1024 * 1024 * 1024;
      default -> 1L;
    };
    return (long) (n * mult);
  }

  private void parsePgVersion() {
    if (pgVersion == null) return;
    Matcher m = VERSION.matcher(pgVersion.trim());
    int major = m.matches() ? Integer.parseInt(m.group(1)) : -1;
    if (major < 13 || major > 18) {
      throw new UserError(ExitCode.USAGE, "--pg-version: '" + pgVersion
          + "' is not a supported version (valid: 13, 14, 15, 16, 17, 18, or a release such as 14.2)");
    }
    pgMajor = major;
    if (m.group(2) != null) pgVersionNum = major * 10000 + Integer.parseInt(m.group(2));
  }

  private Set<ReviewFormat> formats() {
    Set<ReviewFormat> out = EnumSet.noneOf(ReviewFormat.class);
    for (String f : formats) {
      try {
        out.add(ReviewFormat.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UserError(ExitCode.USAGE, "--format: " + e.getMessage());
      }
    }
    return out;
  }
}
