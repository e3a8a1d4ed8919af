package dev.pgops.rules.schema;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "disabled-trigger", area = Area.MAINTENANCE, checklist = "MNT-8", severity = Severity.MEDIUM,
    summary = "Table has disabled triggers")
public final class DisabledTriggerRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<TableStats> tables = ctx.require(s.tables(), "tables");
    List<Finding> out = new ArrayList<>();
    for (TableStats t : tables) {
      if (t.disabledTriggers() <= 0) continue;
      String table = Sql.qualified(t.schema(), t.name());
      String literal = Sql.literal(table);
      out.add(ctx.finding(Location.object("table", t.schema(), t.name()),
              "Table " + t.qualifiedName() + " has " + t.disabledTriggers() + " disabled trigger"
                  + (t.disabledTriggers() == 1 ? "" : "s")
                  + ": if foreign-key triggers are among them, referential integrity is not enforced")
          .evidence("disabledTriggers", t.disabledTriggers())
          .remediation("-- list them (tgisinternal = true: foreign-key triggers, disabled by DISABLE TRIGGER ALL):\n"
              + "SELECT tgname, tgisinternal, tgenabled FROM pg_trigger WHERE tgrelid = " + literal
              + "::regclass AND tgenabled = 'D';\n"
              + "-- re-enable one (SHARE ROW EXCLUSIVE lock, brief):\n"
              + "ALTER TABLE " + table + " ENABLE TRIGGER <trigger_name>;\n"
              + "-- or all, including foreign-key triggers (needs superuser for the internal ones):\n"
              + "-- ALTER TABLE " + table + " ENABLE TRIGGER ALL;\n"
              + "-- re-enabling does not re-check rows written meanwhile: re-validate foreign keys\n"
              + "-- (ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT) or check for orphans by query;\n"
              + "-- if disabling was intended (bulk load), waive this finding with the reason")
          .build());
    }
    return out;
  }
}
