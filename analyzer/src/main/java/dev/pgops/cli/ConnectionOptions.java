package dev.pgops.cli;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
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

  ConnectionSpec spec() {
    return ConnectionSpec.resolve(url, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  CollectOptions options(Clock clock) {
    CollectOptions opts = CollectOptions.defaults()
        .withTimeouts(statementTimeoutMs, lockTimeoutMs)
        .withClock(clock)
        .withToolVersion(ToolVersion.get());
    for (var e : collectorTimeouts.entrySet()) opts = opts.withCollectorTimeout(e.getKey(), e.getValue());
    return opts;
  }
}
