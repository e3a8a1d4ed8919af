package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/basic/snapshot.json} renders byte for byte to the checked-in {@code report.html},
 * {@code report.md} and {@code report.json} (fixed clock, tool version and locale; no line filtering).
 * {@code -Dgolden.update=true} rewrites the snapshot (from {@link Samples#basic()}) and the reports:
 * review the diff.
 */
class GoldenReportTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Test
  void basicScenarioMatchesGoldenFiles() throws Exception {
    Path dir = Samples.samplesDir().resolve("basic");
    Path snapshotFile = dir.resolve("snapshot.json");
    if (UPDATE) SnapshotJson.write(Samples.basic(), snapshotFile);
    assertThat(snapshotFile).as("missing: run with -Dgolden.update=true").exists();
    SnapshotJson.Loaded loaded = SnapshotJson.read(snapshotFile);
    ReportModel model = Samples.model(loaded.snapshot(), loaded.sha256(), Samples.basicConfig());
    ReportWriter writer = new ReportWriter();
    for (Format format : Format.values()) {
      Path golden = dir.resolve("report." + format.extension());
      String actual = writer.render(model, format);
      if (UPDATE) writer.write(model, format, golden);
      assertThat(golden).as("missing: run with -Dgolden.update=true").exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertThat(actual).as("%s differs from %s (rerun with -Dgolden.update=true and review the diff)", format, golden)
          .isEqualTo(expected);
    }
  }

  /**
   * {@code samples/perf/}: statements, plans and instance pressure (PG17), with the statement, plan and
   * pressure findings from the real rules, render to the checked-in reports and
   * {@code perf-triage-log.md}.
   */
  @Test
  void perfScenarioMatchesGoldenFiles() throws Exception {
    Scenario sc = scenario("perf", Samples.perf());
    ReportModel model = Samples.perfModel(sc.loaded().snapshot(), sc.loaded().sha256());
    ReportWriter writer = reports(sc.dir(), model);
    check(sc.dir().resolve(ReportWriter.TRIAGE_LOG_FILE), writer.renderTriageLog(model), f -> writer.writeTriageLog(model, f));
  }

  /**
   * {@code samples/backups/}: a pgBackRest stanza and a Barman server with a hostile name, the archiver, two restore
   * drills and a backup policy, judged by the real backup and drill rules.
   */
  @Test
  void backupsScenarioMatchesGoldenFiles() throws Exception {
    Scenario sc = scenario("backups", Samples.backups());
    assertThat(sc.loaded().snapshot()).as("the sample snapshot round-trips").isEqualTo(Samples.backups());
    reports(sc.dir(), Samples.backupsModel(sc.loaded().snapshot(), sc.loaded().sha256()));
  }

  private record Scenario(Path dir, SnapshotJson.Loaded loaded) {}

  /** {@code samples/<name>/snapshot.json}, written from {@code sample} with -Dgolden.update=true, read back. */
  private static Scenario scenario(String name, dev.pgops.snapshot.Snapshot sample) throws Exception {
    Path dir = Samples.samplesDir().resolve(name);
    Path snapshotFile = dir.resolve("snapshot.json");
    if (UPDATE) {
      Files.createDirectories(dir);
      SnapshotJson.write(sample, snapshotFile);
    }
    assertThat(snapshotFile).as("missing: run with -Dgolden.update=true").exists();
    return new Scenario(dir, SnapshotJson.read(snapshotFile));
  }

  /** Checks report.{html,md,json} in {@code dir} against the model. */
  private static ReportWriter reports(Path dir, ReportModel model) throws IOException {
    ReportWriter writer = new ReportWriter();
    for (Format format : Format.values()) {
      check(dir.resolve("report." + format.extension()), writer.render(model, format), f -> writer.write(model, format, f));
    }
    return writer;
  }

  private interface Write {
    void to(Path file) throws IOException;
  }

  private static void check(Path golden, String actual, Write write) throws IOException {
    if (UPDATE) write.to(golden);
    assertThat(golden).as("missing: run with -Dgolden.update=true").exists();
    assertThat(actual).as("%s differs (rerun with -Dgolden.update=true and review the diff)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void perfModelHasTheExpectedShape() throws Exception {
    SnapshotJson.Loaded loaded = SnapshotJson.read(Samples.samplesDir().resolve("perf/snapshot.json"));
    ReportModel m = Samples.perfModel(loaded.snapshot(), loaded.sha256());
    // statements: ordered by total time, the dominant one first with its share of exec + plan time
    assertThat(m.statements().collected()).isTrue();
    assertThat(m.statements().rows()).extracting(PerfModel.StatementRow::queryId)
        .containsExactly(Samples.DOMINANT, Samples.SPILLING, Samples.POOR_CACHE, Samples.WRITER, Samples.UTILITY);
    PerfModel.StatementRow top = m.statements().rows().get(0);
    assertThat(top.share()).isCloseTo(486_000.0 / 1_020_000, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(top.shareLabel()).isEqualTo("47.6 %");
    assertThat(top.findingRefs()).extracting(ReportModel.FindingRef::label)
        .anySatisfy(l -> assertThat(l).endsWith("statement-dominant"))
        .anySatisfy(l -> assertThat(l).endsWith("plan-costly-node"));
    assertThat(top.hasPlan()).isTrue();
    assertThat(m.statements().rows().get(2).hitRatioLabel()).isEqualTo("24.7 %");
    assertThat(m.statements().rows().get(1).tempLabel()).isEqualTo("38.2 GB");
    assertThat(m.statements().hasWal()).isTrue();
    assertThat(m.statements().facts()).extracting(PerfModel.Fact::value)
        .contains("4,870 of 5,000 (pg_stat_statements.max)", "1,312");
    // plans: the generic plan is hot at the orders seq scan (by cost); the ANALYZE plan at the sort (by time),
    // misestimated 960x at both nodes, spilled to disk; the utility statement carries its reason
    assertThat(m.plans().plans()).extracting(PerfModel.PlanView::status).containsExactly("ok", "ok", "not-explainable");
    PlanTreeView.Tree generic = m.plans().plans().get(0).tree();
    assertThat(generic.timed()).isFalse();
    assertThat(generic.nodes()).isEqualTo(6);
    assertThat(generic.hotNodes()).isEqualTo(1);
    PlanTreeView.Node seq = generic.root().children().get(0).children().get(0).children().get(0);
    assertThat(seq.path()).isEqualTo("Limit > Sort > Hash Join > Seq Scan on public.orders o");
    assertThat(seq.hot()).isTrue();
    assertThat(seq.misestimate()).isFalse();
    PlanTreeView.Tree analyze = m.plans().plans().get(1).tree();
    assertThat(analyze.timed()).isTrue();
    assertThat(analyze.root().hot()).isTrue();
    assertThat(analyze.root().shareLabel()).isEqualTo("77.3 % of time"); // 2280 of 2952 ms Execution Time
    assertThat(analyze.root().marks()).isEqualTo("hot misestimate spill");
    assertThat(analyze.root().estimateLabel()).isEqualTo("under-estimated 960×");
    assertThat(analyze.root().children().get(0).hot()).isFalse();
    assertThat(analyze.misestimates()).isEqualTo(2);
    assertThat(analyze.totalsLabel()).isEqualTo("planning 0.412 ms, execution 2,952 ms");
    assertThat(m.plans().plans().get(2).reason()).startsWith("utility statement");
    assertThat(m.plans().plans().get(2).hasTree()).isFalse();
    // pressure: PG17 shape, no backend-written buffers, client-backend pg_stat_io rows only, all-null row left out
    assertThat(m.pressure().groups()).extracting(PerfModel.FactGroup::title)
        .containsExactly("Checkpoints", "Background writer", "WAL");
    assertThat(m.pressure().groups().get(1).facts()).extracting(PerfModel.Fact::label).doesNotContain("Written by backends");
    assertThat(m.pressure().groups().get(0).facts()).contains(new PerfModel.Fact("Requested", "310 (72.1 % of all)"));
    assertThat(m.pressure().io()).extracting(PerfModel.IoRow::context).containsExactly("normal", "bulkread", "normal");
    assertThat(m.pressure().figures().buffersBackend()).isNull();
    assertThat(m.pressure().figures().clientBackendWrites()).isEqualTo(310_000L);
    // triage: one hypothesis per cause present, actions deduplicated, verify SQL names the query ids
    assertThat(m.triage().hypotheses()).extracting(PerfModel.Hypothesis::title).hasSizeGreaterThanOrEqualTo(4)
        .anySatisfy(t -> assertThat(t).startsWith("One statement dominates"))
        .anySatisfy(t -> assertThat(t).startsWith("Sorts, hashes"))
        .anySatisfy(t -> assertThat(t).startsWith("The planner misestimates"))
        .anySatisfy(t -> assertThat(t).startsWith("Checkpoints"));
    assertThat(m.triage().actions()).extracting(PerfModel.Action::sql).doesNotHaveDuplicates();
    assertThat(m.triage().verifySql()).contains("WHERE queryid IN (" + Samples.DOMINANT + ", " + Samples.SPILLING);
  }

  @Test
  void withoutStatementsTheReasonIsShownAndTheTriageLogSaysSo() throws Exception {
    String fix = "pg_stat_statements is not installed: add it to shared_preload_libraries, restart, then CREATE EXTENSION pg_stat_statements";
    dev.pgops.snapshot.Snapshot s = Samples.perf();
    dev.pgops.snapshot.Snapshot without = new dev.pgops.snapshot.Snapshot(s.meta(), s.settings(), s.databases(), null,
        null, null, null, null, null, null, null, null, null, null, null,
        dev.pgops.snapshot.Section.unavailable(fix), dev.pgops.snapshot.Section.unavailable(fix), null);
    ReportModel m = Samples.perfModel(without, "0".repeat(64), java.util.List.of());
    assertThat(m.statements().collected()).isFalse();
    ReportWriter w = new ReportWriter();
    assertThat(w.render(m, Format.HTML)).contains("pg_stat_statements not available: " + fix)
        .doesNotContain("table class=\"sortable statements\"");
    String md = w.render(m, Format.MARKDOWN);
    assertThat(md).contains("pg_stat_statements not available: pg\\_stat\\_statements is not installed");
    String triage = w.renderTriageLog(m);
    assertThat(triage).contains("Statement statistics are not available", "- none collected: pg\\_stat",
        "H1. The evidence is incomplete", "stats\\-window\\-short", "Install and preload");
    assertThat(m.triage().hasQueryIds()).isFalse();
    assertThat(JsonReport.document(m).statements()).isEmpty();
    assertThat(JsonReport.document(m).pressure().reason()).isEqualTo(Snapshot_NOT_COLLECTED);
  }

  private static final String Snapshot_NOT_COLLECTED = "not collected by the pgops version that wrote this snapshot";

  @Test
  void goldenModelHasTheExpectedShape() throws IOException, Exception {
    SnapshotJson.Loaded loaded = SnapshotJson.read(Samples.samplesDir().resolve("basic/snapshot.json"));
    ReportModel m = Samples.model(loaded.snapshot(), loaded.sha256(), Samples.basicConfig());
    assertThat(m.partial()).isTrue();
    assertThat(m.header().snapshotSha256()).isEqualTo(loaded.sha256()).hasSize(64);
    assertThat(m.findings()).extracting(ReportModel.FindingView::severity).isSortedAccordingTo(
        (a, b) -> Integer.compare(dev.pgops.findings.Severity.parse(a).ordinal(), dev.pgops.findings.Severity.parse(b).ordinal()));
    assertThat(m.findings()).extracting(ReportModel.FindingView::ruleId)
        .contains("unused-index", "xid-wraparound-table", "table-bloat", "table-without-primary-key", "idle-in-transaction",
            "pending-restart", "risky-column-type", "waiver-expired");
    assertThat(m.waived()).singleElement().satisfies(w -> {
      assertThat(w.owner()).isEqualTo("dba-team");
      assertThat(w.finding().objectLabel()).startsWith("public.orders_legacy_status_idx");
    });
    assertThat(m.charts().largestTables()).hasSize(10);
    assertThat(m.charts().largestTables().get(0).name()).isEqualTo("public.orders");
    assertThat(m.charts().largestTables().get(0).bloatBytes()).isEqualTo(3L * Samples.GB);
    assertThat(m.checklist()).flatExtracting(ReportModel.ChecklistGroup::items)
        .filteredOn(i -> i.id().equals("BAK-1")).singleElement()
        .satisfies(i -> {
          assertThat(i.state()).isEqualTo("not-evaluated");
          assertThat(i.reasons()).anySatisfy(r -> assertThat(r).contains("permission denied"));
        });
  }
}
