package dev.pgops.report.review;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pgops.report.review.ReviewModel.FindingView;
import dev.pgops.report.review.ReviewModel.RuleView;
import dev.pgops.snapshot.SnapshotJson;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The review as SARIF 2.1.0 (one run) for code-scanning tools: {@code tool.driver} with every migration rule that
 * ran (summary, the rule doc as help, default level), one result per finding at its file, line and column (a
 * relative URI with forward slashes), the fingerprint as a partial fingerprint, and the findings silenced by
 * {@code pgops:ignore} as results with an in-source suppression carrying the reason. Files that could not be read
 * are error notifications of the invocation, which then did not succeed. Validated against the OASIS schema in the
 * tests.
 */
public final class ReviewSarif {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** Where the tool is documented; null leaves {@code informationUri} out (pgops has no public home page yet). */
  static final String INFORMATION_URI = null;
  private static final String FINGERPRINT_KEY = "pgopsFingerprint/v1";

  private ReviewSarif() {}

  public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  public record Run(Tool tool, List<Invocation> invocations, String columnKind, List<Result> results,
      Map<String, Object> properties) {}

  public record Tool(Driver driver) {}

  public record Driver(String name, String version, String informationUri, List<Rule> rules) {}

  public record Message(String text) {}

  public record Help(String text, String markdown) {}

  public record Configuration(String level) {}

  public record Rule(String id, Message shortDescription, Message fullDescription, Help help,
      Configuration defaultConfiguration, Map<String, Object> properties) {}

  public record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {}

  public record Notification(String level, Message message, List<Location> locations) {}

  public record Result(String ruleId, Integer ruleIndex, String level, Message message, List<Location> locations,
      Map<String, String> partialFingerprints, List<Suppression> suppressions, Map<String, Object> properties) {}

  public record Location(PhysicalLocation physicalLocation) {}

  public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  public record ArtifactLocation(String uri) {}

  public record Region(int startLine, int startColumn) {}

  public record Suppression(String kind, String justification) {}

  /** The SARIF log; file names are made relative to {@code base} (the working directory) when they are under it. */
  public static Log log(ReviewModel m, Path base) {
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (RuleView r : m.rules()) {
      index.put(r.id(), rules.size());
      Map<String, Object> props = new TreeMap<>();
      props.put("area", r.area());
      props.put("checklistItem", r.checklistItem());
      props.put("severity", r.severity());
      rules.add(new Rule(r.id(), new Message(r.summary()),
          new Message(r.problem().isEmpty() ? r.summary() : r.problem()),
          new Help(r.doc().isEmpty() ? r.summary() : r.doc(), r.doc().isEmpty() ? r.summary() : r.doc()),
          new Configuration(r.level()), props));
    }
    List<Result> results = new ArrayList<>();
    for (FindingView f : m.findings()) results.add(result(f, index, base, false));
    for (FindingView f : m.suppressed()) results.add(result(f, index, base, true));
    List<Notification> notes = new ArrayList<>();
    for (ReviewModel.FileView f : m.failedFiles()) {
      notes.add(new Notification("error", new Message(f.error()),
          List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(f.file(), base)), null)))));
    }
    Map<String, Object> props = new TreeMap<>();
    ReviewModel.Header h = m.header();
    props.put("database", h.databaseSource());
    props.put("serverVersion", h.serverVersion());
    props.put("versionAssumed", h.versionAssumed());
    props.put("runner", h.runner());
    props.put("transaction", h.transactionMode());
    Run run = new Run(new Tool(new Driver(h.toolName(), h.toolVersion(), INFORMATION_URI, rules)),
        List.of(new Invocation(notes.isEmpty(), notes)), "unicodeCodePoints", results, props);
    return new Log(SCHEMA, "2.1.0", List.of(run));
  }

  public static String render(ReviewModel m, Path base) {
    try {
      return SnapshotJson.mapper().writeValueAsString(log(m, base)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result result(FindingView f, Map<String, Integer> index, Path base, boolean suppressed) {
    Map<String, Object> props = new TreeMap<>();
    props.put("severity", f.severity());
    props.put("area", f.area());
    if (!f.checklistItem().isEmpty()) props.put("checklistItem", f.checklistItem());
    if (!f.lock().isEmpty()) props.put("lock", f.lock());
    if (!f.table().isEmpty()) props.put("table", f.table());
    Map<String, String> evidence = new TreeMap<>();
    f.evidence().forEach(e -> evidence.put(e.key(), e.value()));
    props.put("evidence", evidence);
    if (f.hasRemediation()) props.put("remediation", f.remediation());
    Region region = f.line() >= 1 ? new Region(f.line(), Math.max(1, f.column())) : null;
    return new Result(f.ruleId(), index.get(f.ruleId()), f.level(), new Message(f.message()),
        List.of(new Location(new PhysicalLocation(new ArtifactLocation(uri(f.file(), base)), region))),
        Map.of(FINGERPRINT_KEY, f.fingerprint()),
        suppressed ? List.of(new Suppression("inSource", f.reason().isEmpty() ? null : f.reason())) : null, props);
  }

  /** A URI reference for a file: relative to {@code base} with forward slashes when possible, else a file: URI. */
  static String uri(String file, Path base) {
    String path = file.replace('\\', '/');
    try {
      Path p = Path.of(file);
      if (p.isAbsolute() && base != null) {
        Path b = base.toAbsolutePath().normalize();
        Path n = p.normalize();
        if (n.startsWith(b)) path = b.relativize(n).toString().replace('\\', '/');
        else return n.toUri().toASCIIString();
      }
    } catch (InvalidPathException e) {
      // not a path of this system: keep the name as given
    }
    if (path.startsWith("./")) path = path.substring(2);
    // a colon in the first segment would read as a URI scheme
    int colon = path.indexOf(':'), slash = path.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) path = "./" + path;
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot make a URI of " + file, e);
    }
  }
}
