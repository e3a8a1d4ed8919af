package dev.pgops.cli;

import dev.pgops.drill.DrillRecords;
import dev.pgops.report.DrillModel;
import dev.pgops.report.DrillWriter;
import dev.pgops.report.ReportWriter;
import dev.pgops.report.ToolInfo;
import dev.pgops.snapshot.DrillRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a drill's files ({@code drill-<id>.json}, {@code drill-<id>.md}, {@code drill-<id>.log}) and its summary. */
final class DrillFiles {
  private DrillFiles() {}

  static List<Path> write(DrillRecord record, String log, Path dir) {
    List<Path> files = new ArrayList<>();
    try {
      files.add(DrillRecords.write(record, dir));
      Path md = dir.resolve("drill-" + record.drillId() + ".md");
      new DrillWriter(ToolInfo.pgops(ToolVersion.get())).write(record, md);
      files.add(md);
      if (log != null) {
        Path logFile = dir.resolve("drill-" + record.drillId() + ".log");
        ReportWriter.atomically(logFile, w -> w.write(log));
        files.add(logFile);
      }
    } catch (IOException e) {
      throw new UserError(ExitCode.RUNTIME, "cannot write the drill record to " + dir + ": " + e.getMessage());
    }
    return files;
  }

  static void summary(PrintWriter out, DrillRecord r, List<Path> files) {
    DrillModel m = DrillModel.of(r, ToolInfo.pgops(ToolVersion.get()));
    out.printf("drill %s (%s %s): %s%s%n", r.drillId(), r.tool(), r.name(), m.outcome(),
        r.failure() == null ? "" : ": " + r.failure());
    for (DrillModel.Phase p : m.phases()) out.printf("  %-55s %s%n", p.name(), p.duration());
    out.printf("  RTO %s (%s); RPO %s (%s)%n", m.rto(), m.rtoVerdict(), m.rpo(), m.rpoVerdict());
    for (DrillModel.Step s : m.steps()) out.printf("  [%s] %s%s%n", s.result(), s.step(), s.details().isEmpty() ? "" : ": " + s.details());
    for (Path f : files) out.printf("wrote %s%n", f);
  }
}
