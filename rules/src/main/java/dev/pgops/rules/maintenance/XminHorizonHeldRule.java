package dev.pgops.rules.maintenance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.Threshold;
import dev.pgops.rules.internal.Fmt;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "xmin-horizon-held", area = Area.MAINTENANCE, checklist = "MNT-2", severity = Severity.MEDIUM,
    summary = "A session or replication slot holds back the xmin horizon, so vacuum cannot remove dead rows")
public final class XminHorizonHeldRule implements Rule {
  static final Threshold WARN_XIDS = Threshold.of("warnXids", 10_000_000,
      "medium when the horizon is more than this many transactions behind");
  static final Threshold HIGH_XIDS = Threshold.of("highXids", 100_000_000,
      "high when the horizon is more than this many transactions behind");

  @Override
  public List<Threshold> thresholds() {
    return List.of(WARN_XIDS, HIGH_XIDS);
  }

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    Activity a = ctx.require(s.activity(), "activity");
    double warn = ctx.value(WARN_XIDS);
    double high = ctx.value(HIGH_XIDS);
    List<Finding> out = new ArrayList<>();

    long age = a.oldestBackendXminAge();
    if (age > warn) {
      Optional<Activity.SessionInfo> holder = a.sessions().stream()
          .filter(x -> x.backendXminAge() > 0)
          .max(Comparator.comparingLong(Activity.SessionInfo::backendXminAge));
      var b = holder.isPresent()
          ? ctx.finding(Location.object("session", null, "pid " + holder.get().pid()),
              "Session pid " + holder.get().pid() + " (user " + holder.get().user() + ", application "
                  + blank(holder.get().application()) + ", " + blank(holder.get().state()) + ") holds the xmin horizon "
                  + Fmt.count(age) + " transactions behind; vacuum cannot remove rows deleted since")
          : ctx.finding(Location.server(),
              "A session holds the xmin horizon " + Fmt.count(age)
                  + " transactions behind (holder not among the collected sessions); vacuum cannot remove rows deleted since");
      b.severity(age > high ? Severity.HIGH : Severity.MEDIUM)
          .evidence("oldestBackendXminAge", age)
          .evidence("mediumAbove", Fmt.plain(warn))
          .evidence("highAbove", Fmt.plain(high))
          .evidence("oldestXactAge", Fmt.age(a.oldestXactAgeSec()));
      if (holder.isPresent()) {
        Activity.SessionInfo h = holder.get();
        b.evidence("pid", h.pid()).evidence("user", h.user()).evidence("application", h.application())
            .evidence("database", h.database()).evidence("state", h.state()).evidence("backendType", h.backendType())
            .evidence("backendXminAge", h.backendXminAge())
            .evidence("xactAge", Fmt.age(h.xactAgeSec()))
            .evidence("query", h.query());
      }
      String pid = holder.map(h -> String.valueOf(h.pid())).orElse("<pid>");
      out.add(b.remediation("-- find the holder and what it runs:\n"
              + "SELECT pid, usename, application_name, state, xact_start, age(backend_xmin) AS xmin_age, query\n"
              + "FROM pg_stat_activity WHERE backend_xmin IS NOT NULL ORDER BY age(backend_xmin) DESC LIMIT 5;\n"
              + "-- end the transaction from the application, or cancel / terminate it:\n"
              + "SELECT pg_cancel_backend(" + pid + ");   -- cancels the running query\n"
              + "SELECT pg_terminate_backend(" + pid + "); -- ends the session (rolls back its transaction)\n"
              + "-- prevent recurrence: idle_in_transaction_session_timeout, transaction_timeout (PG17+)")
          .build());
    }

    Optional<Replication> repl = s.replication().collected();
    if (repl.isPresent()) {
      for (Replication.Slot slot : repl.get().slots()) {
        long xmin = slot.xminAge() == null ? 0 : slot.xminAge();
        long catalog = slot.catalogXminAge() == null ? 0 : slot.catalogXminAge();
        long held = Math.max(xmin, catalog);
        if (held <= warn) continue;
        String which = xmin >= catalog ? "xmin" : "catalog_xmin";
        out.add(ctx.finding(Location.object("slot", null, slot.name()),
                "Replication slot " + slot.name() + " (" + slot.type() + ", " + (slot.active() ? "active" : "inactive")
                    + ") holds the " + which + " horizon " + Fmt.count(held)
                    + " transactions behind; vacuum cannot remove rows deleted since")
            .severity(held > high ? Severity.HIGH : Severity.MEDIUM)
            .evidence("slot", slot.name())
            .evidence("type", slot.type())
            .evidence("active", slot.active())
            .evidence("database", slot.database())
            .evidence("xminAge", slot.xminAge())
            .evidence("catalogXminAge", slot.catalogXminAge())
            .evidence("mediumAbove", Fmt.plain(warn))
            .evidence("highAbove", Fmt.plain(high))
            .remediation(slot.active()
                ? "-- the consumer is connected but not advancing: check it (a standby with hot_standby_feedback\n"
                    + "-- running a long query, or a logical consumer that stopped confirming).\n"
                    + "SELECT * FROM pg_replication_slots WHERE slot_name = " + Sql.literal(slot.name()) + ";"
                : "-- if the slot's consumer is gone for good, drop it (it cannot be recreated at the same position):\n"
                    + "SELECT pg_drop_replication_slot(" + Sql.literal(slot.name()) + ");")
            .build());
      }
    }
    return out;
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? "(none)" : v;
  }
}
