package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pgops review` without a database: outputs, exit codes, malformed input, usage errors. */
class ReviewCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "-- add an index\nSELECT 1;\n  CREATE INDEX orders_customer_idx ON orders (customer_id);\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static List<String> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void textShowsPositionRuleAndSafeAlternativeThenTheSummary() throws Exception {
    Path v1 = file("V1__index.sql", INDEX);
    CliRun r = CliRun.of("review", v1.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(v1 + ":3:3  high  create-index-non-concurrent  CREATE INDEX on orders")
        .contains("    safe alternative:\n      CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx")
        .contains("pgops review: 1 file, 2 statements, ")
        .contains("database: no database facts, PostgreSQL 13 assumed")
        .contains("runner: plain")
        .doesNotContain("\u001b");
    assertThat(r.err()).isEmpty();
    assertThat(CliRun.of("review", "--color", v1.toString()).out()).contains("\u001b[1;31mhigh\u001b[0m");
    CliRun v16 = CliRun.of("review", "--pg-version", "16.2", "--runner", "flyway", v1.toString());
    assertThat(v16.out()).contains("PostgreSQL 16.2 (given)").contains("runner: flyway, transaction mode per-file");
  }

  @Test
  void jsonFollowsTheContract() throws Exception {
    Path v1 = file("m/V1__index.sql", INDEX);
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("review", dir.resolve("m").toString(), "--format", "json", "-o", out.toString(),
        "--pg-version", "17");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("pgops review: 1 file, 2 statements, 1 high").contains("wrote " + out.resolve("review.json"));
    assertThat(listing(out)).containsExactly("review.json");
    JsonNode j = JSON.readTree(out.resolve("review.json").toFile());
    assertThat(j.path("tool").path("name").asText()).isEqualTo("pgops");
    assertThat(j.path("tool").has("version")).isTrue();
    assertThat(j.path("database").path("source").asText()).isEqualTo("none");
    assertThat(j.path("database").path("version").asText()).isEqualTo("17");
    assertThat(j.path("database").path("versionAssumed").asBoolean()).isFalse();
    assertThat(j.path("files").get(0).path("file").asText()).isEqualTo(v1.toString());
    assertThat(j.path("files").get(0).path("statements").asInt()).isEqualTo(2);
    JsonNode s = j.path("statements").get(1);
    assertThat(s.path("kind").asText()).isEqualTo("CREATE INDEX");
    assertThat(s.path("classifiedBy").asText()).isIn("jsqlparser", "tokens");
    assertThat(s.path("lock").asText()).isEqualTo("SHARE");
    assertThat(s.path("scan").asBoolean()).isTrue();
    assertThat(s.path("rewrite").asBoolean()).isFalse();
    assertThat(s.path("transaction").asText()).isEqualTo("none");
    assertThat(s.path("line").asInt()).isEqualTo(3);
    assertThat(s.path("column").asInt()).isEqualTo(3);
    JsonNode f = j.path("findings").get(0);
    assertThat(f.path("ruleId").asText()).isEqualTo("create-index-non-concurrent");
    assertThat(f.path("severity").asText()).isEqualTo("high");
    assertThat(f.path("area").asText()).isEqualTo("migrations");
    assertThat(f.path("checklistItem").asText()).isEqualTo("MIG-2");
    assertThat(f.path("location").path("file").asText()).isEqualTo(v1.toString());
    assertThat(f.path("location").path("line").asInt()).isEqualTo(3);
    assertThat(f.path("remediation").asText()).contains("CONCURRENTLY");
    assertThat(f.path("fingerprint").asText()).isNotBlank();
    assertThat(j.path("suppressed").isArray()).isTrue();
  }

  @Test
  void sarifMarkdownHtmlAndThePlanAreWrittenWithNothingLeftOver() throws Exception {
    Path v1 = file("V1__index.sql", INDEX);
    Path out = dir.resolve("out");
    Path plan = dir.resolve("plans/plan.md");
    CliRun r = CliRun.of("review", v1.toString(), "-f", "sarif,md,html,text", "-o", out.toString(), "--plan", plan.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(":3:3  high  create-index-non-concurrent");
    assertThat(listing(out)).containsExactly("migration-plan.md", "review.html", "review.md", "review.sarif");
    JsonNode sarif = JSON.readTree(out.resolve("review.sarif").toFile());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode result = sarif.path("runs").get(0).path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("create-index-non-concurrent");
    assertThat(result.path("level").asText()).isEqualTo("error");
    assertThat(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(3);
    assertThat(Files.readString(plan)).startsWith("# Migration plan").contains("DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx;");
    assertThat(Files.readString(out.resolve("review.html"))).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy");
  }

  @Test
  void failOnSetsExit1() throws Exception {
    Path v1 = file("V1__index.sql", INDEX);
    assertThat(CliRun.of("review", v1.toString(), "--fail-on", "high").exit()).isEqualTo(1);
    assertThat(CliRun.of("review", v1.toString(), "--fail-on", "critical").exit()).isZero();
    Path cfg = file("pgops.yaml", "rules:\n  create-index-non-concurrent:\n    severity: critical\n");
    assertThat(CliRun.of("review", v1.toString(), "--fail-on", "critical", "-c", cfg.toString()).exit()).isEqualTo(1);
    Path off = file("off.yaml", "rules:\n  create-index-non-concurrent:\n    enabled: false\n");
    CliRun disabled = CliRun.of("review", v1.toString(), "--fail-on", "high", "-c", off.toString());
    assertThat(disabled.exit()).isZero();
    assertThat(disabled.out()).doesNotContain("create-index-non-concurrent");
  }

  @Test
  void malformedFilesAreOneLineErrorsTheOthersAreStillReviewedAndTheExitIs3() throws Exception {
    Path good = file("V1__good.sql", INDEX);
    Path dollar = file("V2__dollar.sql", "SELECT 1;\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$\n  SELECT 1;\n");
    Path comment = file("V3__comment.sql", "SELECT 1;\n/* started\n  and never closed\n");
    Path binary = dir.resolve("V4__binary.sql");
    Files.write(binary, new byte[] {'S', 'E', 'L', 0, 1, 2, (byte) 0xff, ';'});
    Path empty = file("V5__empty.sql", "");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("review", good.toString(), dollar.toString(), comment.toString(), binary.toString(),
        empty.toString(), "-f", "text,json,md", "-o", out.toString(), "--fail-on", "info");
    assertThat(r.exit()).as("3 wins over --fail-on's 1").isEqualTo(3);
    assertThat(r.err().lines().toList()).containsExactly(
        "pgops: " + dollar + ":3:49: unterminated dollar-quoted string $body$ (opened here)",
        "pgops: " + comment + ":2:1: unterminated block comment (opened here)",
        "pgops: " + binary + ": not a text file (binary content)");
    assertThat(r.out()).contains(good + ":3:3  high  create-index-non-concurrent")
        .contains("could not read: " + dollar + ":3:49")
        .contains("note: " + empty + ": no statements");
    assertThat(listing(out)).containsExactly("migration-plan.md", "review.json", "review.md");
    JsonNode j = JSON.readTree(out.resolve("review.json").toFile());
    assertThat(j.path("files")).hasSize(5);
    assertThat(j.path("files").get(0).path("error").isNull()).isTrue();
    assertThat(j.path("files").get(1).path("error").asText()).contains(":3:49: unterminated dollar-quoted string");
    assertThat(j.path("files").get(4).path("error").isNull()).as("an empty file is not an error").isTrue();
    assertThat(j.path("findings")).isNotEmpty();

    CliRun onlyEmpty = CliRun.of("review", empty.toString());
    assertThat(onlyEmpty.exit()).isZero();
    assertThat(onlyEmpty.out()).contains("0 statements").contains("note: " + empty + ": no statements");
  }

  @Test
  void aTenMegabyteFileIsReviewedWithLinesCountedToTheEnd() throws Exception {
    StringBuilder b = new StringBuilder(11 * 1024 * 1024);
    b.append("INSERT INTO events (id, payload) VALUES\n");
    int lines = 0;
    while (b.length() < 10 * 1024 * 1024) {
      b.append("  (").append(lines).append(", '").append("x".repeat(60)).append("'),\n");
      lines++;
    }
    b.append("  (-1, 'end');\nCREATE INDEX events_payload_idx ON events (payload);\n");
    Path big = file("V9__big.sql", b.toString());
    Path good = file("V1__good.sql", INDEX);
    long start = System.nanoTime();
    CliRun r = CliRun.of("review", good.toString(), big.toString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(big + ":" + (lines + 3) + ":1  high  create-index-non-concurrent")
        .contains(good + ":3:3  high");
    assertThat(ms).as("10 MB reviewed in %d ms", ms).isLessThan(60_000);
    // the same file cut in the middle, inside a string: the error names the line the string opened on
    String head = b.substring(0, b.lastIndexOf("\n", 5 * 1024 * 1024) + 1);
    long cutLine = head.lines().count() + 1;
    Path truncated = file("V10__truncated.sql", head + "  (0, 'unterminated");
    CliRun t = CliRun.of("review", truncated.toString());
    assertThat(t.exit()).isEqualTo(3);
    assertThat(t.err().strip()).isEqualTo("pgops: " + truncated + ":" + cutLine + ":7: unterminated quoted string (opened here)");
  }

  @Test
  void aMissingPathIsExit3AndTheOthersAreStillReviewed() throws Exception {
    Path good = file("V1__good.sql", INDEX);
    Path missing = dir.resolve("V2__missing.sql");
    CliRun r = CliRun.of("review", good.toString(), missing.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip()).isEqualTo("pgops: " + missing + ": cannot read (no such file)");
    assertThat(r.out()).contains(good + ":3:3  high  create-index-non-concurrent");
  }

  @Test
  void usageErrorsAreExit2WithOneLineNamingTheOptionAndTheValidValues() throws Exception {
    Path v1 = file("V1__index.sql", INDEX);
    Path out = dir.resolve("out");
    String[][] cases = {
        {"--runner", "mybatis", "pgops: --runner: unknown runner 'mybatis' (valid: plain, flyway, liquibase, golang-migrate, rails, django, alembic, prisma, sqitch)"},
        {"--format", "pdf", "pgops: --format: unknown format 'pdf' (valid: text, md, html, json, sarif)"},
        {"--pg-version", "12", "pgops: --pg-version: '12' is not a supported version (valid: 13, 14, 15, 16, 17, 18, or a release such as 14.2)"},
        {"--pg-version", "latest", "pgops: --pg-version: 'latest' is not a supported version (valid: 13, 14, 15, 16, 17, 18, or a release such as 14.2)"},
        {"--transaction", "always", "pgops: --transaction: unknown mode 'always' (valid: per-file, none)"},
        {"--large-table", "big", "pgops: --large-table: 'big' is not a size (e.g. 500MB, 1GB)"},
        {"--fail-on", "urgent", "pgops: --fail-on: unknown severity 'urgent' (valid: critical, high, medium, low, info)"},
    };
    for (String[] c : cases) {
      CliRun r = CliRun.of("review", v1.toString(), c[0], c[1], "-f", "json", "-o", out.toString());
      assertThat(r.exit()).as(c[0]).isEqualTo(2);
      assertThat(r.err().strip()).as(c[0]).isEqualTo(c[2]);
      assertThat(out).as("nothing written for %s", c[0]).doesNotExist();
    }
    CliRun order = CliRun.of("review", v1.toString(), "--small-table", "2GB", "--large-table", "1GB");
    assertThat(order.exit()).isEqualTo(2);
    assertThat(order.err()).contains("small < large < huge");
    assertThat(CliRun.of("review").exit()).isEqualTo(2);
  }

  @Test
  void sizesAreParsed() {
    assertThat(ReviewCommand.size("x", "1GB", 0)).isEqualTo(1024L * 1024 * 1024);
    assertThat(ReviewCommand.size("x", "500MB", 0)).isEqualTo(500L * 1024 * 1024);
    assertThat(ReviewCommand.size("x", "1.5 gb", 0)).isEqualTo(1536L * 1024 * 1024);
    assertThat(ReviewCommand.size("x", "4096", 0)).isEqualTo(4096);
    assertThat(ReviewCommand.size("x", null, 7)).isEqualTo(7);
  }
}
