package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static ReportModel basicModel() {
    return Samples.model(Samples.basic(), "ab".repeat(32), Samples.basicConfig());
  }

  @Test
  void writesEveryFormatAtomically() throws IOException {
    ReportWriter w = new ReportWriter();
    for (Format f : Format.values()) {
      Path file = dir.resolve("out/report." + f.extension());
      w.write(basicModel(), f, file);
      assertThat(file).isRegularFile().content().isEqualTo(w.render(basicModel(), f));
    }
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "report.md", "report.json");
    }
  }

  @Test
  void aFailedRenderLeavesNoFileAndKeepsTheOldOne() throws IOException {
    ReportModel broken = new ReportModel(null, List.of(), 0, 0, false, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), basicModel().charts(), basicModel().statements(), basicModel().plans(),
        basicModel().pressure(), basicModel().triage(), basicModel().backups());
    ReportWriter w = new ReportWriter();
    for (Format f : Format.values()) {
      Path file = dir.resolve("new." + f.extension());
      assertThatThrownBy(() -> w.write(broken, f, file)).isInstanceOfAny(IOException.class, RuntimeException.class);
      assertThat(file).doesNotExist();
    }
    Path existing = dir.resolve("old.html");
    Files.writeString(existing, "previous report");
    assertThatThrownBy(() -> w.write(broken, Format.HTML, existing)).isInstanceOf(IOException.class);
    assertThat(existing).content().isEqualTo("previous report");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("old.html");
    }
  }

  @Test
  void triageLogIsWrittenAtomicallyAndAFailedRenderKeepsTheOldOne() throws IOException {
    ReportWriter w = new ReportWriter();
    ReportModel perf = Samples.perfModel(Samples.perf(), "cd".repeat(32));
    Path file = dir.resolve("out/" + ReportWriter.TRIAGE_LOG_FILE);
    w.writeTriageLog(perf, file);
    assertThat(file).isRegularFile().content().isEqualTo(w.renderTriageLog(perf))
        .startsWith("# Performance triage log: shop\n").contains("## 3. Hypotheses", "## 5. How to verify");
    ReportModel broken = new ReportModel(perf.header(), List.of(), 0, 0, false, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), perf.charts(), perf.statements(), perf.plans(), perf.pressure(), null,
        perf.backups());
    assertThatThrownBy(() -> w.writeTriageLog(broken, file)).isInstanceOf(IOException.class).hasMessageContaining("triage log");
    assertThat(file).content().isEqualTo(w.renderTriageLog(perf));
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ReportWriter.TRIAGE_LOG_FILE);
    }
  }

  @Test
  void jsonCarriesStatementsPlansAndPressureAdditively() throws IOException {
    JsonNode root = SnapshotJson.mapper().readTree(new ReportWriter().render(
        Samples.perfModel(Samples.perf(), "cd".repeat(32)), Format.JSON));
    assertThat(root.has("findings") && root.has("areas") && root.has("checklist") && root.has("summary")).isTrue();
    JsonNode top = root.path("statements").get(0);
    assertThat(top.path("queryId").asText()).isEqualTo(Samples.DOMINANT);
    assertThat(top.path("calls").asLong()).isEqualTo(1_200_000);
    assertThat(top.path("totalTimeMs").asDouble()).isEqualTo(486_000.0);
    assertThat(top.path("share").asDouble()).isEqualTo(0.4765);
    assertThat(top.path("rows").asLong()).isEqualTo(12_000_000);
    assertThat(root.path("statements").get(1).path("tempBlocksWritten").asLong()).isEqualTo(5_005_560);
    assertThat(root.path("plans")).hasSize(3);
    assertThat(root.path("plans").get(1).path("method").asText()).isEqualTo("analyze");
    assertThat(root.path("plans").get(1).path("misestimates").asInt()).isEqualTo(2);
    assertThat(root.path("plans").get(2).path("status").asText()).isEqualTo("not-explainable");
    assertThat(root.path("plans").get(2).path("reason").asText()).startsWith("utility statement");
    JsonNode p = root.path("pressure");
    assertThat(p.path("checkpointsRequested").asLong()).isEqualTo(310);
    assertThat(p.path("checkpointsRequestedShare").asDouble()).isEqualTo(0.7209);
    assertThat(p.has("buffersBackend")).as("PG17: no backend-written buffers, omitted").isFalse();
    assertThat(p.path("clientBackendReads").asLong()).isEqualTo(16_100_000);
    assertThat(p.path("clientBackendExtends").asLong()).isEqualTo(120_000);
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    String json = new ReportWriter().render(basicModel(), Format.JSON);
    JsonNode root = SnapshotJson.mapper().readTree(json);
    assertThat(root.at("/tool/name").asText()).isEqualTo("pgops");
    assertThat(root.at("/tool/version").asText()).isEqualTo("0.1.0-test");
    assertThat(root.at("/snapshot/sha256").asText()).isEqualTo("ab".repeat(32));
    assertThat(root.at("/snapshot/collectedAt").asText()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(root.at("/snapshot/server/version").asText()).isEqualTo("16.4");
    assertThat(root.at("/snapshot/server/versionNum").asInt()).isEqualTo(160004);
    assertThat(root.at("/partial").asBoolean()).isTrue();
    JsonNode skipped = null;
    for (JsonNode c : root.get("collectors")) {
      assertThat(c.has("name") && c.has("status") && c.has("reason") && c.has("durationMs")).isTrue();
      assertThat(c.get("status").asText()).isIn("ok", "skipped", "failed");
      if (c.get("status").asText().equals("skipped")) skipped = c;
    }
    assertThat(skipped).isNotNull();
    assertThat(skipped.get("name").asText()).isEqualTo("archiver");
    for (JsonNode a : root.get("areas")) {
      assertThat(a.has("id") && a.has("score") && a.has("pass") && a.has("fail") && a.has("notEvaluated")).isTrue();
    }
    assertThat(root.get("areas")).anySatisfy(a -> assertThat(a.get("score").isNull()).isTrue());
    assertThat(root.get("findings")).isNotEmpty();
    for (JsonNode f : root.get("findings")) {
      for (String k : List.of("ruleId", "severity", "area", "checklistItem", "message", "evidence", "remediation", "fingerprint")) {
        assertThat(f.has(k)).as("finding has %s: %s", k, f).isTrue();
      }
      assertThat(f.get("severity").asText()).isIn("critical", "high", "medium", "low", "info");
      assertThat(f.has("object") ^ f.has("location")).as("object or location: %s", f).isTrue();
      assertThat(f.get("evidence").isObject()).isTrue();
    }
    JsonNode unused = null;
    for (JsonNode f : root.get("findings")) if (f.get("ruleId").asText().equals("unused-index")) unused = f;
    assertThat(unused.at("/object/kind").asText()).isEqualTo("index");
    assertThat(unused.at("/object/schema").asText()).isEqualTo("public");
    assertThat(unused.at("/object/table").asText()).isNotEmpty();
    assertThat(root.get("waived")).hasSize(1);
    assertThat(root.at("/waived/0/waiver/owner").asText()).isEqualTo("dba-team");
    assertThat(root.get("checklist")).anySatisfy(i -> {
      assertThat(i.get("state").asText()).isEqualTo("not-evaluated");
      assertThat(i.has("id") && i.has("area") && i.has("question") && i.has("rules") && i.has("reasons")).isTrue();
    });
  }

  @Test
  void anyRuleSetWorksIncludingNone() throws IOException {
    ReportModel empty = ReportModel.build(Samples.basic(), "", new dev.pgops.rules.RuleEngine(List.of())
            .evaluate(Samples.basic(), PgopsConfig.defaults()),
        dev.pgops.rules.Scorecard.of(dev.pgops.rules.Checklist.builtIn(),
            new dev.pgops.rules.RuleEngine(List.of()).evaluate(Samples.basic(), PgopsConfig.defaults())),
        Samples.TOOL, Samples.GENERATED);
    ReportWriter w = new ReportWriter();
    assertThat(w.render(empty, Format.HTML)).contains("No active findings.");
    assertThat(w.render(empty, Format.MARKDOWN)).contains("No active findings.");
    assertThat(w.render(empty, Format.JSON)).contains("\"findings\" : [ ]");
    ReportModel builtIn = ReportModel.build(Samples.basic(), "", dev.pgops.rules.BuiltInRules.engine()
            .evaluate(Samples.basic(), PgopsConfig.defaults()),
        dev.pgops.rules.Scorecard.of(dev.pgops.rules.Checklist.builtIn(), dev.pgops.rules.BuiltInRules.engine()
            .evaluate(Samples.basic(), PgopsConfig.defaults())), Samples.TOOL, Samples.GENERATED);
    assertThat(w.render(builtIn, Format.HTML)).contains("unused-index");
  }

  @Test
  void formatParsesNames() {
    assertThat(Format.parse("HTML")).isEqualTo(Format.HTML);
    assertThat(Format.parse("markdown")).isEqualTo(Format.MARKDOWN);
    assertThat(Format.parse(" md ")).isEqualTo(Format.MARKDOWN);
    assertThatThrownBy(() -> Format.parse("pdf")).hasMessageContaining("html, md, json");
  }
}
