package dev.pgops.report;

import dev.pgops.snapshot.DrillRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the restore-drill log ({@code assets/backup-restore-drill.md}) shows, computed once from a
 * {@link DrillRecord}: phases with their durations, RTO and RPO against their targets, the verification steps.
 * The template only loops and formats.
 *
 * @param drillId    the record's id
 * @param title      stanza / server the drill restored
 * @param passed     outcome pass
 * @param outcome    "PASS" or "FAIL"
 * @param failure    why it failed (one line), or ""
 * @param summary    label / value rows of the header table
 * @param phases     restore, recovery, verification: start, end, duration (empty strings when not reached)
 * @param rto        measured RTO ("2 min 10 s") or "not measured"
 * @param rtoVerdict against the target: "within the target of 15 min", "over the target of 1 min by 10 s",
 *                   "no target given"
 * @param rpo        measured RPO or "not measured"
 * @param rpoVerdict against the target, as for RTO
 * @param steps      verification steps, numbered
 * @param toolName   who wrote the log
 * @param toolVersion its version
 */
public record DrillModel(String drillId, String title, boolean passed, String outcome, String failure,
    List<Row> summary, List<Phase> phases, String rto, String rtoVerdict, String rpo, String rpoVerdict,
    List<Step> steps, String toolName, String toolVersion) {

  public DrillModel {
    summary = List.copyOf(summary);
    phases = List.copyOf(phases);
    steps = List.copyOf(steps);
  }

  /** One row of the header table. */
  public record Row(String label, String value) {}

  /** One timed phase of the drill. */
  public record Phase(String name, String start, String end, String duration) {}

  /** One verification step. */
  public record Step(int no, String step, String result, String details) {}

  public static DrillModel of(DrillRecord d, ToolInfo tool) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("Drill", d.drillId()));
    rows.add(new Row("Tool", d.tool() + (d.name() == null ? "" : ", " + label(d.tool()) + " " + d.name())));
    rows.add(new Row("Backup restored", d.backupId() == null ? "unknown"
        : d.backupId() + (d.backupStoppedAt() == null ? "" : " (ended " + Human.time(d.backupStoppedAt()) + ")")));
    rows.add(new Row("Recovery target", d.target() == null ? "unknown" : d.target()));
    rows.add(new Row("Restored cluster", cluster(d)));
    rows.add(new Row("Started", Human.time(d.startedAt())));
    rows.add(new Row("Operator", nz(d.operator())));
    rows.add(new Row("Change record", nz(d.changeRecord())));

    List<Phase> phases = List.of(
        phase("Restore of the files", d.startedAt(), d.restoredAt()),
        phase("Recovery (WAL replay until the server accepts writes)", d.restoredAt(), d.recoveredAt()),
        phase("Verification", d.recoveredAt(), d.verifiedAt()));

    List<Step> steps = new ArrayList<>();
    int no = 1;
    for (DrillRecord.Step s : d.verification()) {
      steps.add(new Step(no++, s.step(), s.result(), nz(s.details())));
    }
    return new DrillModel(d.drillId(), d.name() == null ? d.drillId() : d.name(), d.passed(),
        d.passed() ? "PASS" : "FAIL", nz(d.failure()), rows, phases,
        d.rtoSeconds() == null ? "not measured" : seconds(d.rtoSeconds()), verdict(d.rtoSeconds(), d.rtoTargetSeconds()),
        d.rpoSeconds() == null ? "not measured" : seconds(d.rpoSeconds()), verdict(d.rpoSeconds(), d.rpoTargetSeconds()),
        steps, tool.name(), tool.version());
  }

  private static String label(String tool) {
    return switch (tool == null ? "" : tool) {
      case "pgbackrest" -> "stanza";
      case "barman" -> "server";
      case "pg_probackup" -> "instance";
      default -> "cluster";
    };
  }

  private static String cluster(DrillRecord d) {
    List<String> parts = new ArrayList<>();
    if (d.pgVersion() != null) parts.add("PostgreSQL " + d.pgVersion());
    if (d.systemIdentifier() != null) parts.add("system identifier " + d.systemIdentifier());
    return parts.isEmpty() ? "unknown" : String.join(", ", parts);
  }

  private static Phase phase(String name, Instant start, Instant end) {
    if (start == null || end == null) return new Phase(name, Human.time(start), Human.time(end), "not reached");
    return new Phase(name, Human.time(start), Human.time(end), elapsed(Duration.between(start, end)));
  }

  /** "1.7 s", "2 min 5 s", "1 h 20 min". */
  static String elapsed(Duration d) {
    long ms = Math.max(0, d.toMillis());
    if (ms < 60_000) return Human.millis(ms);
    return seconds((ms + 500) / 1000);
  }

  /** "45 s", "2 min 5 s", "1 h 20 min", "2 d 3 h". */
  static String seconds(long s) {
    if (s < 60) return s + " s";
    if (s < 3600) return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    if (s < 86_400) return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
  }

  private static String verdict(Long measured, Long target) {
    if (target == null) return "no target given";
    if (measured == null) return "target " + seconds(target) + ", not measured";
    if (measured <= target) return "within the target of " + seconds(target);
    return String.format(Locale.ROOT, "over the target of %s by %s", seconds(target), seconds(measured - target));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
