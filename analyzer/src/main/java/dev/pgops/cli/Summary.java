package dev.pgops.cli;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Scorecard;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one-screen terminal summary printed after a check. */
final class Summary {
  private static final int TOP = 12;

  private Summary() {}

  static void print(PrintWriter out, Snapshot snapshot, Pipeline.Result result, List<Path> extraFiles) {
    var meta = snapshot.meta();
    out.printf("pgops %s — %s on PostgreSQL %s, collected %s%n", ToolVersion.get(), meta.database(),
        meta.serverVersion(), meta.collectedAt());
    List<CollectorRun> notOk = meta.collectors().stream().filter(c -> c.status() != CollectorRun.Status.OK).toList();
    if (!notOk.isEmpty()) {
      out.printf("PARTIAL: %d collector(s) not ok:%n", notOk.size());
      for (CollectorRun c : notOk) out.printf("  %-12s %-7s %s%n", c.name(), c.status().name().toLowerCase(), c.reason());
    }
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Finding f : result.evaluation().findings()) counts.merge(f.severity(), 1, Integer::sum);
    StringBuilder line = new StringBuilder("Findings:");
    for (Severity s : Severity.values()) line.append(' ').append(s.id()).append('=').append(counts.getOrDefault(s, 0));
    if (!result.evaluation().waived().isEmpty()) line.append("  (waived: ").append(result.evaluation().waived().size()).append(')');
    out.println(line);
    StringBuilder areas = new StringBuilder("Scores:");
    for (Scorecard.AreaScore a : result.scorecard().areas()) {
      areas.append(' ').append(a.area().id()).append('=').append(a.score() == null ? "n/e" : a.score());
    }
    out.println(areas);
    List<Finding> top = result.evaluation().findings().stream().limit(TOP).toList();
    for (Finding f : top) {
      out.printf("  %-8s %-32s %s%n", f.severity().id().toUpperCase(), f.ruleId(), oneLine(f.message()));
    }
    int more = result.evaluation().findings().size() - top.size();
    if (more > 0) out.printf("  … and %d more in the report%n", more);
    for (Path p : result.files()) out.println("wrote " + p);
    for (Path p : extraFiles) out.println("wrote " + p);
    out.flush();
  }

  private static String oneLine(String s) {
    String l = s.replaceAll("\\s+", " ");
    return l.length() > 110 ? l.substring(0, 109) + "…" : l;
  }
}
