package dev.pgops.rules.maintenance;

import dev.pgops.findings.Location;
import dev.pgops.rules.RuleContext;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Shared helpers of the maintenance rules: settings with their server defaults, counts, ages. */
final class Maint {
  private Maint() {}

  /** The 2^31 transaction-ID (and MultiXact-ID) distance at which the server stops assigning new ones. */
  static final long WRAP_LIMIT = 1L << 31;

  /** A numeric setting's value and whether it came from the snapshot or from the PostgreSQL default. */
  record Num(double value, boolean fromServer) {
    String source() {
      return fromServer ? "server setting" : "PostgreSQL default (setting not in snapshot)";
    }
  }

  /** A numeric setting, or the PostgreSQL default when settings were not collected or the server lacks it. */
  static Num setting(Snapshot s, String name, double dflt) {
    Optional<Setting> st = s.setting(name);
    if (st.isPresent() && st.get().setting() != null) {
      try {
        return new Num(Double.parseDouble(st.get().setting().trim()), true);
      } catch (NumberFormatException e) {
        return new Num(dflt, false);
      }
    }
    return new Num(dflt, false);
  }

  /** A per-table numeric storage parameter, or null when unset or unparsable. */
  static Double option(TableStats t, String key) {
    String v = t.option(key);
    if (v == null) return null;
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** PostgreSQL's boolean spellings for "false" (off, no, 0, f...). */
  static boolean isFalse(String v) {
    if (v == null) return false;
    String x = v.trim().toLowerCase(Locale.ROOT);
    return x.equals("false") || x.equals("off") || x.equals("no") || x.equals("0") || x.equals("f") || x.equals("n");
  }

  /** Partitioned parents (relkind p) have no storage of their own. */
  static boolean hasStorage(TableStats t) {
    return !"p".equals(t.kind());
  }

  static Location.DbObject location(TableStats t) {
    return Location.object("table", t.schema(), t.name());
  }

  /** "1.2 B", "450 M", "41 k", "950". */
  static String count(double n) {
    double a = Math.abs(n);
    if (a >= 1e9) return fmt(n / 1e9) + " B";
    if (a >= 1e6) return fmt(n / 1e6) + " M";
    if (a >= 1e4) return fmt(n / 1e3) + " k";
    return String.format(Locale.ROOT, "%.0f", n);
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** "41 %" / "0.5 %". */
  static String pct(double ratio) {
    double p = ratio * 100;
    return (p >= 10 || p == 0 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + " %";
  }

  /** "12 d 3 h ago" or "never". */
  static String ago(Instant t, RuleContext ctx) {
    return t == null ? "never" : RuleContext.human(Duration.between(t, ctx.now())) + " ago";
  }

  /** An instant for evidence, or "never". */
  static String when(Instant t) {
    return t == null ? "never" : t.toString();
  }

  /** Plain integer text for evidence (no grouping, locale-independent). */
  static String plain(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
  }
}
