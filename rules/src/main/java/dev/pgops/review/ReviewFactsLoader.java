package dev.pgops.review;

import dev.pgops.collect.CollectOptions;
import dev.pgops.collect.ConnectionSpec;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.SnapshotCollector;
import dev.pgops.collect.review.ReviewTargetsCollector;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.StatementKind;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotFormatException;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where {@code pgops review} gets its {@link ReviewFacts}: a snapshot file ({@code --snapshot}) or a live
 * connection. Both go through {@link SnapshotFacts}; a live connection adds the sessions holding or waiting for
 * locks on the reviewed tables and every level of the migration role's {@code lock_timeout} /
 * {@code statement_timeout}. Sizes feed the severity escalation and the duration band of size-sensitive findings
 * ({@link DurationBand}: 50–250 MB/s of relation size; see {@link SnapshotFacts}).
 */
public final class ReviewFactsLoader {
  private ReviewFactsLoader() {}

  /** Facts and the snapshot they came from (to store or hash as evidence). */
  public record Loaded(ReviewFacts facts, Snapshot snapshot) {}

  /**
   * Facts from a snapshot file ({@code .json} or {@code .json.gz}); source "snapshot FILE".
   *
   * @param role the role the migration runs as; null: the role that collected the snapshot
   */
  public static ReviewFacts fromSnapshot(Path file, String role) throws IOException, SnapshotFormatException {
    return readSnapshot(file, role).facts();
  }

  public static Loaded readSnapshot(Path file, String role) throws IOException, SnapshotFormatException {
    Snapshot snapshot = SnapshotJson.read(file).snapshot();
    return new Loaded(SnapshotFacts.of(snapshot, "snapshot " + file, role), snapshot);
  }

  /**
   * Facts from a live server; source "live HOST:PORT/DB". One read-only session ({@link PgSession}: marker,
   * timeouts, {@code default_transaction_read_only}) runs the full snapshot collection, then the review's two live
   * statements ({@link ReviewTargetsCollector}). A failing collector or live statement becomes a note; only a
   * connection failure throws ({@link dev.pgops.collect.CollectException}, message without password).
   *
   * @param options collection options (timeouts, …); null: defaults
   * @param tables  the reviewed tables, normalised with {@link Names#normalize} ("public.orders"); see {@link #targetsOf}
   * @param role    the role the migration runs as; null: the connecting role
   */
  public static ReviewFacts live(ConnectionSpec spec, CollectOptions options, Set<String> tables, String role) {
    return liveWithSnapshot(spec, options, tables, role).facts();
  }

  public static Loaded liveWithSnapshot(ConnectionSpec spec, CollectOptions options, Set<String> tables, String role) {
    CollectOptions opts = options == null ? CollectOptions.defaults() : options;
    try (PgSession pg = PgSession.open(spec, opts.statementTimeoutMs(), opts.lockTimeoutMs())) {
      Snapshot snapshot = new SnapshotCollector(opts).collect(pg);
      String migrationRole = role == null || role.isBlank() ? snapshot.meta().connectedAs() : role;
      ReviewTargetsCollector targets = new ReviewTargetsCollector(tables, migrationRole);
      var live = SnapshotCollector.runOne(pg, targets, opts.timeoutFor(targets)).section();
      String source = "live " + spec.host() + ":" + spec.port() + "/" + spec.database();
      return new Loaded(SnapshotFacts.of(snapshot, source, migrationRole, live), snapshot);
    }
  }

  /**
   * Every relation the statements of these files name (the locked table first, then index, trigger, … names, which
   * simply match no table), normalised, sorted; SET / RESET parameters are left out.
   */
  public static Set<String> targetsOf(Collection<MigrationFile> files) {
    Set<String> out = new TreeSet<>();
    for (MigrationFile f : files) {
      if (f.failed()) continue;
      for (ClassifiedStatement c : f.statements()) {
        if (c.kind() == StatementKind.SET || c.kind() == StatementKind.RESET) continue;
        for (String t : c.targets() == null ? List.<String>of() : c.targets()) {
          String n = Names.normalize(t);
          if (n != null) out.add(n);
        }
      }
    }
    return out;
  }
}
