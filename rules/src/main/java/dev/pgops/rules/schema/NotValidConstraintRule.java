package dev.pgops.rules.schema;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Rule;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleInfo;
import dev.pgops.rules.internal.Sql;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(id = "not-valid-constraint", area = Area.MAINTENANCE, checklist = "MNT-8", severity = Severity.MEDIUM,
    summary = "Constraint was added NOT VALID and never validated")
public final class NotValidConstraintRule implements Rule {

  @Override
  public List<Finding> check(Snapshot s, RuleContext ctx) {
    List<ConstraintInfo> constraints = ctx.require(s.constraints(), "constraints");
    List<Finding> out = new ArrayList<>();
    for (ConstraintInfo c : constraints) {
      if (c.validated()) continue;
      String kind = switch (c.type() == null ? "" : c.type()) {
        case "f" -> "foreign key";
        case "c" -> "check constraint";
        case "n" -> "NOT NULL constraint";
        default -> "constraint";
      };
      String table = Sql.qualified(c.schema(), c.table());
      String lock = "f".equals(c.type())
          ? "-- takes SHARE UPDATE EXCLUSIVE on this table and ROW SHARE on the referenced table: reads and writes go on\n"
          : "-- takes SHARE UPDATE EXCLUSIVE: reads and writes go on while existing rows are checked\n";
      out.add(ctx.finding(Location.object("constraint", c.schema(), c.name(), c.table()),
              "The " + kind + " " + c.name() + " on " + c.qualifiedTable()
                  + " is NOT VALID: new rows are checked, existing rows were never verified")
          .evidence("type", c.type())
          .evidence("validated", false)
          .evidence("definition", c.definition())
          .remediation("-- fix rows that violate it first, or VALIDATE fails (and can be retried)\n" + lock
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + Sql.ident(c.name()) + ";")
          .build());
    }
    return out;
  }
}
