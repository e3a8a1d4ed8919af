package dev.pgops.collect;

import dev.pgops.backup.BackupToolCollector;
import dev.pgops.backup.ControlDataCollector;
import dev.pgops.collect.catalog.ColumnsCollector;
import dev.pgops.collect.catalog.ConstraintsCollector;
import dev.pgops.collect.catalog.DatabasesCollector;
import dev.pgops.collect.catalog.ExtensionsCollector;
import dev.pgops.collect.catalog.IndexBloatCollector;
import dev.pgops.collect.catalog.IndexesCollector;
import dev.pgops.collect.catalog.RolesCollector;
import dev.pgops.collect.catalog.SequencesCollector;
import dev.pgops.collect.catalog.SettingsCollector;
import dev.pgops.collect.catalog.TableBloatCollector;
import dev.pgops.collect.catalog.TablesCollector;
import dev.pgops.collect.plans.PlansCollector;
import dev.pgops.collect.statements.StatementsCollector;
import dev.pgops.collect.stats.ActivityCollector;
import dev.pgops.collect.stats.ArchiverCollector;
import dev.pgops.collect.stats.PressureCollector;
import dev.pgops.collect.stats.ReplicationCollector;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.Statements;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs every collector over one {@link PgSession} and assembles a {@link Snapshot}. A collector that
 * throws never aborts the run: insufficient privilege (SQLState 42501) and {@link CollectorSkipped}
 * make it SKIPPED, anything else FAILED ({@link CollectorFailed}'s message is the reason as is); its section becomes
 * {@link Section.Unavailable}. Only a
 * connection failure (or losing the connection before the meta block is read) throws.
 */
public final class SnapshotCollector {
  private static final VersionedSql META = VersionedSql.of(SnapshotCollector.class, "meta");
  static final String INSUFFICIENT_PRIVILEGE = "42501";
  public static final String NO_BACKUP_TOOL = "no backup tool configured (collect with --backup-tool and --backup-name"
      + " or --backup-info)";

  private final CollectOptions options;

  public SnapshotCollector(CollectOptions options) {
    this.options = options == null ? CollectOptions.defaults() : options;
  }

  /** Convenience: {@code new SnapshotCollector(opts).collect(spec)}. */
  public static Snapshot collect(ConnectionSpec spec, CollectOptions opts) {
    return new SnapshotCollector(opts).collect(spec);
  }

  /** The collectors in run order, one per snapshot section. */
  public List<Collector<?>> collectors() {
    return List.of(new SettingsCollector(), new DatabasesCollector(), new TablesCollector(), new IndexesCollector(),
        new ConstraintsCollector(), new ColumnsCollector(), new SequencesCollector(), new TableBloatCollector(),
        new IndexBloatCollector(), new ActivityCollector(options.maxSessions()), new ReplicationCollector(),
        new ArchiverCollector(), new RolesCollector(), new ExtensionsCollector(), new StatementsCollector(options),
        new PressureCollector(), new ControlDataCollector());
  }

  public Snapshot collect(ConnectionSpec spec) {
    try (PgSession pg = PgSession.open(spec, options.statementTimeoutMs(), options.lockTimeoutMs())) {
      return collect(pg);
    }
  }

  /**
   * Collects over a session the caller opened (with this collector's timeouts) and keeps open, so that more
   * statements can follow on the same connection ({@code pgops review} adds its live facts this way).
   */
  public Snapshot collect(PgSession pg) {
    Instant collectedAt = options.clock().instant();
    ConnectionSpec spec = pg.spec();
    Meta meta;
    try {
      meta = readMeta(pg, collectedAt);
    } catch (SQLException e) {
      throw new CollectException("cannot read server facts from " + spec.describe() + ": "
          + PgSession.oneLine(spec.redact(e.getMessage())), null);
    }
    List<CollectorRun> runs = new ArrayList<>();
    Runner r = new Runner(pg, runs);
    Section<Statements> statements;
    Snapshot snapshot = new Snapshot(meta,
        r.run(new SettingsCollector()),
        r.run(new DatabasesCollector()),
        r.run(new TablesCollector()),
        r.run(new IndexesCollector()),
        r.run(new ConstraintsCollector()),
        r.run(new ColumnsCollector()),
        r.run(new SequencesCollector()),
        r.run(new TableBloatCollector()),
        r.run(new IndexBloatCollector()),
        r.run(new ActivityCollector(options.maxSessions())),
        r.run(new ReplicationCollector()),
        r.run(new ArchiverCollector()),
        r.run(new RolesCollector()),
        r.run(new ExtensionsCollector()),
        statements = r.run(new StatementsCollector(options)),
        r.plans(statements),
        r.run(new PressureCollector()));
    snapshot = snapshot.withBackups(r.run(new ControlDataCollector()), r.backupTools(), snapshot.drills());
    return snapshot.withMeta(meta.withCollectors(runs));
  }

  private Meta readMeta(PgSession pg, Instant collectedAt) throws SQLException {
    TreeMap<String, Long> perCollector = new TreeMap<>();
    for (Collector<?> c : collectors()) perCollector.put(c.name(), options.timeoutFor(c));
    Meta.Timeouts timeouts = new Meta.Timeouts(options.statementTimeoutMs(), options.lockTimeoutMs(), perCollector);
    Meta m = pg.queryOne(META.forMajor(13), rs -> new Meta(Meta.SCHEMA_VERSION, options.toolVersion(), collectedAt,
        rs.getString("server_version"), new PgVersion(rs.getInt("server_version_num")), rs.getString("database"),
        rs.getString("connected_as"), rs.getBoolean("superuser"), Rows.strings(rs, "member_of"),
        rs.getBoolean("in_recovery"), Rows.instant(rs, "postmaster_started_at"), Rows.instant(rs, "stats_reset"),
        null, timeouts, List.of()));
    return new Meta(m.schemaVersion(), m.toolVersion(), m.collectedAt(), m.serverVersion(), m.version(), m.database(),
        m.connectedAs(), m.superuser(), m.memberOf(), m.inRecovery(), m.postmasterStartedAt(), m.statsReset(),
        new TreeMap<>(pg.extensions()), m.timeouts(), List.of());
  }

  private final class Runner {
    private final PgSession pg;
    private final List<CollectorRun> runs;

    Runner(PgSession pg, List<CollectorRun> runs) {
      this.pg = pg;
      this.runs = runs;
    }

    <T> Section<T> run(Collector<T> c) {
      Outcome<T> o = runOne(pg, c, options.timeoutFor(c));
      runs.add(o.run());
      return o.section();
    }

    /**
     * The backup tool's catalogue; without a configured tool the section is unavailable and no collector runs (it
     * is not a failure: many servers are backed up by means pgops does not read).
     */
    Section<List<BackupCatalog>> backupTools() {
      if (options.backupTool() == null) return Section.unavailable(NO_BACKUP_TOOL);
      return run(new BackupToolCollector(options.backupTool()));
    }

    /** Generic plans of the top statements; without statements there is nothing to explain. */
    Section<List<QueryPlan>> plans(Section<Statements> statements) {
      if (statements instanceof Section.Collected<Statements> c) {
        Statements st = c.value();
        return run(new PlansCollector(st.statements(), options.plans().withQueryTextLimit(st.queryTextLimit())));
      }
      String reason = "no statements to explain (" + statements.unavailableReason().orElse("statements not collected") + ")";
      runs.add(new CollectorRun(PlansCollector.NAME, CollectorRun.Status.SKIPPED, reason, 0, 0));
      return Section.unavailable(reason);
    }
  }

  /** What running one collector gave: its section and its run record. */
  public record Outcome<T>(Section<T> section, CollectorRun run) {}

  /**
   * Runs one collector under {@code timeoutMs}, never throwing: SQLState 42501 and
   * {@link CollectorSkipped} give SKIPPED, any other SQLException or RuntimeException FAILED, each
   * with a one-line reason (password redacted) and an unavailable section.
   */
  public static <T> Outcome<T> runOne(PgSession pg, Collector<T> c, long timeoutMs) {
    long start = System.nanoTime();
    int before = pg.statementsSent();
    CollectorRun.Status status;
    String reason = "";
    Section<T> section;
    try {
      section = pg.withStatementTimeout(timeoutMs, () -> c.collect(pg));
      status = CollectorRun.Status.OK;
    } catch (CollectorSkipped e) {
      status = CollectorRun.Status.SKIPPED;
      reason = PgSession.oneLine(pg.spec().redact(e.getMessage()));
      section = Section.unavailable(reason);
    } catch (CollectorFailed e) {
      status = CollectorRun.Status.FAILED;
      reason = PgSession.oneLine(pg.spec().redact(e.getMessage()));
      section = Section.unavailable(reason);
    } catch (SQLException e) {
      String msg = PgSession.oneLine(pg.spec().redact(e.getMessage()));
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        status = CollectorRun.Status.SKIPPED;
        reason = msg + " (needs pg_monitor)";
      } else {
        status = CollectorRun.Status.FAILED;
        reason = (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + msg
            + ("57014".equals(e.getSQLState()) ? " (statement_timeout " + timeoutMs + " ms)" : "");
      }
      section = Section.unavailable(reason);
    } catch (RuntimeException e) {
      status = CollectorRun.Status.FAILED;
      reason = e.getClass().getSimpleName() + ": " + PgSession.oneLine(pg.spec().redact(e.getMessage()));
      section = Section.unavailable(reason);
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    return new Outcome<>(section, new CollectorRun(c.name(), status, reason, ms, pg.statementsSent() - before));
  }
}
