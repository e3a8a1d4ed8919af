package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgMajors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Performance triage end to end: a workload with a disk sort, a 100× misestimate, a selective seq scan on a
 * large table and a nested loop with thousands of inner loops; `pgops check --explain-analyze` collects
 * pg_stat_statements and plans, and the matching plan rules fire. A clean workload makes none of them fire.
 */
class PerfTriageIT {
  static final String SORT = "SELECT id, payload FROM big ORDER BY payload";
  static final String MISESTIMATE = "SELECT count(*) FROM big WHERE a = b";
  static final String SELECTIVE = "SELECT id, payload FROM big WHERE c > a";
  // no constants (pg_stat_statements would turn them into $n, and parameterised texts cannot be analysed)
  static final String NESTED = "SELECT c.id, x.latest FROM customers c CROSS JOIN LATERAL "
      + "(SELECT max(o.id) AS latest FROM orders o WHERE o.customer_id = c.id) x";
  static final Set<String> PROBLEM_RULES = Set.of("plan-sort-spill", "plan-row-misestimate",
      "plan-seq-scan-selective-filter", "plan-nested-loop-many-loops");

  @TempDir Path dir;

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("dev.pgops.testing.PgMajors#configured")
  void problemWorkloadFiresThePlanRulesAndCleanWorkloadDoesNot(int major) throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      pg.createDatabase("perf");
      pg.execResource("perf", PerfTriageIT.class, "perf-schema.sql");
      run(pg, "perf", List.of(SORT, MISESTIMATE, SELECTIVE, NESTED), 3);
      JsonNode problem = check(pg, "perf", dir.resolve("problem-" + major));

      Map<String, List<String>> byRule = findingsByRule(problem);
      assertThat(byRule.keySet()).as(byRule.toString()).containsAll(PROBLEM_RULES);
      assertThat(String.join(" ", byRule.get("plan-sort-spill"))).contains("big");
      assertThat(String.join(" ", byRule.get("plan-seq-scan-selective-filter"))).contains("big");
      // the statements and the plans behind the findings are in the report
      assertThat(problem.get("statements")).isNotEmpty();
      List<String> methods = new ArrayList<>();
      problem.get("plans").forEach(p -> methods.add(p.get("method").asText()));
      assertThat(methods).contains("analyze");
      assertThat(Files.readString(dir.resolve("problem-" + major).resolve("perf-triage-log.md")))
          .contains("Sorts, hashes or aggregates exceed work\\_mem", "plan\\-sort\\-spill", "plan\\-nested\\-loop\\-many\\-loops");

      pg.createDatabase("clean");
      pg.execResource("clean", PerfTriageIT.class, "perf-schema.sql");
      run(pg, "clean", List.of("SELECT count(*) FROM customers", "SELECT id, name FROM customers ORDER BY id LIMIT 10"), 3);
      JsonNode clean = check(pg, "clean", dir.resolve("clean-" + major));
      Map<String, List<String>> cleanRules = findingsByRule(clean);
      assertThat(cleanRules.keySet()).as(cleanRules.toString()).doesNotContainAnyElementsOf(PROBLEM_RULES);
      clean.get("findings").forEach(f -> {
        if (f.get("ruleId").asText().startsWith("plan-")) {
          assertThat(f.get("severity").asText()).as(f.toString()).isEqualTo("info");
        }
      });
    }
  }

  private static void run(EmbeddedPg pg, String db, List<String> queries, int times) throws Exception {
    try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
      for (int i = 0; i < times; i++) {
        for (String q : queries) {
          try (ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
              // drain
            }
          }
        }
      }
    }
  }

  private static JsonNode check(EmbeddedPg pg, String db, Path out) throws Exception {
    CliRun r = CliRun.of("check", "-d", pg.jdbcUrl(db) + "?user=postgres", "--explain-analyze", "10",
        "--format", "json,md", "-o", out.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode json = SnapshotJson.mapper().readTree(Files.readString(out.resolve("report.json")));
    json.get("collectors").forEach(c -> assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("ok"));
    return json;
  }

  private static Map<String, List<String>> findingsByRule(JsonNode json) {
    Map<String, List<String>> m = new HashMap<>();
    json.get("findings").forEach(f -> m.computeIfAbsent(f.get("ruleId").asText(), k -> new ArrayList<>())
        .add(f.get("message").asText()));
    return m;
  }
}
