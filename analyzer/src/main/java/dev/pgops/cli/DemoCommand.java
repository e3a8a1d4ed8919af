package dev.pgops.cli;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.plans.PlanOptions;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.demo.DemoDatabase;
import dev.pgops.report.Format;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an embedded PostgreSQL 17, load the sample shop database with its planted problems and a "
        + "short workload, run the full check, write the reports, and stop the server.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = "pgops-demo",
      description = "Where the reports and the snapshot go (default: ${DEFAULT-VALUE}).")
  Path outputDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(outputDir);
    Path work = Files.createTempDirectory("pgops-demo-pg");
    long start = System.nanoTime();
    Snapshot snapshot;
    try (DemoDatabase db = DemoDatabase.start(work, new PrintStream(System.err, true))) {
      ConnectionSpec conn = ConnectionSpec.resolve(db.jdbcUrl(), Map.of("PGUSER", db.user()), work);
      System.err.println("collecting…");
      snapshot = SnapshotCollector.collect(conn,
          CollectOptions.defaults().withClock(Clock.systemUTC()).withToolVersion(ToolVersion.get())
              // a throw-away sandbox: EXPLAIN ANALYZE (read-only, rolled back) gives the plan rules real row counts
              .withPlans(PlanOptions.defaults().withExplainAnalyze(true, 5, 5000)));
    } finally {
      deleteTree(work);
    }
    Path snapshotFile = outputDir.resolve("snapshot.json.gz");
    String sha256 = SnapshotJson.write(snapshot, snapshotFile);
    Pipeline.Result result = Pipeline.run(snapshot, sha256, PgopsConfig.defaults(),
        EnumSet.allOf(Format.class), outputDir, Clock.systemUTC().instant());
    Summary.print(out, snapshot, result, List.of(snapshotFile));
    out.printf("demo finished in %.1f s; open %s%n", (System.nanoTime() - start) / 1e9, outputDir.resolve("report.html"));
    return ExitCode.OK.code();
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // best effort: the temp directory is under java.io.tmpdir
    }
  }
}
