package dev.pgops.rules.maintenance;

import dev.pgops.findings.Severity;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.Threshold;
import dev.pgops.snapshot.Snapshot;
import java.util.List;

/**
 * Transaction-ID age levels shared by the database and table wraparound rules: MEDIUM above
 * {@code autovacuum_freeze_max_age} × factor, HIGH above a fixed age, CRITICAL from the failsafe age.
 */
record XidLevels(double warn, double high, double critical, Maint.Num freezeMaxAge, String criticalSource) {
  static final Threshold WARN_FACTOR = Threshold.of("warnFactor", 1.5,
      "medium above autovacuum_freeze_max_age times this factor");
  static final Threshold HIGH_AGE = Threshold.of("highAge", 1_000_000_000,
      "high above this transaction-ID age");
  static final Threshold CRITICAL_AGE = Threshold.of("criticalAge", 1_600_000_000,
      "critical from this age when the server has no vacuum_failsafe_age (before PostgreSQL 14)");

  static final List<Threshold> THRESHOLDS = List.of(WARN_FACTOR, HIGH_AGE, CRITICAL_AGE);

  static XidLevels of(Snapshot s, RuleContext ctx) {
    Maint.Num freeze = Maint.setting(s, "autovacuum_freeze_max_age", 200_000_000);
    Maint.Num failsafe = Maint.setting(s, "vacuum_failsafe_age", ctx.value(CRITICAL_AGE));
    // The server never lets the failsafe trigger below 105 % of autovacuum_freeze_max_age.
    double critical = failsafe.fromServer() ? Math.max(failsafe.value(), freeze.value() * 1.05) : failsafe.value();
    String src = failsafe.fromServer() ? "vacuum_failsafe_age" : "criticalAge threshold (no vacuum_failsafe_age)";
    return new XidLevels(freeze.value() * ctx.value(WARN_FACTOR), ctx.value(HIGH_AGE), critical, freeze, src);
  }

  /** The severity for an age, or null when below every level. */
  Severity severity(long age) {
    if (age >= critical) return Severity.CRITICAL;
    if (age > high) return Severity.HIGH;
    if (age > warn) return Severity.MEDIUM;
    return null;
  }

  /** A lower per-table autovacuum_freeze_max_age moves only that table's medium level. */
  XidLevels forTable(Double tableFreezeMaxAge, RuleContext ctx) {
    if (tableFreezeMaxAge == null || tableFreezeMaxAge >= freezeMaxAge.value()) return this;
    return new XidLevels(tableFreezeMaxAge * ctx.value(WARN_FACTOR), high, critical,
        new Maint.Num(tableFreezeMaxAge, true), criticalSource);
  }
}
