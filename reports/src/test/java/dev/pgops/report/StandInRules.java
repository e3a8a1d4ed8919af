package dev.pgops.report;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.rules.performance.UnusedIndexRule;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule set the report tests run: the real {@code unused-index} rule plus small stand-ins for rules
 * written elsewhere, so that the golden reports only change when the report code changes, not every
 * time a rule is added to {@code BuiltInRules}. The stand-ins cover several areas and severities, a
 * rule that is not evaluated (its collector was skipped) and free-text evidence from the database.
 */
final class StandInRules {
  private StandInRules() {}

  static final List<RuleDescriptor> ALL = Stream.of(
          new UnusedIndexRule(), new TableXidAge(), new TableBloat(), new TableWithoutPrimaryKey(),
          new RiskyColumnType(), new IdleInTransaction(), new ArchiveFailures(), new PendingRestart())
      .map(RuleDescriptor::of)
      .sorted(Comparator.comparing(RuleDescriptor::id))
      .toList();

  @RuleInfo(id = "table-xid-age", area = Area.MAINTENANCE, checklist = "MNT-1", severity = Severity.HIGH,
      summary = "Table is past autovacuum_freeze_max_age")
  static final class TableXidAge implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      List<TableStats> tables = ctx.require(s.tables(), "tables");
      long freeze = s.setting("autovacuum_freeze_max_age").map(x -> Long.parseLong(x.setting())).orElse(200_000_000L);
      List<Finding> out = new ArrayList<>();
      for (TableStats t : tables) {
        if (t.xidAge() < freeze) continue;
        out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
                "Table " + t.qualifiedName() + " has XID age " + t.xidAge() + ", past autovacuum_freeze_max_age ("
                    + freeze + "); anti-wraparound vacuum is not keeping up")
            .severity(t.xidAge() >= 1_600_000_000L ? Severity.CRITICAL : Severity.HIGH)
            .evidence("xidAge", t.xidAge())
            .evidence("autovacuum_freeze_max_age", freeze)
            .evidence("lastAutovacuum", t.lastAutovacuum())
            .remediation("VACUUM (FREEZE, VERBOSE) " + Sql.qualified(t.schema(), t.name()) + ";")
            .build());
      }
      return out;
    }
  }

  @RuleInfo(id = "table-bloat", area = Area.MAINTENANCE, checklist = "MNT-6", severity = Severity.MEDIUM,
      summary = "Table is estimated to be heavily bloated")
  static final class TableBloat implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      List<BloatEstimate> bloat = ctx.require(s.tableBloat(), "table bloat estimates");
      List<Finding> out = new ArrayList<>();
      for (BloatEstimate b : bloat) {
        if (b.index() != null || b.bloatRatio() < 0.4 || b.statsMissing()) continue;
        out.add(ctx.finding(Location.object("table", b.schema(), b.table()),
                "Table " + b.schema() + "." + b.table() + " is an estimated "
                    + Math.round(b.bloatRatio() * 100) + "% bloat")
            .evidence("actualBytes", b.actualBytes())
            .evidence("expectedBytes", b.expectedBytes())
            .evidence("bloatRatio", String.format(Locale.ROOT, "%.2f", b.bloatRatio()))
            .remediation("-- rewrites the table under ACCESS EXCLUSIVE; prefer pg_repack on a busy table\n"
                + "VACUUM (FULL, VERBOSE) " + Sql.qualified(b.schema(), b.table()) + ";")
            .build());
      }
      return out;
    }
  }

  @RuleInfo(id = "table-without-primary-key", area = Area.MAINTENANCE, checklist = "MNT-8",
      severity = Severity.MEDIUM, summary = "Table has no primary key")
  static final class TableWithoutPrimaryKey implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      List<TableStats> tables = ctx.require(s.tables(), "tables");
      Set<String> withPk = ctx.require(s.constraints(), "constraints").stream()
          .filter(c -> "p".equals(c.type())).map(ConstraintInfo::qualifiedTable).collect(Collectors.toSet());
      List<Finding> out = new ArrayList<>();
      for (TableStats t : tables) {
        if (withPk.contains(t.qualifiedName()) || t.partition()) continue;
        out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
                "Table " + t.qualifiedName() + " has no primary key (logical replication and row-level fixes need one)")
            .evidence("estimatedRows", t.estimatedRows())
            .evidence("comment", t.comment())
            .remediation("ALTER TABLE " + Sql.qualified(t.schema(), t.name()) + " ADD PRIMARY KEY (id);")
            .build());
      }
      return out;
    }
  }

  @RuleInfo(id = "risky-column-type", area = Area.MAINTENANCE, checklist = "MNT-10", severity = Severity.INFO,
      summary = "Column uses a type that is easy to regret")
  static final class RiskyColumnType implements Rule {
    private static final Set<String> RISKY = Set.of("money", "json", "timestamp without time zone", "char(1)");

    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      List<Finding> out = new ArrayList<>();
      for (ColumnInfo c : ctx.require(s.columns(), "columns")) {
        if (!RISKY.contains(c.dataType())) continue;
        out.add(ctx.finding(Location.object("column", c.schema(), c.table() + "." + c.name(), c.table()),
                "Column " + c.qualifiedTable() + "." + c.name() + " is of type " + c.dataType())
            .evidence("type", c.dataType())
            .evidence("comment", c.comment())
            .build());
      }
      return out;
    }
  }

  @RuleInfo(id = "idle-in-transaction", area = Area.CONNECTIONS, checklist = "CON-2", severity = Severity.HIGH,
      summary = "Session idle in a transaction for long")
  static final class IdleInTransaction implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      Activity a = ctx.require(s.activity(), "activity");
      List<Finding> out = new ArrayList<>();
      for (Activity.SessionInfo x : a.sessions()) {
        if (!"idle in transaction".equals(x.state()) || x.stateAgeSec() < 300) continue;
        out.add(ctx.finding(Location.object("session", null, "pid " + x.pid()),
                "Session " + x.pid() + " (" + x.user() + ", " + x.application() + ") has been idle in a transaction for "
                    + x.stateAgeSec() / 60 + " min, holding its locks and the xmin horizon")
            .evidence("pid", x.pid())
            .evidence("user", x.user())
            .evidence("application", x.application())
            .evidence("idleSeconds", x.stateAgeSec())
            .evidence("lastQuery", x.query())
            .remediation("SELECT pg_terminate_backend(" + x.pid() + ");\n"
                + "-- and stop it from happening again:\n"
                + "ALTER ROLE " + Sql.ident(x.user())
                + " SET idle_in_transaction_session_timeout = '5min';")
            .build());
      }
      return out;
    }
  }

  @RuleInfo(id = "archive-failures", area = Area.BACKUPS, checklist = "BAK-1", severity = Severity.HIGH,
      summary = "WAL archiving is failing")
  static final class ArchiveFailures implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      ArchiverStats a = ctx.require(s.archiver(), "archiver statistics");
      if (a.failedCount() == 0) return List.of();
      return List.of(ctx.finding(Location.server(), "WAL archiving failed " + a.failedCount() + " times")
          .evidence("failedCount", a.failedCount()).build());
    }
  }

  @RuleInfo(id = "setting-pending-restart", area = Area.CONFIGURATION, checklist = "CFG-1", severity = Severity.LOW,
      summary = "A changed setting waits for a restart")
  static final class PendingRestart implements Rule {
    @Override
    public List<Finding> check(Snapshot s, RuleContext ctx) {
      List<Finding> out = new ArrayList<>();
      for (Setting x : ctx.require(s.settings(), "settings")) {
        if (!x.pendingRestart()) continue;
        out.add(ctx.finding(Location.object("setting", null, x.name()),
                "Setting " + x.name() + " was changed but the server has not been restarted: it still runs with "
                    + x.setting() + (x.unit() == null ? "" : " " + x.unit()))
            .evidence("running", x.setting())
            .evidence("source", x.source())
            .remediation("-- schedule a restart, or revert the change in postgresql.conf / ALTER SYSTEM RESET "
                + x.name() + ";")
            .build());
      }
      return out;
    }
  }
}
