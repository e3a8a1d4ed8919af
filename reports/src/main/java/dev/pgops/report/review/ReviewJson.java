package dev.pgops.report.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pgops.report.review.ReviewModel.FindingView;
import dev.pgops.report.review.ReviewModel.StatementView;
import dev.pgops.snapshot.SnapshotJson;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable review ({@code --format json}). The names are a contract (product.md, "Machine-readable
 * results", and issue 4): {@code tool}, {@code database{source,version,versionNum,versionAssumed}},
 * {@code files[]{file,statements,error}}, {@code statements[]{file,line,column,kind,classifiedBy,lock,rewrite,scan,
 * transaction,…}}, {@code findings[]{ruleId,severity,area,checklistItem,location{file,line,column},message,evidence,
 * remediation,fingerprint}}, {@code suppressed[]} (the same plus {@code reason}), {@code summary}. Files and
 * statements are in review order, findings in file and line order; keys are sorted.
 */
public final class ReviewJson {
  private ReviewJson() {}

  public record Document(Tool tool, String generatedAt, Database database, Options options,
      Map<String, Integer> summary, List<FileJson> files, List<StatementJson> statements, List<FindingJson> findings,
      List<FindingJson> suppressed, List<String> notes) {}

  public record Tool(String name, String version) {}

  public record Database(String source, String version, int versionNum, boolean versionAssumed) {}

  public record Options(String runner, String transaction) {}

  /** {@code error} is null (written as {@code null}) for a file that was read. */
  public record FileJson(String file, int statements, @JsonInclude(JsonInclude.Include.ALWAYS) String error) {}

  /**
   * @param transaction "none" (commits on its own), "per-file" (the runner's), "implicit" (one multi-statement
   *                    query), "explicit" (BEGIN … COMMIT in the file)
   * @param tableBytes  the table's total size when the database has it
   */
  public record StatementJson(String file, int line, int column, String kind, String classifiedBy, String operation,
      String lock, boolean rewrite, boolean scan, boolean indexBuild, boolean transactional, String transaction,
      String table, Long tableBytes, String estimatedDuration, List<Integer> findings) {}

  public record FileRef(String file, int line, int column) {}

  public record FindingJson(String ruleId, String severity, String area, String checklistItem, FileRef location,
      String message, Map<String, String> evidence, String remediation, String fingerprint, String reason) {}

  public static Document document(ReviewModel m) {
    ReviewModel.Header h = m.header();
    Map<String, Integer> summary = new TreeMap<>();
    m.severityCounts().forEach(c -> summary.put(c.severity(), c.count()));
    summary.put("suppressed", m.suppressed().size());
    summary.put("files", h.fileCount());
    summary.put("statements", h.statementCount());
    summary.put("unreadableFiles", h.failedCount());
    return new Document(new Tool(h.toolName(), h.toolVersion()), h.generatedAtIso(),
        new Database(h.databaseSource(), h.serverVersion(), h.versionNum(), h.versionAssumed()),
        new Options(h.runner(), h.transactionMode()), summary,
        m.files().stream().map(f -> new FileJson(f.file(), f.statementCount(), f.hasError() ? f.error() : null)).toList(),
        m.statements().stream().map(ReviewJson::statement).toList(),
        m.findings().stream().map(f -> finding(f, false)).toList(),
        m.suppressed().stream().map(f -> finding(f, true)).toList(),
        m.notes());
  }

  public static String render(ReviewModel m) {
    try {
      return SnapshotJson.mapper().writeValueAsString(document(m)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StatementJson statement(StatementView s) {
    return new StatementJson(s.file(), s.line(), s.column(), s.kind(), s.classifiedBy(), s.operation(), s.lock(),
        s.rewrite(), s.scan(), s.indexBuild(), s.transactional(), s.transaction(), s.table().isEmpty() ? null : s.table(),
        s.tableBytes(), s.duration().isEmpty() ? null : s.duration(),
        s.findings().stream().map(ReviewModel.FindingRef::no).toList());
  }

  private static FindingJson finding(FindingView f, boolean suppressed) {
    Map<String, String> evidence = new TreeMap<>();
    f.evidence().forEach(e -> evidence.put(e.key(), e.value()));
    return new FindingJson(f.ruleId(), f.severity(), f.area(), f.checklistItem(),
        new FileRef(f.file(), f.line(), f.column()), f.message(), evidence, f.remediation(), f.fingerprint(),
        suppressed ? f.reason() : null);
  }
}
