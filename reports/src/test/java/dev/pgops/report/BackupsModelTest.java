package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.Checklist;
import dev.pgops.rules.Evaluation;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.Scorecard;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The "Backups and restore drills" part of the model on the backups scenario, and what reaches the outputs. */
class BackupsModelTest {
  static ReportModel model;
  static String html;
  static String md;

  @BeforeAll
  static void build() throws Exception {
    model = Samples.backupsModel(Samples.backups(), "ab".repeat(32));
    ReportWriter w = new ReportWriter();
    html = w.render(model, Format.HTML);
    md = w.render(model, Format.MARKDOWN);
  }

  @Test
  void eachCatalogueHasItsStatusFactsBackupsAndTimeline() {
    BackupsModel.View b = model.backups();
    assertThat(b.toolsCollected()).isTrue();
    assertThat(b.catalogs()).extracting(BackupsModel.CatalogView::label)
        .containsExactly("pgBackRest stanza 'main'", "Barman server '" + Samples.HOSTILE_SERVER + "'");
    BackupsModel.CatalogView main = b.catalogs().get(0);
    assertThat(main.facts()).contains(
        new PerfModel.Fact("System identifier", Samples.SYSTEM_ID + " (this server)"),
        new PerfModel.Fact("Backups", "18 listed, 18 restorable"),
        new PerfModel.Fact("Newest full backup", "20261115-010002F, ended 2026-11-15 03:40:02 UTC, 8 d 6 h before collection"));
    assertThat(main.archive()).contains(new PerfModel.Fact("Continuity",
        "not reported by the tool (only the first and last segment are known)"));
    assertThat(main.backups()).hasSize(18);
    assertThat(main.backups().get(0).id()).isEqualTo("20261115-010002F_20261123-010004I");
    assertThat(main.backups().get(0).hasErrors()).isTrue();
    assertThat(main.backups().get(0).errors()).isEqualTo("2 errors: base/16384/16402 (page 7)");
    // the timeline ends at the collection time and starts at the oldest backup shown
    assertThat(main.timeline().to()).isEqualTo(Samples.COLLECTED);
    assertThat(main.timeline().from()).isEqualTo(Instant.parse("2026-10-25T01:00:01Z")); // the oldest backup shown
    assertThat(main.timeline().drills()).singleElement().satisfies(d -> assertThat(d.passed()).isTrue());
    BackupsModel.CatalogView barman = b.catalogs().get(1);
    assertThat(barman.timeline().marks()).extracting(BackupsModel.Mark::statusClass)
        .containsExactly("ok", "ok", "ok", "ok", "failed", "ok", "running");
    BackupsModel.Mark running = barman.timeline().marks().get(6);
    assertThat(running.stop()).as("a running backup reaches the collection time").isEqualTo(Samples.COLLECTED);
    assertThat(barman.checks()).extracting(BackupsModel.CheckView::stateLabel).containsExactly("OK", "Failed");
    assertThat(barman.hasDrills()).isFalse();
  }

  @Test
  void drillsCarryRtoAndRpoAgainstTheTargets() {
    BackupsModel.View b = model.backups();
    assertThat(b.drills()).extracting(BackupsModel.DrillView::id).containsExactly("2026-11-09-main", "2026-08-03-main");
    BackupsModel.DrillView last = b.drills().get(0);
    assertThat(last.catalog()).isEqualTo("pgBackRest stanza 'main'");
    assertThat(last.rto()).isEqualTo("31 min");
    assertThat(last.rtoTarget()).isEqualTo("45 min (policy)");
    assertThat(last.rtoVerdict()).isEqualTo("within");
    assertThat(last.rpo()).isEqualTo("40 s");
    assertThat(last.rpoTarget()).isEqualTo("5 min (policy rpo)");
    assertThat(last.age()).isEqualTo("13 d 23 h before collection");
    assertThat(b.drills().get(1).passed()).isFalse();
    assertThat(b.drills().get(1).rtoVerdict()).isEqualTo("not measured");
  }

  @Test
  void verdictsListEveryBackupAndDrillRuleInChecklistOrder() {
    List<BackupsModel.VerdictRow> v = model.backups().verdicts();
    assertThat(v).extracting(BackupsModel.VerdictRow::checklistItem).first().isEqualTo("BAK-1");
    assertThat(v).extracting(BackupsModel.VerdictRow::checklistItem).last().isEqualTo("DRL-2");
    assertThat(v.stream().map(BackupsModel.VerdictRow::checklistItem).toList())
        .containsSubsequence("BAK-9", "BAK-10", "DRL-1");
    assertThat(v).filteredOn(r -> r.ruleId().equals("backup-full-too-old")).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo("fail");
      assertThat(r.findingRefs()).singleElement().satisfies(ref -> assertThat(ref.label()).endsWith("pgbackrest/main"));
    });
    assertThat(v).filteredOn(r -> r.ruleId().equals("restore-drill-overdue")).singleElement()
        .satisfies(r -> assertThat(r.detail()).isEqualTo("1 finding"));
    assertThat(v).filteredOn(r -> r.ruleId().equals("restore-drill-failed")).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo("pass"));
    assertThat(v).filteredOn(r -> r.ruleId().equals("replication-lag")).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo("pass"));
    assertThat(model.findings()).extracting(ReportModel.FindingView::ruleId).contains("backup-full-too-old",
        "backup-tool-errors", "backup-duration-anomaly", "backup-retention-below-policy", "restore-drill-overdue");
    assertThat(model.backups().verdictSummary()).matches("\\d+ passed, \\d+ failed, \\d+ not evaluated");
  }

  @Test
  void withoutBackupSectionsTheReasonsAreShownAndNothingPasses() throws Exception {
    Snapshot bare = Snapshot.of(new Meta(Meta.SCHEMA_VERSION, "0.1.0", Samples.COLLECTED, "17.2",
        new dev.pgops.snapshot.PgVersion(170002), "shop", "me", false, List.of(), false, null, null, null, null, null))
        .withBackups(Section.unavailable("no backup tool configured"), Section.unavailable("no backup tool configured"),
            Section.unavailable("no drill directory configured"));
    Evaluation ev = BuiltInRules.engine().evaluate(bare, PgopsConfig.defaults());
    ReportModel m = ReportModel.build(bare, "", ev, Scorecard.of(Checklist.builtIn(), ev), Samples.TOOL, Samples.GENERATED);
    assertThat(m.backups().toolsCollected()).isFalse();
    assertThat(m.backups().verdicts()).extracting(BackupsModel.VerdictRow::state).containsOnly("not-evaluated");
    assertThat(m.backups().verdicts()).filteredOn(r -> r.ruleId().equals("restore-drill-overdue")).singleElement()
        .satisfies(r -> assertThat(r.detail()).isEqualTo("restore drills not collected: no drill directory configured"));
    String out = new ReportWriter().render(m, Format.HTML);
    assertThat(out).contains("Backup tools not collected: no backup tool configured",
        "Drill records not read: no drill directory configured");
  }

  @Test
  void toolTextIsEscapedInHtmlSvgAndMarkdown() {
    assertThat(html).doesNotContain("<dr>", "<script>alert(8)", Samples.HOSTILE_SERVER)
        .contains("Barman server &#39;pg-&quot;edge&quot;|&lt;dr&gt;&#39;", "&lt;script&gt;alert(8)&lt;/script&gt;");
    // inside the SVG (title and caption) too
    assertThat(html).contains("<title>Backups of Barman server &#39;pg-&quot;edge&quot;|&lt;dr&gt;&#39; from 2026-11-09");
    // remediation commands are fenced code (a fence longer than any backtick run): literal there, escaped elsewhere
    assertThat(md).contains("barman check 'pg-\"edge\"|<dr>'");
    assertThat(withoutFences(md)).doesNotContain("<dr>", "<script>", "| `x`")
        .contains("Barman server 'pg\\-\"edge\"\\|\\<dr\\>'", "\\<script\\>alert\\(8\\)\\</script\\>");
  }

  private static String withoutFences(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      String t = line.strip();
      if (fence == null && t.matches("`{3,}.*")) {
        fence = t.replaceAll("^(`+).*", "$1");
      } else if (fence != null && t.equals(fence)) {
        fence = null;
      } else if (fence == null) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
