package dev.pgops.report;

import dev.pgops.findings.Finding;
import dev.pgops.findings.FindingOrder;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.Area;
import dev.pgops.rules.Evaluation;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.Scorecard;
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.TableStats;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a report shows, built once: sorted, grouped, counted, with every display string
 * precomputed. Templates only loop over it and print; nothing in it is null except where a component
 * says so (and templates never print those: they test the matching boolean).
 */
public record ReportModel(
    Header header,
    List<SeverityCount> severityCounts,
    int findingCount,
    int waivedCount,
    boolean partial,
    List<AreaRow> areas,
    List<SeverityGroup> findingGroups,
    List<FindingView> findings,
    List<WaivedView> waived,
    List<ChecklistGroup> checklist,
    List<CollectorView> collectors,
    List<SectionView> unavailableSections,
    ChartData charts,
    PerfModel.StatementsView statements,
    PerfModel.PlansView plans,
    PerfModel.PressureView pressure,
    PerfModel.TriageView triage,
    BackupsModel.View backups) {

  /** The wraparound failsafe default ({@code vacuum_failsafe_age}, PG14+). */
  public static final long FAILSAFE_AGE = 1_600_000_000L;
  /** Transaction IDs wrap around at 2^31. */
  public static final long WRAPAROUND = 1L << 31;
  static final int LARGEST_TABLES = 10;

  public record Header(
      String title, String toolName, String toolVersion, String database, String serverVersion,
      int serverVersionNum, String collectedAt, String collectedAtIso, String generatedAt, String generatedAtIso,
      String snapshotSha256, String snapshotToolVersion, String connectedAs, String memberOf, boolean superuser,
      String serverRole, String statsReset, String postmasterStartedAt, String statsWindow,
      boolean statsWindowShort, String statsWindowMinDays) {}

  public record SeverityCount(String severity, String label, int count) {}

  /** {@code score} is null when nothing in the area was evaluated; {@code scoreLabel} is then "n/a". */
  public record AreaRow(String id, String title, Integer score, boolean hasScore, String scoreLabel,
                        String scoreClass, int pass, int fail, int notEvaluated) {}

  public record Evidence(String key, String value) {}

  /**
   * One finding, ready to print. {@code ref} is "#3" for an active finding, "W1" for a waived one. {@code location} is the raw location (for JSON); {@code objectLabel}
   * its display form. {@code remediationFence} is a Markdown code fence longer than any backtick run
   * in the remediation.
   */
  public record FindingView(
      int no, String ref, String anchor, String ruleId, String severity, String severityLabel, String area,
      String areaTitle, String checklistItem, boolean hasChecklistItem, String objectKind, String objectLabel,
      boolean hasObject, Location location, String message, List<Evidence> evidence, boolean hasEvidence,
      String remediation, boolean hasRemediation, String remediationFence, String fingerprint) {}

  /** {@code countLabel}: "1 finding", "3 findings". */
  public record SeverityGroup(String severity, String label, int count, String countLabel, List<FindingView> findings) {}

  public record WaivedView(FindingView finding, String waiverObject, String reason, String owner, String expires) {}

  public record FindingRef(int no, String anchor, String label) {}

  public record ItemView(
      String id, String question, String state, String stateLabel, List<String> rules, boolean hasRules,
      String rulesLabel, List<String> reasons, boolean hasReasons, List<FindingRef> findingRefs,
      boolean hasFindings) {}

  public record ChecklistGroup(String areaId, String areaTitle, String scoreLabel, List<ItemView> items) {}

  public record CollectorView(String name, String status, boolean ok, String statusLabel, String reason, boolean hasReason,
                              long durationMs, String durationLabel, int statements) {}

  /** A snapshot section that holds no data, and why. */
  public record SectionView(String name, String reason) {}

  public record AreaBar(String title, Integer score) {}

  /** {@code bloatBytes} null when no estimate was collected for the table. */
  public record TableBar(String name, long tableBytes, long indexesBytes, long toastBytes, long totalBytes,
                         Long bloatBytes) {}

  public record XidBar(String database, long xidAge) {}

  public record XidChart(boolean collected, String unavailableReason, List<XidBar> databases,
                         long freezeMaxAge, long failsafeAge, long wraparound) {}

  public record ChartData(List<AreaBar> areaScores, boolean tablesCollected, String tablesUnavailableReason,
                          List<TableBar> largestTables, XidChart xid) {}

  /** The model under the default configuration (the backup section shows the default policy). */
  public static ReportModel build(Snapshot snapshot, String snapshotSha256, Evaluation evaluation,
                                  Scorecard scorecard, ToolInfo tool, Instant generatedAt) {
    return build(snapshot, snapshotSha256, evaluation, scorecard, tool, generatedAt, PgopsConfig.defaults());
  }

  /** The model; {@code config} is the one the evaluation ran under (its backup policy is shown with the verdicts). */
  public static ReportModel build(Snapshot snapshot, String snapshotSha256, Evaluation evaluation,
                                  Scorecard scorecard, ToolInfo tool, Instant generatedAt, PgopsConfig config) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(scorecard, "scorecard");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(generatedAt, "generatedAt");

    Header header = header(snapshot.meta(), snapshotSha256 == null ? "" : snapshotSha256, tool, generatedAt);

    List<Finding> active = new ArrayList<>(evaluation.findings());
    active.sort(FindingOrder.DEFAULT);
    List<FindingView> findings = new ArrayList<>();
    for (Finding f : active) findings.add(view(f, findings.size() + 1, "f-"));

    List<SeverityCount> counts = new ArrayList<>();
    List<SeverityGroup> groups = new ArrayList<>();
    for (Severity s : Severity.values()) {
      List<FindingView> in = findings.stream().filter(f -> f.severity().equals(s.id())).toList();
      counts.add(new SeverityCount(s.id(), label(s), in.size()));
      if (!in.isEmpty()) groups.add(new SeverityGroup(s.id(), label(s), in.size(),
          in.size() + (in.size() == 1 ? " finding" : " findings"), in));
    }

    List<Evaluation.WaivedFinding> waivedSorted = new ArrayList<>(evaluation.waived());
    waivedSorted.sort((a, b) -> FindingOrder.DEFAULT.compare(a.finding(), b.finding()));
    List<WaivedView> waived = new ArrayList<>();
    for (Evaluation.WaivedFinding w : waivedSorted) {
      waived.add(new WaivedView(view(w.finding(), waived.size() + 1, "w-"), w.waiver().object(),
          w.waiver().reason(), w.waiver().owner(), String.valueOf(w.waiver().expires())));
    }

    List<AreaRow> areas = new ArrayList<>();
    for (Scorecard.AreaScore a : scorecard.areas()) {
      Integer score = a.score();
      areas.add(new AreaRow(a.area().id(), a.area().title(), score, score != null,
          score == null ? "n/a" : Integer.toString(score), scoreClass(score), a.pass(), a.fail(), a.notEvaluated()));
    }

    List<ChecklistGroup> checklist = checklist(scorecard, findings, areas);

    List<CollectorView> collectors = new ArrayList<>();
    boolean partial = false;
    for (CollectorRun c : snapshot.meta().collectors()) {
      String status = c.status().name().toLowerCase(Locale.ROOT);
      partial |= c.status() != CollectorRun.Status.OK;
      collectors.add(new CollectorView(c.name(), status, c.status() == CollectorRun.Status.OK, statusLabel(c.status()), c.reason(), !c.reason().isBlank(),
          c.durationMs(), Human.millis(c.durationMs()), c.statements()));
    }

    ChartData charts = new ChartData(
        areas.stream().map(a -> new AreaBar(a.title(), a.score())).toList(),
        snapshot.tables().isCollected(),
        snapshot.tables().unavailableReason().orElse(""),
        largestTables(snapshot),
        xid(snapshot));

    Map<String, List<FindingRef>> stmtRefs = PerfModel.statementRefs(findings);
    PerfModel.StatementsView statements = PerfModel.statements(snapshot.statements(), snapshot.meta().collectedAt(),
        stmtRefs, PerfModel.planAnchors(snapshot.plans()));
    PerfModel.PlansView plans = PerfModel.plans(snapshot.plans(), stmtRefs, PerfModel.statementAnchors(snapshot.statements()));
    PerfModel.PressureView pressure = PerfModel.pressure(snapshot.pressure());
    PerfModel.TriageView triage = PerfModel.triage(findings, statements, plans, pressure, snapshot.pressure(),
        header.statsWindow());

    BackupsModel.View backups = BackupsModel.build(snapshot, evaluation, findings, config);

    return new ReportModel(header, List.copyOf(counts), findings.size(), waived.size(), partial, List.copyOf(areas),
        List.copyOf(groups), List.copyOf(findings), List.copyOf(waived), checklist, List.copyOf(collectors),
        unavailableSections(snapshot), charts, statements, plans, pressure, triage, backups);
  }

  private static Header header(Meta m, String sha, ToolInfo tool, Instant generatedAt) {
    Instant since = m.statsReset() != null ? m.statsReset() : m.postmasterStartedAt();
    String window;
    boolean shortWindow;
    if (since == null || m.collectedAt() == null) {
      window = "unknown";
      shortWindow = true;
    } else {
      Duration d = Duration.between(since, m.collectedAt());
      window = RuleContext.human(d) + (m.statsReset() != null
          ? " (since the statistics reset at " + Human.time(m.statsReset()) + ")"
          : " (never reset: since the server started at " + Human.time(m.postmasterStartedAt()) + ")");
      shortWindow = d.toMinutes() < PgopsConfig.DEFAULT_STATS_WINDOW_DAYS * 24 * 60;
    }
    String db = nz(m.database());
    return new Header(
        "PostgreSQL health report" + (db.isEmpty() ? "" : ": " + db),
        tool.name(), tool.version(), db, nz(m.serverVersion()), m.version() == null ? 0 : m.version().num(),
        Human.time(m.collectedAt()), m.collectedAt() == null ? "" : m.collectedAt().toString(),
        Human.time(generatedAt), generatedAt.toString(), sha, nz(m.toolVersion()), nz(m.connectedAs()),
        String.join(", ", m.memberOf()), m.superuser(), m.inRecovery() ? "standby (in recovery)" : "primary",
        m.statsReset() == null ? "never" : Human.time(m.statsReset()),
        Human.time(m.postmasterStartedAt()), window, shortWindow,
        trimNumber(PgopsConfig.DEFAULT_STATS_WINDOW_DAYS));
  }

  private static FindingView view(Finding f, int no, String anchorPrefix) {
    String objectKind = "";
    String objectLabel = "";
    if (f.location() instanceof Location.DbObject o) {
      objectKind = o.kind();
      objectLabel = o.qualifiedName() + (o.table() == null || o.table().isEmpty() ? "" : " on " + o.table());
    } else if (f.location() instanceof Location.SqlFile s) {
      objectKind = "file";
      objectLabel = s.file() + ":" + s.line() + (s.column() > 0 ? ":" + s.column() : "");
    }
    List<Evidence> evidence = f.evidence().entrySet().stream()
        .map(e -> new Evidence(e.getKey(), nz(e.getValue()))).toList();
    String area = nz(f.area());
    String checklistItem = nz(f.checklistItem());
    String ref = ("w-".equals(anchorPrefix) ? "W" : "#") + no;
    return new FindingView(no, ref, anchorPrefix + no, f.ruleId(), f.severity().id(), label(f.severity()), area,
        areaTitle(area), checklistItem, !checklistItem.isEmpty(), objectKind, objectLabel, !objectLabel.isEmpty(),
        f.location(), nz(f.message()), evidence, !evidence.isEmpty(), f.remediation(), !f.remediation().isBlank(),
        fence(f.remediation()), f.fingerprint());
  }

  private static List<ChecklistGroup> checklist(Scorecard scorecard, List<FindingView> findings, List<AreaRow> areas) {
    Map<String, List<FindingRef>> refs = new HashMap<>();
    for (FindingView f : findings) {
      if (!f.hasChecklistItem()) continue;
      refs.computeIfAbsent(f.checklistItem(), k -> new ArrayList<>()).add(new FindingRef(f.no(), f.anchor(),
          "#" + f.no() + " " + f.ruleId() + (f.hasObject() ? " " + f.objectLabel() : "")));
    }
    Map<Area, List<ItemView>> byArea = new LinkedHashMap<>();
    for (Scorecard.ItemScore i : scorecard.items()) {
      List<FindingRef> r = List.copyOf(refs.getOrDefault(i.item().id(), List.of()));
      String state = switch (i.state()) {
        case PASS -> "pass";
        case FAIL -> "fail";
        case NOT_EVALUATED -> "not-evaluated";
      };
      String stateLabel = switch (i.state()) {
        case PASS -> "Pass";
        case FAIL -> "Fail";
        case NOT_EVALUATED -> "Not evaluated";
      };
      byArea.computeIfAbsent(i.item().area(), a -> new ArrayList<>()).add(new ItemView(i.item().id(),
          i.item().question(), state, stateLabel, i.rules(), !i.rules().isEmpty(), String.join(", ", i.rules()),
          i.reasons(), !i.reasons().isEmpty(), r, !r.isEmpty()));
    }
    List<ChecklistGroup> out = new ArrayList<>();
    for (Area a : Area.values()) {
      List<ItemView> items = byArea.get(a);
      if (items == null) continue;
      String score = areas.stream().filter(r -> r.id().equals(a.id())).map(AreaRow::scoreLabel).findFirst().orElse("n/a");
      out.add(new ChecklistGroup(a.id(), a.title(), score, List.copyOf(items)));
    }
    return List.copyOf(out);
  }

  private static List<TableBar> largestTables(Snapshot s) {
    List<TableStats> tables = s.tables().collected().orElse(List.of());
    Map<String, Long> bloat = new HashMap<>();
    for (BloatEstimate b : s.tableBloat().collected().orElse(List.of())) {
      if (b.index() == null) bloat.merge(b.schema() + "." + b.table(), b.bloatBytes(), Long::sum);
    }
    return tables.stream()
        .sorted(Comparator.comparingLong(TableStats::totalBytes).reversed().thenComparing(TableStats::qualifiedName))
        .limit(LARGEST_TABLES)
        .map(t -> new TableBar(t.qualifiedName(), t.tableBytes(), t.indexesBytes(), t.toastBytes(),
            Math.max(t.totalBytes(), t.tableBytes() + t.indexesBytes() + t.toastBytes()), bloat.get(t.qualifiedName())))
        .toList();
  }

  private static XidChart xid(Snapshot s) {
    long freeze = s.setting("autovacuum_freeze_max_age").map(ReportModel::longValue).orElse(200_000_000L);
    long failsafe = s.setting("vacuum_failsafe_age").map(ReportModel::longValue).orElse(FAILSAFE_AGE);
    if (s.databases().collected().isEmpty()) {
      return new XidChart(false, s.databases().unavailableReason().orElse(""), List.of(), freeze, failsafe, WRAPAROUND);
    }
    List<XidBar> dbs = s.databases().collected().get().stream()
        .sorted(Comparator.comparingLong(DatabaseStats::xidAge).reversed().thenComparing(DatabaseStats::name))
        .map(d -> new XidBar(d.name(), d.xidAge()))
        .toList();
    return new XidChart(true, "", dbs, freeze, failsafe, WRAPAROUND);
  }

  private static Long longValue(Setting s) {
    try {
      return Long.parseLong(s.setting().trim());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<SectionView> unavailableSections(Snapshot s) {
    List<SectionView> out = new ArrayList<>();
    for (RecordComponent c : Snapshot.class.getRecordComponents()) {
      if (c.getType() != Section.class) continue;
      try {
        Section<?> sec = (Section<?>) c.getAccessor().invoke(s);
        sec.unavailableReason().ifPresent(r -> out.add(new SectionView(c.getName(), r)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(out);
  }

  private static final Pattern BACKTICKS = Pattern.compile("`+");

  /** A Markdown code fence longer than any backtick run in {@code text} (at least three). */
  static String fence(String text) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(text == null ? "" : text);
    while (m.find()) longest = Math.max(longest, m.group().length());
    return "`".repeat(Math.max(3, longest + 1));
  }

  static String label(Severity s) {
    String id = s.id();
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  private static String areaTitle(String id) {
    for (Area a : Area.values()) {
      if (a.id().equals(id)) return a.title();
    }
    return id;
  }

  private static String scoreClass(Integer score) {
    if (score == null) return "none";
    if (score >= 90) return "good";
    if (score >= 60) return "warn";
    return "bad";
  }

  private static String statusLabel(CollectorRun.Status s) {
    return switch (s) {
      case OK -> "OK";
      case SKIPPED -> "Skipped";
      case FAILED -> "Failed";
    };
  }

  private static String trimNumber(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
