package dev.pgops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pgops.findings.Location;
import dev.pgops.report.ReportModel.FindingView;
import dev.pgops.snapshot.SnapshotJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable report ({@code --format json}). The names are a contract (product.md,
 * "Machine-readable results"): {@code tool}, {@code snapshot}, {@code collectors}, {@code areas},
 * {@code findings} with {@code ruleId, severity, area, checklistItem, object|location, message, evidence,
 * remediation, fingerprint}; plus {@code waived}, {@code checklist}, {@code summary}, {@code partial}.
 * Written with {@link SnapshotJson#mapper()}: sorted keys, no nulls except an area's {@code score}.
 */
public final class JsonReport {
  private JsonReport() {}

  public record Document(Tool tool, String generatedAt, SnapshotRef snapshot, boolean partial,
                         List<Collector> collectors, List<Section> unavailableSections, Map<String, Integer> summary,
                         List<AreaJson> areas, List<FindingJson> findings, List<Waived> waived,
                         List<Item> checklist) {}

  public record Tool(String name, String version) {}

  public record SnapshotRef(String sha256, String collectedAt, String database, String toolVersion, Server server) {}

  public record Server(String version, int versionNum) {}

  public record Collector(String name, String status, String reason, long durationMs, int statements) {}

  public record Section(String name, String reason) {}

  public record AreaJson(String id, String title, @JsonInclude(JsonInclude.Include.ALWAYS) Integer score,
                         int pass, int fail, int notEvaluated) {}

  public record ObjectRef(String kind, String schema, String name, String table) {}

  public record FileRef(String file, int line, int column) {}

  public record FindingJson(String ruleId, String severity, String area, String checklistItem, ObjectRef object,
                            FileRef location, String message, Map<String, String> evidence, String remediation,
                            String fingerprint) {}

  public record Waiver(String object, String reason, String owner, String expires) {}

  public record Waived(FindingJson finding, Waiver waiver) {}

  public record Item(String id, String area, String state, String question, List<String> rules,
                     List<String> reasons, List<Integer> findings) {}

  public static Document document(ReportModel m) {
    ReportModel.Header h = m.header();
    Map<String, Integer> summary = new TreeMap<>();
    m.severityCounts().forEach(c -> summary.put(c.severity(), c.count()));
    summary.put("waived", m.waivedCount());
    return new Document(
        new Tool(h.toolName(), h.toolVersion()),
        h.generatedAtIso(),
        new SnapshotRef(h.snapshotSha256(), h.collectedAtIso(), h.database(), h.snapshotToolVersion(),
            new Server(h.serverVersion(), h.serverVersionNum())),
        m.partial(),
        m.collectors().stream().map(c -> new Collector(c.name(), c.status(), c.reason(), c.durationMs(), c.statements())).toList(),
        m.unavailableSections().stream().map(s -> new Section(s.name(), s.reason())).toList(),
        summary,
        m.areas().stream().map(a -> new AreaJson(a.id(), a.title(), a.score(), a.pass(), a.fail(), a.notEvaluated())).toList(),
        m.findings().stream().map(JsonReport::finding).toList(),
        m.waived().stream().map(w -> new Waived(finding(w.finding()),
            new Waiver(w.waiverObject(), w.reason(), w.owner(), w.expires()))).toList(),
        m.checklist().stream().flatMap(g -> g.items().stream().map(i -> new Item(i.id(), g.areaId(), i.state(),
            i.question(), i.rules(), i.reasons(), i.findingRefs().stream().map(ReportModel.FindingRef::no).toList())))
            .toList());
  }

  public static String render(ReportModel m) {
    try {
      return SnapshotJson.mapper().writeValueAsString(document(m)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FindingJson finding(FindingView f) {
    ObjectRef object = null;
    FileRef file = null;
    if (f.location() instanceof Location.DbObject o) object = new ObjectRef(o.kind(), o.schema(), o.name(), o.table());
    else if (f.location() instanceof Location.SqlFile s) file = new FileRef(s.file(), s.line(), s.column());
    Map<String, String> evidence = new TreeMap<>();
    f.evidence().forEach(e -> evidence.put(e.key(), e.value()));
    return new FindingJson(f.ruleId(), f.severity(), f.area(), f.checklistItem(), object, file, f.message(), evidence,
        f.remediation(), f.fingerprint());
  }
}
