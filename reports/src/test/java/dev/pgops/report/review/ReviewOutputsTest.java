package dev.pgops.report.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.review.ReviewFacts;
import dev.pgops.review.Runner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each output shows, hostile SQL escaped everywhere, and the Markdown kept under GitHub's limit. */
class ReviewOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReviewWriter writer = new ReviewWriter(Path.of(""));

  static String gfm(String markdown) {
    MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
  }

  @Test
  void textHasOneBlockPerFindingAndASummary() throws Exception {
    ReviewModel m = ReviewSamples.sample();
    String text = writer.render(m, ReviewFormat.TEXT);
    assertThat(text).contains("migrations/V2__orders.sql:6:1  critical  create-index-non-concurrent  CREATE INDEX on orders")
        .contains("    safe alternative:\n      CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);")
        .contains("pgops review: 3 files, 27 statements, ")
        .contains("1 suppressed")
        .contains("database: snapshot prod-2026-11-22.json.gz, PostgreSQL 16.4")
        .doesNotContain("\u001b");
    assertThat(writer.renderText(m, true)).contains("\u001b[1;35mcritical\u001b[0m");
  }

  @Test
  void failedAndEmptyFilesAreInTheSummary() throws Exception {
    MigrationFile ok = MigrationReader.read("a.sql", "CREATE INDEX i ON t (x);");
    MigrationFile empty = MigrationReader.read("empty.sql", "-- nothing yet\n");
    MigrationFile bad = MigrationReader.read("bad.sql", "SELECT 1;\n/* never closed");
    ReviewModel m = ReviewSamples.model(ReviewSamples.review(List.of(ok, empty, bad), ReviewFacts.none(null), Runner.PLAIN));
    String text = writer.render(m, ReviewFormat.TEXT);
    assertThat(text).contains("a.sql:1:1  ")
        .contains("could not read: bad.sql:2:1: unterminated")
        .contains("note: empty.sql: no statements")
        .contains("PostgreSQL 13 assumed");
    JsonNode json = JSON.readTree(writer.render(m, ReviewFormat.JSON));
    assertThat(json.path("files")).hasSize(3);
    assertThat(json.path("files").get(0).has("error")).isTrue();
    assertThat(json.path("files").get(0).path("error").isNull()).isTrue();
    assertThat(json.path("files").get(2).path("error").asText()).startsWith("bad.sql:2:1: unterminated");
    assertThat(json.path("files").get(1).path("statements").asInt()).isZero();
    assertThat(json.path("summary").path("unreadableFiles").asInt()).isEqualTo(1);
    assertThat(json.path("database").path("versionAssumed").asBoolean()).isTrue();
    assertThat(json.path("database").path("source").asText()).isEqualTo("none");
    assertThat(writer.render(m, ReviewFormat.MARKDOWN)).contains("Could not read 1 file(s)");
    assertThat(writer.renderPlan(m)).contains("Not reviewed:");
  }

  @Test
  void jsonCarriesTheContract() throws Exception {
    JsonNode j = JSON.readTree(writer.render(ReviewSamples.sample(), ReviewFormat.JSON));
    assertThat(j.path("tool").path("name").asText()).isEqualTo("pgops");
    assertThat(j.path("tool").path("version").asText()).isEqualTo("0.1.0-test");
    assertThat(j.path("database").path("version").asText()).isEqualTo("16.4");
    assertThat(j.path("database").path("versionNum").asInt()).isEqualTo(160004);
    JsonNode f = j.path("findings").get(0);
    for (String k : List.of("ruleId", "severity", "area", "checklistItem", "location", "message", "evidence",
        "remediation", "fingerprint")) {
      assertThat(f.has(k)).as(k).isTrue();
    }
    assertThat(f.path("location").path("file").asText()).startsWith("migrations/");
    JsonNode s = j.path("statements").get(0);
    for (String k : List.of("file", "line", "column", "kind", "classifiedBy", "lock", "rewrite", "scan", "transaction")) {
      assertThat(s.has(k)).as(k).isTrue();
    }
    assertThat(j.path("statements")).allSatisfy(st ->
        assertThat(st.path("classifiedBy").asText()).isIn("jsqlparser", "tokens", "unknown"));
    assertThat(j.path("statements")).anySatisfy(st -> assertThat(st.path("transaction").asText()).isEqualTo("per-file"));
    assertThat(j.path("suppressed")).singleElement().satisfies(x ->
        assertThat(x.path("reason").asText()).contains("small lookup table"));
  }

  @Test
  void hostileSqlIsEscapedInHtml() throws Exception {
    String html = writer.render(ReviewSamples.hostile(), ReviewFormat.HTML);
    assertThat(html).doesNotContain(ReviewSamples.XSS, "<img", "</code></pre><script>", "<script>alert")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Content-Security-Policy");
    assertThat(html.split("<script", -1)).hasSize(2);
  }

  @Test
  void hostileSqlIsEscapedInMarkdownAndThePlan() throws Exception {
    ReviewModel m = ReviewSamples.hostile();
    for (String md : List.of(writer.render(m, ReviewFormat.MARKDOWN), writer.renderPlan(m))) {
      String html = gfm(md);
      assertThat(html).doesNotContain("<script", "<img", "<pre><script");
      // the backtick column name cannot end the SQL fence: its statement stays one code block
      assertThat(md).doesNotContain("\u001b");
    }
    String plan = writer.renderPlan(m);
    assertThat(plan).contains("````sql\nALTER TABLE orders ADD COLUMN \"```\" text");
    String md = writer.render(m, ReviewFormat.MARKDOWN);
    String locks = md.substring(md.indexOf("### Locks per statement"), md.indexOf("The filled migration plan"));
    String table = gfm(locks);
    assertThat(table.split("<tr>", -1)).as("header + one row per statement").hasSize(1 + 1 + m.statements().size());
  }

  @Test
  void markdownStaysUnderTheCommentLimit() throws Exception {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < 1500; i++) sql.append("CREATE INDEX orders_").append(i).append("_idx ON orders (c").append(i).append(");\n");
    MigrationFile big = MigrationReader.read("migrations/V9__many.sql", sql.toString());
    ReviewModel m = ReviewSamples.model(ReviewSamples.review(List.of(big), ReviewSamples.facts(), Runner.PLAIN));
    assertThat(m.findings().size()).isGreaterThan(1500);
    String md = writer.render(m, ReviewFormat.MARKDOWN);
    assertThat(md.length()).isLessThanOrEqualTo(ReviewWriter.MARKDOWN_LIMIT);
    assertThat(gfm(md)).contains("Truncated to fit a pull-request comment", "of " + m.findings().size() + " findings",
        "are not shown here", "pgops review: 1500 critical", "<table>");
    String small = writer.render(ReviewSamples.sample(), ReviewFormat.MARKDOWN);
    assertThat(small).doesNotContain("Truncated");
  }
}
