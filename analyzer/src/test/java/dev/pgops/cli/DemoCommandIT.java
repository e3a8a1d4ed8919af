package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.snapshot.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pgops demo` end to end: embedded PostgreSQL 17, the sample shop, the full check, four files. */
class DemoCommandIT {
  /** Problems samples/demo plants, and the server defaults it keeps on purpose (see samples/demo/README.md). */
  static final Set<String> PLANTED = Set.of("invalid-index", "duplicate-index", "redundant-index", "fk-without-index",
      "table-without-primary-key", "integer-key-near-overflow", "not-valid-constraint", "autovacuum-disabled-table",
      "dead-tuple-ratio", "never-analyzed", "replication-slot-inactive", "risky-column-type", "unlogged-table",
      "disabled-trigger", "md5-password", "too-many-superusers", "seq-scan-heavy-table", "unused-index",
      "archive-mode-off", "safety-timeouts-unset", "track-io-timing-off");

  @TempDir Path dir;

  private static int planFindings(JsonNode json) {
    int n = 0;
    for (JsonNode f : json.get("findings")) if (f.get("ruleId").asText().startsWith("plan-")) n++;
    return n;
  }

  @Test
  void demoWritesReportsAndSnapshotAndFindsThePlantedProblems() throws Exception {
    Path out = dir.resolve("pgops-demo");
    CliRun run = CliRun.of("demo", "-o", out.toString());
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    for (String f : new String[] {"report.html", "report.md", "report.json", "perf-triage-log.md", "snapshot.json.gz"}) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
      assertThat(run.out()).contains(out.resolve(f).toString());
    }
    JsonNode json = SnapshotJson.mapper().readTree(Files.readString(out.resolve("report.json")));
    Set<String> found = new HashSet<>();
    Set<String> areas = new HashSet<>();
    json.get("findings").forEach(f -> {
      if (PLANTED.contains(f.get("ruleId").asText())) {
        found.add(f.get("ruleId").asText());
        areas.add(f.get("area").asText());
      }
    });
    assertThat(found).as("planted problems found").hasSizeGreaterThanOrEqualTo(10);
    assertThat(areas).as("areas with planted problems").hasSizeGreaterThanOrEqualTo(5);
    json.get("collectors").forEach(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("ok"));
    assertThat(json.at("/snapshot/server/versionNum").asInt() / 10000).isEqualTo(17);
    // performance triage: top statements, EXPLAIN ANALYZE plans of the constant-free reports, plan tree, triage log
    assertThat(json.get("statements")).isNotEmpty();
    Set<String> methods = new HashSet<>();
    json.get("plans").forEach(p -> methods.add(p.get("method").asText()));
    assertThat(methods).contains("analyze");
    assertThat(planFindings(json)).as("plan findings").isPositive();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("<details").contains("Sort");
    assertThat(out.resolve("perf-triage-log.md")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("perf-triage-log.md"))).contains("plan-");
    System.out.println("demo: " + found.size() + " planted problems found in " + areas + "; missed: "
        + PLANTED.stream().filter(p -> !found.contains(p)).sorted().toList());
  }
}
