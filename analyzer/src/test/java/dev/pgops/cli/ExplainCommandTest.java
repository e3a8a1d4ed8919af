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

/** `pgops explain FILE…` on EXPLAIN JSON recorded from real servers (collectors' plan fixtures). */
class ExplainCommandTest {
  private static final Path FIXTURES = Path.of("..", "collectors", "src", "test", "resources", "dev", "pgops", "plan");

  @TempDir Path dir;

  private static Set<String> rules(Path reportJson) throws Exception {
    JsonNode json = SnapshotJson.mapper().readTree(Files.readString(reportJson));
    Set<String> ids = new HashSet<>();
    json.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
    return ids;
  }

  @Test
  void checksPlansFromFilesInEveryShapeWithThePlanRulesOnly() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("explain", FIXTURES.resolve("pg17-sort-spill.json").toString(),
        FIXTURES.resolve("pg18-misestimate.json").toString(), FIXTURES.resolve("auto-explain.json").toString(),
        FIXTURES.resolve("psql-framed.txt").toString(), "-o", out.toString(), "--format", "json,md");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    Set<String> ids = rules(out.resolve("report.json"));
    assertThat(ids).contains("plan-sort-spill", "plan-row-misestimate");
    assertThat(ids).allMatch(id -> id.startsWith("plan-"));
    assertThat(Files.readString(out.resolve("report.md"))).contains("pg17\\-sort\\-spill\\.json");
    assertThat(out.resolve("perf-triage-log.md")).isNotEmptyFile();
  }

  @Test
  void aBrokenFileIsNamedOnOneLineAndTheOthersAreStillChecked() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "[{\"Plan\": {\"Node Type\": \"Seq Scan\"");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("explain", broken.toString(), FIXTURES.resolve("pg17-sort-spill.json").toString(),
        "-o", out.toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines().filter(l -> l.contains("broken.json")).count()).isEqualTo(1);
    assertThat(rules(out.resolve("report.json"))).contains("plan-sort-spill");
  }

  @Test
  void noReadablePlanIsExit3AndWritesNothing() throws Exception {
    Path text = dir.resolve("text-format.txt");
    Files.writeString(text, "Seq Scan on orders  (cost=0.00..1.00 rows=1 width=4)\n");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("explain", text.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("text-format.txt");
    assertThat(out).doesNotExist();
  }
}
