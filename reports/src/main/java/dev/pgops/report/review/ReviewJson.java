package dev.pgops.report.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pgops.report.review.ReviewModel.FindingView;
import dev.pgops.report.review.ReviewModel.StatementView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable review ({@code --format json}). The names are a contract (product.md, "Machine-readable
 * results", and issue 4):
 * <ul>
 *   <li>{@code tool{name,version}}, {@code generatedAt}, {@code database{source,version,versionAssumed,versionNum}},
 *       {@code options{runner,transaction}}, {@code summary{<severity>…,files,statements,suppressed,unreadableFiles}},
 *       {@code notes[]};</li>
 *   <li>{@code files[]{error,file,statements}} ({@code error} is null for a file that was read);</li>
 *   <li>{@code statements[]{classifiedBy,column,estimatedDuration,file,findings[],indexBuild,kind,line,lock,
 *       operation,rewrite,scan,table,tableBytes,transaction,transactional}} in review order; {@code transaction}
 *       is "none" (commits on its own), "per-file" (the runner's), "implicit" (one multi-statement query) or
 *       "explicit" (BEGIN … COMMIT in the file); {@code findings} are the finding numbers;</li>
 *   <li>{@code findings[]{area,checklistItem,evidence{},fingerprint,location{column,file,line},message,remediation,
 *       ruleId,severity}} in file and line order; {@code suppressed[]} the same plus {@code reason}.</li>
 * </ul>
 * Keys are sorted and absent values left out, as in every pgops JSON document. Written with Jackson's streaming
 * generator: data binding's set-up cost more than the writing in a one-shot CLI run.
 */
public final class ReviewJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ReviewJson() {}

  public static String render(ReviewModel m) {
    StringWriter out = new StringWriter(64 * 1024);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      document(g, m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  // Fields below are written in alphabetical order, nulls left out (NON_NULL), like SnapshotJson's mapper.

  private static void document(JsonGenerator g, ReviewModel m) throws IOException {
    ReviewModel.Header h = m.header();
    g.writeStartObject();
    g.writeObjectFieldStart("database");
    string(g, "source", h.databaseSource());
    string(g, "version", h.serverVersion());
    g.writeBooleanField("versionAssumed", h.versionAssumed());
    g.writeNumberField("versionNum", h.versionNum());
    g.writeEndObject();
    g.writeArrayFieldStart("files");
    for (ReviewModel.FileView f : m.files()) {
      g.writeStartObject();
      g.writeFieldName("error");  // always present: null for a file that was read
      if (f.hasError()) g.writeString(f.error()); else g.writeNull();
      string(g, "file", f.file());
      g.writeNumberField("statements", f.statementCount());
      g.writeEndObject();
    }
    g.writeEndArray();
    findings(g, "findings", m.findings(), false);
    string(g, "generatedAt", h.generatedAtIso());
    strings(g, "notes", m.notes());
    g.writeObjectFieldStart("options");
    string(g, "runner", h.runner());
    string(g, "transaction", h.transactionMode());
    g.writeEndObject();
    g.writeArrayFieldStart("statements");
    for (StatementView s : m.statements()) statement(g, s);
    g.writeEndArray();
    Map<String, Integer> summary = new TreeMap<>();
    m.severityCounts().forEach(c -> summary.put(c.severity(), c.count()));
    summary.put("suppressed", m.suppressed().size());
    summary.put("files", h.fileCount());
    summary.put("statements", h.statementCount());
    summary.put("unreadableFiles", h.failedCount());
    g.writeObjectFieldStart("summary");
    for (Map.Entry<String, Integer> e : summary.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
    g.writeEndObject();
    findings(g, "suppressed", m.suppressed(), true);
    g.writeObjectFieldStart("tool");
    string(g, "name", h.toolName());
    string(g, "version", h.toolVersion());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void statement(JsonGenerator g, StatementView s) throws IOException {
    g.writeStartObject();
    string(g, "classifiedBy", s.classifiedBy());
    g.writeNumberField("column", s.column());
    string(g, "estimatedDuration", s.duration().isEmpty() ? null : s.duration());
    string(g, "file", s.file());
    g.writeArrayFieldStart("findings");
    for (ReviewModel.FindingRef f : s.findings()) g.writeNumber(f.no());
    g.writeEndArray();
    g.writeBooleanField("indexBuild", s.indexBuild());
    string(g, "kind", s.kind());
    g.writeNumberField("line", s.line());
    string(g, "lock", s.lock());
    string(g, "operation", s.operation());
    g.writeBooleanField("rewrite", s.rewrite());
    g.writeBooleanField("scan", s.scan());
    string(g, "table", s.table().isEmpty() ? null : s.table());
    if (s.tableBytes() != null) g.writeNumberField("tableBytes", s.tableBytes());
    string(g, "transaction", s.transaction());
    g.writeBooleanField("transactional", s.transactional());
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, String name, List<FindingView> findings, boolean suppressed)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (FindingView f : findings) {
      g.writeStartObject();
      string(g, "area", f.area());
      string(g, "checklistItem", f.checklistItem());
      Map<String, String> evidence = new TreeMap<>();
      f.evidence().forEach(e -> evidence.put(e.key(), e.value()));
      g.writeObjectFieldStart("evidence");
      for (Map.Entry<String, String> e : evidence.entrySet()) g.writeStringField(e.getKey(), e.getValue());
      g.writeEndObject();
      string(g, "fingerprint", f.fingerprint());
      g.writeObjectFieldStart("location");
      g.writeNumberField("column", f.column());
      string(g, "file", f.file());
      g.writeNumberField("line", f.line());
      g.writeEndObject();
      string(g, "message", f.message());
      if (suppressed) string(g, "reason", f.reason());
      string(g, "remediation", f.remediation());
      string(g, "ruleId", f.ruleId());
      string(g, "severity", f.severity());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    if (values == null) return;
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  /** A string field, left out when null. */
  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) g.writeStringField(name, value);
  }
}
