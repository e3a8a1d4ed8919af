package dev.pgops.rules.performance;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.snapshot.ExtensionInfo;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@RuleInfo(id = "pg-stat-statements-missing", area = Area.PERFORMANCE, checklist = "PRF-8", severity = Severity.MEDIUM,
    summary = "Query statistics (pg_stat_statements) are not available")
public final class PgStatStatementsMissingRule implements Rule {
  static final String EXT = "pg_stat_statements";

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<ExtensionInfo> exts = ctx.require(s.extensions(), "extensions");
    boolean installed = exts.stream().anyMatch(e -> EXT.equals(e.name()));
    Optional<Setting> spl = s.setting("shared_preload_libraries");
    Boolean preloaded = spl.map(x -> preloads(x.setting())).orElse(null);
    String current = spl.map(Setting::setting).orElse(null);
    String db = s.meta().database();
    if (installed && !Boolean.FALSE.equals(preloaded)) return List.of();
    String message;
    String fix;
    if (!installed && Boolean.TRUE.equals(preloaded)) {
      message = "pg_stat_statements is preloaded but the extension is not created in database " + db
          + ": its view cannot be queried";
      fix = "CREATE EXTENSION pg_stat_statements;\n-- rollback: DROP EXTENSION pg_stat_statements;";
    } else {
      message = installed
          ? "pg_stat_statements is installed in " + db + " but not in shared_preload_libraries ('" + current
              + "'): the view errors and no queries are tracked"
          : "pg_stat_statements is not installed in database " + db + ": no query statistics to find slow or "
              + "frequent queries";
      fix = "-- postgresql.conf (keep the libraries already listed), then restart:\n"
          + "shared_preload_libraries = '" + withExtension(current) + "'\n"
          + (installed ? "" : "-- after the restart, in " + db + ":\nCREATE EXTENSION pg_stat_statements;\n")
          + "-- rollback: restore shared_preload_libraries = '" + (current == null ? "" : current) + "' and restart"
          + (installed ? "" : "; DROP EXTENSION pg_stat_statements;");
    }
    return List.of(ctx.finding(Location.object("extension", null, EXT), message)
        .evidence("installed", installed)
        .evidence("sharedPreloadLibraries", current == null ? "unknown" : current)
        .evidence("database", db)
        .remediation(fix)
        .build());
  }

  static boolean preloads(String value) {
    if (value == null) return false;
    return Arrays.stream(value.split(",")).map(v -> v.trim().replace("\"", "").replace("'", ""))
        .anyMatch(EXT::equals);
  }

  static String withExtension(String current) {
    if (current == null || current.isBlank()) return EXT;
    return preloads(current) ? current : current + "," + EXT;
  }
}
