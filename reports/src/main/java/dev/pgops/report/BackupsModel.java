package dev.pgops.report;

import dev.pgops.report.PerfModel.Fact;
import dev.pgops.report.ReportModel.FindingRef;
import dev.pgops.report.ReportModel.FindingView;
import dev.pgops.rules.Area;
import dev.pgops.rules.Evaluation;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleContext;
import dev.pgops.rules.RuleResult;
import dev.pgops.rules.backups.Catalogs;
import dev.pgops.rules.backups.Drills;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.BackupCatalog.Backup;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Backups and restore drills" part of the report model: per backup-tool catalogue its status, a timeline of
 * its backups (drawn by {@link SvgCharts#backupTimeline}), the recent backups, its WAL archive and checks; the
 * server's archiver; the restore drills with RTO and RPO against the targets; the policy; and the verdict of every
 * Backups and Restore-drills rule. Built once by {@link ReportModel#build}; every string is display-ready, every age
 * is measured against the snapshot's collection time.
 */
public final class BackupsModel {
  /** Backups listed per catalogue, newest first (the timeline shows as many). */
  static final int BACKUPS_SHOWN = 20;
  /** Drills listed, newest first. */
  static final int DRILLS_SHOWN = 10;
  /** The timeline spans at least this much before the collection time. */
  static final Duration MIN_SPAN = Duration.ofDays(14);

  private BackupsModel() {}

  /**
   * One backup for the table. {@code statusClass}: ok, failed, running or other.
   */
  public record BackupRow(String id, String kind, String kindLabel, String status, String statusClass, String started,
                          String ended, String duration, String databaseSize, String copied, String repository,
                          String errors, boolean hasErrors) {}

  /** A backup on the timeline: {@code stop} is the collection time for one still running. */
  public record Mark(Instant start, Instant stop, String kind, String statusClass, String label) {}

  /** A restore drill on the timeline. */
  public record DrillMark(Instant at, boolean passed, String label) {}

  /** The timeline of one catalogue, from {@code from} to the collection time {@code to}. */
  public record Timeline(Instant from, Instant to, List<Mark> marks, List<DrillMark> drills, String caption) {}

  public record CheckView(String name, boolean ok, String stateLabel, String message) {}

  /**
   * One restore drill. Verdicts: {@code within}, {@code over}, {@code no target}, {@code not measured}.
   */
  public record DrillView(String id, String catalog, String when, String age, String backup, String target,
                          String outcome, boolean passed, String failure, boolean hasFailure, String rto,
                          String rtoTarget, String rtoVerdict, String rpo, String rpoTarget, String rpoVerdict,
                          String verification) {}

  public record CatalogView(String key, String anchor, String tool, String label, String status, boolean ok,
                            String statusLabel, String statusMessage, boolean hasStatusMessage, List<Fact> facts,
                            List<Fact> archive, List<String> gaps, boolean hasGaps, List<CheckView> checks,
                            boolean hasChecks, List<BackupRow> backups, boolean hasBackups, String backupsCaption,
                            Timeline timeline, List<DrillView> drills, boolean hasDrills) {}

  /** How one Backups or Restore-drills rule went: pass, fail, waived, not-evaluated, disabled or error. */
  public record VerdictRow(String ruleId, String summary, String checklistItem, String area, String state,
                           String stateLabel, String detail, List<FindingRef> findingRefs, boolean hasFindings) {}

  public record View(boolean toolsCollected, String toolsReason, boolean drillsCollected, String drillsReason,
                     boolean archiverCollected, String archiverReason, List<Fact> archiver, List<Fact> policy,
                     List<CatalogView> catalogs, boolean hasCatalogs, List<DrillView> drills, boolean hasDrills,
                     String drillsCaption, List<VerdictRow> verdicts, String verdictSummary) {}

  static View build(Snapshot s, Evaluation evaluation, List<FindingView> findings, PgopsConfig config) {
    // every age is measured against the collection time (a snapshot without one shows no backup as existing)
    Instant now = Objects.requireNonNullElse(s.meta().collectedAt(), Instant.EPOCH);
    PgopsConfig.BackupPolicy policy = config.backup();
    List<DrillRecord> drills = s.drills().collected().orElse(List.of()).stream()
        .filter(d -> Drills.when(d) != null && !Drills.when(d).isAfter(now))
        .sorted(Comparator.comparing(Drills::when).reversed().thenComparing(d -> nz(d.drillId())))
        .toList();
    List<CatalogView> catalogs = new ArrayList<>();
    List<BackupCatalog> tools = s.backupTools().collected().orElse(List.of());
    String serverId = s.control().collected().map(ControlData::systemIdentifier).orElse(null);
    for (int i = 0; i < tools.size(); i++) {
      BackupCatalog c = tools.get(i);
      List<DrillRecord> own = drills.stream().filter(d -> Drills.matches(d, c)).toList();
      catalogs.add(catalog(c, i + 1, own, now, policy, serverId));
    }
    List<DrillView> drillViews = drills.stream().limit(DRILLS_SHOWN)
        .map(d -> drill(d, catalogLabel(d, tools), now, policy)).toList();
    List<VerdictRow> verdicts = verdicts(evaluation, findings);
    long failed = verdicts.stream().filter(v -> v.state().equals("fail")).count();
    long passed = verdicts.stream().filter(v -> v.state().equals("pass")).count();
    long notEvaluated = verdicts.stream().filter(v -> v.state().equals("not-evaluated")).count();
    String summary = passed + " passed, " + failed + " failed, " + notEvaluated + " not evaluated";
    return new View(s.backupTools().isCollected(), s.backupTools().unavailableReason().orElse(""),
        s.drills().isCollected(), s.drills().unavailableReason().orElse(""),
        s.archiver().isCollected(), s.archiver().unavailableReason().orElse(""), archiver(s, now),
        policy(policy), List.copyOf(catalogs), !catalogs.isEmpty(), drillViews, !drillViews.isEmpty(),
        drills.size() > DRILLS_SHOWN ? "the newest " + DRILLS_SHOWN + " of " + drills.size() : drills.size() + " recorded",
        verdicts, summary);
  }

  // ------------------------------------------------------------------ catalogues

  private static CatalogView catalog(BackupCatalog c, int no, List<DrillRecord> drills, Instant now,
                                     PgopsConfig.BackupPolicy policy, String serverId) {
    List<Backup> existing = c.backups().stream()
        .filter(b -> start(b) != null && !start(b).isAfter(now))
        .sorted(Comparator.comparing(BackupsModel::start).thenComparing(b -> nz(b.id())))
        .toList();
    List<Backup> restorable = existing.stream()
        .filter(b -> b.restorable() && Catalogs.end(b) != null && !Catalogs.end(b).isAfter(now)).toList();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Tool", toolLabel(c.tool())));
    facts.add(new Fact("Source", nz(c.source())));
    facts.add(new Fact("System identifier", c.systemIdentifier() == null ? "not recorded"
        : c.systemIdentifier() + (serverId == null ? "" : serverId.equals(c.systemIdentifier())
            ? " (this server)" : " (this server is " + serverId + ")")));
    facts.add(new Fact("PostgreSQL", c.pgMajor() == null ? "not recorded" : String.valueOf(c.pgMajor())));
    facts.add(new Fact("Backups", existing.size() + " listed, " + restorable.size() + " restorable"));
    facts.add(new Fact("Newest full backup", newest(restorable, true, now)));
    facts.add(new Fact("Newest backup", newest(restorable, false, now)));

    BackupCatalog.WalArchive w = c.archive() == null ? BackupCatalog.WalArchive.unknown() : c.archive();
    List<Fact> archive = List.of(
        new Fact("Oldest WAL", w.minWal() == null ? "none" : w.minWal()),
        new Fact("Newest WAL", w.maxWal() == null ? "none" : w.maxWal()),
        new Fact("Continuity", continuity(w.continuity())));

    List<CheckView> checks = c.checks().stream()
        .map(k -> new CheckView(nz(k.name()), k.ok(), k.ok() ? "OK" : "Failed", nz(k.message()))).toList();

    List<Backup> shown = existing.subList(Math.max(0, existing.size() - BACKUPS_SHOWN), existing.size());
    List<BackupRow> rows = new ArrayList<>();
    for (int i = shown.size() - 1; i >= 0; i--) rows.add(row(shown.get(i), now));
    String caption = existing.size() > shown.size()
        ? "the newest " + shown.size() + " of " + existing.size() + " backups" : existing.size() + " backups";

    Instant from = now.minus(MIN_SPAN);
    for (Backup b : shown) if (start(b).isBefore(from)) from = start(b);
    List<Mark> marks = new ArrayList<>();
    for (Backup b : shown) {
      Instant stop = b.stoppedAt() == null || b.stoppedAt().isAfter(now) ? now : b.stoppedAt();
      marks.add(new Mark(start(b), stop, kind(b), statusClass(b), b.id() + " · " + kind(b) + " · " + status(b)
          + " · " + Human.time(start(b)) + (b.stoppedAt() == null ? " · still running at collection" : " – " + Human.time(b.stoppedAt()))
          + size(b)));
    }
    Instant timelineFrom = from;
    List<DrillMark> drillMarks = drills.stream().filter(d -> !Drills.when(d).isBefore(timelineFrom))
        .sorted(Comparator.comparing(Drills::when))
        .map(d -> new DrillMark(Drills.when(d), d.passed(), "drill " + nz(d.drillId()) + " · " + (d.passed() ? "passed" : "failed")
            + " · " + Human.time(Drills.when(d)) + (d.rtoSeconds() == null ? "" : " · RTO " + RuleContext.human(Duration.ofSeconds(d.rtoSeconds())))))
        .toList();
    Timeline timeline = new Timeline(from, now, List.copyOf(marks), drillMarks,
        "Backups of " + Catalogs.label(c) + " from " + Human.time(from).substring(0, 10) + " to the collection time "
            + Human.time(now));

    List<DrillView> drillViews = drills.stream().limit(DRILLS_SHOWN).map(d -> drill(d, Catalogs.label(c), now, policy)).toList();
    String status = c.ok() ? "ok" : "error";
    return new CatalogView(Catalogs.key(c), "backup-catalog-" + no, c.tool(), Catalogs.label(c), status, c.ok(),
        c.ok() ? "OK" : "Error", nz(c.statusMessage()), !nz(c.statusMessage()).isBlank(), List.copyOf(facts), archive,
        w.gaps(), !w.gaps().isEmpty(), checks, !checks.isEmpty(), List.copyOf(rows), !rows.isEmpty(), caption, timeline,
        drillViews, !drillViews.isEmpty());
  }

  private static BackupRow row(Backup b, Instant now) {
    boolean running = b.stoppedAt() == null || b.stoppedAt().isAfter(now);
    String duration = b.startedAt() == null ? "" : RuleContext.human(Duration.between(b.startedAt(),
        running ? now : b.stoppedAt())) + (running ? " so far" : "");
    return new BackupRow(nz(b.id()), kind(b), shortKind(kind(b)), status(b), statusClass(b), Human.time(b.startedAt()),
        running ? "" : Human.time(b.stoppedAt()), duration,
        b.databaseBytes() == null ? "" : Human.bytes(b.databaseBytes()),
        b.backupBytes() == null ? "" : Human.bytes(b.backupBytes()),
        b.repoBytes() == null ? "" : Human.bytes(b.repoBytes()),
        b.errors().isEmpty() ? "" : b.errors().size() + (b.errors().size() == 1 ? " error: " : " errors: ") + b.errors().get(0),
        !b.errors().isEmpty());
  }

  private static String newest(List<Backup> restorable, boolean fullOnly, Instant now) {
    for (int i = restorable.size() - 1; i >= 0; i--) {
      Backup b = restorable.get(i);
      if (fullOnly && !b.full()) continue;
      return b.id() + (fullOnly ? "" : " (" + kind(b) + ")") + ", ended " + Human.time(Catalogs.end(b)) + ", "
          + RuleContext.human(Duration.between(Catalogs.end(b), now)) + " before collection";
    }
    return "none";
  }

  private static String size(Backup b) {
    if (b.databaseBytes() == null && b.backupBytes() == null) return "";
    return " · " + (b.full() || b.backupBytes() == null ? "database " + Human.bytes(b.databaseBytes())
        : "copied " + Human.bytes(b.backupBytes()));
  }

  private static String continuity(String c) {
    return switch (c == null ? "unknown" : c.toLowerCase(Locale.ROOT)) {
      case "ok" -> "continuous (the tool checked it)";
      case "warning" -> "incomplete: segments missing, still uploading or delayed";
      case "failure" -> "broken: segments lost";
      default -> "not reported by the tool (only the first and last segment are known)";
    };
  }

  // ------------------------------------------------------------------ drills

  private static DrillView drill(DrillRecord d, String catalog, Instant now, PgopsConfig.BackupPolicy policy) {
    Long rtoTarget = policy.drillRtoTarget().map(Duration::toSeconds).orElse(d.rtoTargetSeconds());
    String rtoSource = policy.drillRtoTarget().isPresent() ? " (policy)" : " (drill record)";
    long rpoTarget = policy.rpo().toSeconds();
    String steps = d.verification().isEmpty() ? "none recorded"
        : d.verification().size() + (d.verification().size() == 1 ? " step: " : " steps: ")
            + String.join(", ", d.verification().stream().map(st -> nz(st.step()) + " " + nz(st.result())).toList());
    return new DrillView(nz(d.drillId()), catalog, Human.time(Drills.when(d)),
        RuleContext.human(Duration.between(Drills.when(d), now)) + " before collection", nz(d.backupId()), nz(d.target()),
        d.passed() ? "pass" : "fail", d.passed(), nz(d.failure()), !nz(d.failure()).isBlank(),
        seconds(d.rtoSeconds()), rtoTarget == null ? "none" : seconds(rtoTarget) + rtoSource,
        verdict(d.rtoSeconds(), rtoTarget), seconds(d.rpoSeconds()), seconds(rpoTarget) + " (policy rpo)",
        verdict(d.rpoSeconds(), rpoTarget), steps);
  }

  private static String verdict(Long measured, Long target) {
    if (measured == null) return "not measured";
    if (target == null) return "no target";
    return measured > target ? "over" : "within";
  }

  private static String seconds(Long s) {
    return s == null ? "not measured" : RuleContext.human(Duration.ofSeconds(s));
  }

  private static String catalogLabel(DrillRecord d, List<BackupCatalog> tools) {
    for (BackupCatalog c : tools) if (Drills.matches(d, c)) return Catalogs.label(c);
    return nz(d.tool()) + (nz(d.name()).isEmpty() ? "" : " '" + d.name() + "'");
  }

  // ------------------------------------------------------------------ server side, policy, verdicts

  private static List<Fact> archiver(Snapshot s, Instant now) {
    List<Fact> out = new ArrayList<>();
    s.setting("archive_mode").ifPresent(v -> out.add(new Fact("archive_mode", nz(v.setting()))));
    s.setting("archive_command").ifPresent(v -> out.add(new Fact("archive_command", nz(v.setting()))));
    s.setting("archive_library").filter(v -> !nz(v.setting()).isEmpty())
        .ifPresent(v -> out.add(new Fact("archive_library", v.setting())));
    s.setting("archive_timeout").ifPresent(v -> out.add(new Fact("archive_timeout",
        nz(v.setting()) + (v.unit() == null || v.unit().isBlank() ? "" : " " + v.unit()))));
    ArchiverStats a = s.archiver().collected().orElse(null);
    if (a == null) return List.copyOf(out);
    out.add(new Fact("Last archived", a.lastArchivedAt() == null ? "never (since the statistics reset)"
        : nz(a.lastArchivedWal()) + ", " + Human.time(a.lastArchivedAt()) + ", "
            + RuleContext.human(Duration.between(a.lastArchivedAt(), now)) + " before collection"));
    out.add(new Fact("Last failed", a.lastFailedAt() == null ? "never (since the statistics reset)"
        : nz(a.lastFailedWal()) + ", " + Human.time(a.lastFailedAt()) + ", "
            + RuleContext.human(Duration.between(a.lastFailedAt(), now)) + " before collection"));
    out.add(new Fact("Archived / failed", Human.count(a.archivedCount()) + " / " + Human.count(a.failedCount())
        + (a.statsReset() == null ? "" : " since " + Human.time(a.statsReset()))));
    out.add(new Fact("Waiting (.ready)", a.readyCount() == null
        ? "not collected (pg_ls_archive_statusdir() needs pg_monitor)" : Human.count(a.readyCount()) + " segments"));
    return List.copyOf(out);
  }

  private static List<Fact> policy(PgopsConfig.BackupPolicy p) {
    return List.of(
        new Fact("RPO (backup.rpo)", RuleContext.human(p.rpo())),
        new Fact("Full backup every (backup.fullInterval)", RuleContext.human(p.fullInterval())),
        new Fact("Any backup every (backup.anyBackupInterval)", RuleContext.human(p.anyBackupInterval())),
        new Fact("Full backups kept (backup.retention.fullCount)", String.valueOf(p.retentionFullCount())),
        new Fact("Restore window (backup.retention.age)", p.retentionAgeTarget().map(RuleContext::human).orElse("not set")),
        new Fact("Restore drill at least every (backup.drill.maxAge)", RuleContext.human(p.drillMaxAge())),
        new Fact("RTO (backup.drill.rto)", p.drillRtoTarget().map(RuleContext::human).orElse("not set (the drill's own target)")));
  }

  private static List<VerdictRow> verdicts(Evaluation evaluation, List<FindingView> findings) {
    // as the scorecard: an informational finding does not fail its checklist item
    Set<String> failing = new HashSet<>();
    for (FindingView f : findings) if (!f.severity().equals("info")) failing.add(f.ruleId());
    List<VerdictRow> out = new ArrayList<>();
    List<RuleResult> results = evaluation.results().stream()
        .filter(r -> r.rule().area() == Area.BACKUPS || r.rule().area() == Area.RESTORE_DRILLS)
        .sorted(Comparator.comparing((RuleResult r) -> itemOrder(r.rule().checklistItem())).thenComparing(r -> r.rule().id()))
        .toList();
    for (RuleResult r : results) {
      String id = r.rule().id();
      List<FindingRef> refs = findings.stream().filter(f -> f.ruleId().equals(id))
          .map(f -> new FindingRef(f.no(), f.anchor(), "#" + f.no() + (f.hasObject() ? " " + f.objectLabel() : "")))
          .toList();
      String state;
      String label;
      String detail;
      switch (r.status()) {
        case EVALUATED -> {
          if (failing.contains(id)) {
            state = "fail";
            label = "Fail";
            detail = refs.size() + (refs.size() == 1 ? " finding" : " findings");
          } else if (!refs.isEmpty()) {
            state = "pass";
            label = "Pass";
            detail = refs.size() + (refs.size() == 1 ? " informational finding" : " informational findings");
          } else if (!r.findings().isEmpty()) {
            state = "waived";
            label = "Waived";
            detail = r.findings().size() + (r.findings().size() == 1 ? " finding, waived" : " findings, all waived");
          } else {
            state = "pass";
            label = "Pass";
            detail = "no finding";
          }
        }
        case NOT_EVALUATED -> {
          state = "not-evaluated";
          label = "Not evaluated";
          detail = r.reason();
        }
        case DISABLED -> {
          state = "disabled";
          label = "Disabled";
          detail = r.reason();
        }
        default -> {
          state = "error";
          label = "Error";
          detail = r.reason();
        }
      }
      out.add(new VerdictRow(id, r.rule().summary(), r.rule().checklistItem(), r.rule().area().title(), state, label,
          detail, refs, !refs.isEmpty()));
    }
    return List.copyOf(out);
  }

  private static final Pattern ITEM = Pattern.compile("([A-Z]+)-(\\d+)");

  /** BAK-2 before BAK-10, Backups before Restore drills. */
  private static String itemOrder(String item) {
    Matcher m = ITEM.matcher(nz(item));
    if (!m.matches()) return "~" + nz(item);
    String area = m.group(1).equals("BAK") ? "0" : m.group(1).equals("DRL") ? "1" : "2" + m.group(1);
    return area + String.format(Locale.ROOT, "%04d", Integer.parseInt(m.group(2)));
  }

  // ------------------------------------------------------------------ small helpers

  private static String toolLabel(String tool) {
    return switch (nz(tool).toLowerCase(Locale.ROOT)) {
      case "pgbackrest" -> "pgBackRest";
      case "wal-g" -> "WAL-G";
      case "barman" -> "Barman";
      case "pg_probackup" -> "pg_probackup";
      default -> nz(tool);
    };
  }

  private static Instant start(Backup b) {
    return b.startedAt() != null ? b.startedAt() : b.stoppedAt();
  }

  private static String kind(Backup b) {
    return b.kind() == null ? "unknown" : b.kind();
  }

  private static String shortKind(String kind) {
    return switch (kind) {
      case "full" -> "full";
      case "differential" -> "diff";
      case "incremental" -> "incr";
      default -> kind;
    };
  }

  private static String status(Backup b) {
    return b.status() == null ? "unknown" : b.status().toLowerCase(Locale.ROOT);
  }

  private static String statusClass(Backup b) {
    if (b.restorable()) return "ok";
    if (Catalogs.failed(b)) return "failed";
    return Catalogs.inProgress(b) ? "running" : "other";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
