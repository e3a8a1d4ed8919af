package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgMajors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `pgops check` end to end against real PostgreSQL: 13 and 18 always, plus the configured majors. */
class CheckCommandIT {
  @TempDir Path dir;

  static Stream<Integer> majors() {
    Set<Integer> m = new TreeSet<>(List.of(13, 18));
    m.addAll(PgMajors.configured());
    return m.stream();
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void checkReportsThePlantedProblemsAsJson(int major) throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      pg.createDatabase("shop");
      pg.execResource("shop", CheckCommandIT.class, "planted.sql");
      // a failed concurrent build leaves an invalid index (cannot run inside a multi-statement script)
      pg.exec("shop", "INSERT INTO audit_log VALUES (now(), 'dup', 'x'), (now(), 'dup', 'x')");
      try {
        pg.exec("shop", "CREATE UNIQUE INDEX CONCURRENTLY audit_log_who_key ON audit_log (who)");
      } catch (IllegalStateException expected) {
        // duplicate key: the index stays behind, invalid
      }
      Path out = dir.resolve("pg" + major);
      CliRun run = CliRun.of("check", "-d", pg.jdbcUrl("shop") + "?user=postgres", "--format", "json", "-o", out.toString(),
          "--fail-on", "critical");
      assertThat(run.err()).doesNotContain("Exception");
      assertThat(run.exit()).as(run.out() + run.err()).isIn(0, 1);
      assertThat(out.resolve("report.html")).doesNotExist();
      JsonNode json = SnapshotJson.mapper().readTree(Files.readString(out.resolve("report.json")));

      assertThat(json.at("/snapshot/server/versionNum").asInt() / 10000).isEqualTo(major);
      assertThat(json.at("/snapshot/sha256").asText()).hasSize(64);
      Set<String> collectors = new HashSet<>();
      json.get("collectors").forEach(c -> {
        collectors.add(c.get("name").asText());
        assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("ok");
      });
      assertThat(collectors).contains("settings", "tables", "indexes", "constraints", "activity", "replication", "roles");

      Set<String> rules = new HashSet<>();
      json.get("findings").forEach(f -> rules.add(f.get("ruleId").asText()));
      assertThat(rules).contains("invalid-index", "duplicate-index", "fk-without-index", "table-without-primary-key",
          "not-valid-constraint", "integer-key-near-overflow", "disabled-trigger", "unlogged-table",
          "risky-column-type", "replication-slot-inactive", "archive-mode-off");
      assertThat(json.get("areas")).isNotEmpty();
      assertThat(out.resolve("snapshot.json.gz")).exists();

      // the same snapshot re-rendered: hostile names and comments from the database come out escaped
      CliRun report = CliRun.of("report", out.resolve("snapshot.json.gz").toString(), "--format", "html,md",
          "-o", out.toString());
      assertThat(report.exit()).as(report.err()).isZero();
      String html = Files.readString(out.resolve("report.html"));
      String md = Files.readString(out.resolve("report.md"));
      assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x")
          .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;");
      // outside fenced code blocks (which GitHub renders as literal text) nothing is raw
      assertThat(md.replaceAll("(?ms)^(`{3,})[^\n]*\n.*?^\\1\\s*$", ""))
          .doesNotContainPattern("(?<!\\\\)<(script|img)")
          .contains("\\<script\\>alert\\(1\\)\\</script\\>", "\\</style\\>\\<img src=x onerror=alert\\(1\\)\\>");
    }
  }
}
