package dev.pgops.rules.maintenance;

import dev.pgops.findings.Location;
import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.OptionalDouble;

/** Helpers specific to the maintenance rules: settings with their server defaults, table storage parameters. */
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
    OptionalDouble v = s.setting(name).map(SettingValues::decimal).orElse(OptionalDouble.empty());
    return v.isPresent() ? new Num(v.getAsDouble(), true) : new Num(dflt, false);
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

  /** Partitioned parents (relkind p) have no storage of their own. */
  static boolean hasStorage(TableStats t) {
    return !"p".equals(t.kind());
  }

  static Location.DbObject location(TableStats t) {
    return Location.object("table", t.schema(), t.name());
  }
}
