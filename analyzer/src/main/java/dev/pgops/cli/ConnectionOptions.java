package dev.pgops.cli;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.plans.PlanOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where to connect and how gently: shared by collect and check. */
final class ConnectionOptions {
  @Option(names = {"-d", "--dbname"}, paramLabel = "URL",
      description = "JDBC URL (jdbc:postgresql://…) or libpq URI (postgresql://user@host:5432/db). "
          + "Without it, PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE and ~/.pgpass are used, like psql.")
  String url;

  @Option(names = "--statement-timeout", paramLabel = "MS", defaultValue = "5000",
      description = "statement_timeout for every collector query, in ms (default: ${DEFAULT-VALUE}).")
  long statementTimeoutMs;

  @Option(names = "--lock-timeout", paramLabel = "MS", defaultValue = "100",
      description = "lock_timeout for every collector query, in ms (default: ${DEFAULT-VALUE}).")
  long lockTimeoutMs;

  @Option(names = "--collector-timeout", paramLabel = "NAME=MS",
      description = "Per-collector statement_timeout override, e.g. --collector-timeout tableBloat=30000.")
  Map<String, Long> collectorTimeouts = new LinkedHashMap<>();

  @Option(names = "--plans", paramLabel = "N", defaultValue = "20",
      description = "Generic plans (EXPLAIN without executing) of the top N statements by total time (default: ${DEFAULT-VALUE}; 0: none).")
  int planCount;

  @Option(names = "--explain-analyze", paramLabel = "N", arity = "0..1", fallbackValue = "5",
      description = "Opt-in: also EXPLAIN ANALYZE up to N (default 5) top statements that parse as a single plain SELECT "
          + "without parameters, in a READ ONLY transaction that is always rolled back, under --analyze-timeout.")
  Integer explainAnalyze;

  @Option(names = "--analyze-timeout", paramLabel = "MS", defaultValue = "2000",
      description = "statement_timeout for each EXPLAIN ANALYZE, in ms (default: ${DEFAULT-VALUE}).")
  long analyzeTimeoutMs;

  ConnectionSpec spec() {
    return ConnectionSpec.resolve(url, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  CollectOptions options(Clock clock) {
    CollectOptions opts = CollectOptions.defaults()
        .withTimeouts(statementTimeoutMs, lockTimeoutMs)
        .withClock(clock)
        .withToolVersion(ToolVersion.get());
    for (var e : collectorTimeouts.entrySet()) opts = opts.withCollectorTimeout(e.getKey(), e.getValue());
    PlanOptions plans = PlanOptions.defaults().withPlanCount(planCount);
    if (explainAnalyze != null && explainAnalyze > 0) plans = plans.withExplainAnalyze(true, explainAnalyze, analyzeTimeoutMs);
    return opts.withPlans(plans);
  }
}
