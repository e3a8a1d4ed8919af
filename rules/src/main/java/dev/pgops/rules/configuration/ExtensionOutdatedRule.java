package dev.pgops.rules.configuration;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.ExtensionInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "extension-outdated", area = Area.CONFIGURATION, checklist = "CFG-8", severity = Severity.LOW,
    summary = "An installed extension is older than the version the server's packages provide")
public final class ExtensionOutdatedRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<ExtensionInfo> exts = ctx.require(s.extensions(), "extensions");
    List<Finding> out = new ArrayList<>();
    for (ExtensionInfo e : exts) {
      if (e.defaultVersion() == null || e.installedVersion() == null || e.defaultVersion().equals(e.installedVersion())) {
        continue;
      }
      out.add(ctx.finding(Location.object("extension", null, e.name()),
              "Extension " + e.name() + " is at version " + e.installedVersion() + " in database " + s.meta().database()
                  + " while the installed packages provide " + e.defaultVersion()
                  + ": the SQL objects lag the shared library and miss its fixes")
          .severity(Severity.LOW)
          .evidence("installedVersion", e.installedVersion())
          .evidence("defaultVersion", e.defaultVersion())
          .evidence("schema", e.schema())
          .remediation("-- read the extension's release notes; run in every database where it is installed:\n"
              + "ALTER EXTENSION " + Sql.ident(e.name()) + " UPDATE;\n"
              + "-- rollback: downgrade scripts rarely exist; restore from backup or test on a copy first")
          .build());
    }
    return out;
  }
}
