package dev.pgops.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pgops.findings.Location;
import dev.pgops.report.ReportModel.FindingView;
import dev.pgops.snapshot.InstancePressure;
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
                         List<Item> checklist, List<StatementJson> statements, List<PlanJson> plans,
                         PressureJson pressure) {}

  /** One selected pg_stat_statements entry; {@code share} of all statement time (0..1), times in ms. */
  public record StatementJson(String queryId, long calls, double totalTimeMs, double share, double meanMs, long rows,
                              long tempBlocksWritten, String query, List<Integer> findings) {}

  /** One plan: {@code method} generic, generic-prepared, analyze or file; {@code reason} when not explainable. */
  public record PlanJson(String queryId, String method, String status, String reason, Integer hotNodes,
                         Integer misestimates) {}

  /**
   * Instance pressure in figures: null (omitted) where not collected or not applicable to the server
   * version; {@code reason} when the section is unavailable; client-backend sums over {@code pg_stat_io}.
   */
  public record PressureJson(String reason, Long checkpointsTimed, Long checkpointsRequested,
                             Double checkpointsRequestedShare, Double checkpointWriteTimeMs, Double checkpointSyncTimeMs,
                             Long checkpointBuffersWritten, Long bgwriterBuffersClean, Long bgwriterMaxwrittenClean,
                             Long buffersAlloc, Long buffersBackend, Long walRecords, Long walFpi, Long walBytes,
                             Long walBuffersFull, Long clientBackendReads, Long clientBackendWrites,
                             Long clientBackendExtends, Long clientBackendHits, Long clientBackendEvictions) {}

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
            .toList(),
        statements(m), plans(m), m.pressure().figures());
  }

  private static List<StatementJson> statements(ReportModel m) {
    return m.statements().rows().stream().map(r -> new StatementJson(r.queryId(), r.calls(), round(r.totalMs()),
        Math.round(r.share() * 10_000) / 10_000.0, round(r.meanMs()), rows(r), r.tempBytesWritten() / 8192,
        r.query(), r.findingRefs().stream().map(ReportModel.FindingRef::no).toList())).toList();
  }

  private static long rows(PerfModel.StatementRow r) {
    return Math.round(r.rowsPerCall() * r.calls());
  }

  private static List<PlanJson> plans(ReportModel m) {
    return m.plans().plans().stream().map(p -> new PlanJson(p.queryId(), p.method(), p.status(),
        p.hasReason() ? p.reason() : null, p.hasTree() ? p.tree().hotNodes() : null,
        p.hasTree() ? p.tree().misestimates() : null)).toList();
  }

  static PressureJson pressure(String reason, InstancePressure p) {
    if (p == null) return new PressureJson(reason, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null);
    InstancePressure.Checkpoints c = p.checkpoints();
    InstancePressure.BgWriter b = p.bgwriter();
    InstancePressure.Wal w = p.wal();
    Long reads = null, writes = null, ext = null, hits = null, evictions = null;
    for (InstancePressure.IoStat s : p.io()) {
      if (!"client backend".equals(s.backendType())) continue;
      reads = add(reads, s.reads());
      writes = add(writes, s.writes());
      ext = add(ext, s.extendsCount());
      hits = add(hits, s.hits());
      evictions = add(evictions, s.evictions());
    }
    long all = c == null ? 0 : c.timed() + c.requested();
    return new PressureJson(null,
        c == null ? null : c.timed(), c == null ? null : c.requested(),
        c == null || all == 0 ? null : Math.round(10_000.0 * c.requested() / all) / 10_000.0,
        c == null ? null : round(c.writeTimeMs()), c == null ? null : round(c.syncTimeMs()),
        c == null ? null : c.buffersWritten(),
        b == null ? null : b.buffersClean(), b == null ? null : b.maxwrittenClean(), b == null ? null : b.buffersAlloc(),
        b == null ? null : b.buffersBackend(),
        w == null ? null : w.records(), w == null ? null : w.fpi(), w == null ? null : w.bytes(),
        w == null ? null : w.buffersFull(),
        reads, writes, ext, hits, evictions);
  }

  private static Long add(Long sum, Long v) {
    // if/else, not ?: — a mixed Long/long conditional unboxes a null sum
    if (v == null) return sum;
    return sum == null ? v : Long.valueOf(sum + v);
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
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
