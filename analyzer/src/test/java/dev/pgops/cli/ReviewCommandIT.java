package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.snapshot.SnapshotJson;
import dev.pgops.testing.EmbeddedPg;
import dev.pgops.testing.PgMajors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `pgops review` end to end against real PostgreSQL (issue 4): the same migration reviewed live against a database
 * whose table is large and one where it is empty gets a higher severity and the table's size in the message;
 * the same through `pgops collect` + `review --snapshot`; the server version comes from the database.
 */
class ReviewCommandIT {
  @TempDir Path dir;

  private static final String MIGRATION = """
      ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
      CREATE INDEX orders_customer_idx ON orders (customer_id);
      """;
  // small thresholds keep the "large" table a few MB, so the test stays fast
  private static final String[] SIZES = {"--small-table", "256kB", "--large-table", "2MB", "--huge-table", "500MB"};

  @Test
  void aLargeTableGetsAHigherSeverityAndItsSizeInTheMessage() throws Exception {
    int major = PgMajors.configured().get(0);
    Path migration = dir.resolve("V7__orders_token.sql");
    Files.writeString(migration, MIGRATION);
    try (EmbeddedPg pg = EmbeddedPg.start(major)) {
      for (String db : new String[] {"big", "empty"}) {
        pg.createDatabase(db);
        pg.exec(db, "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text)");
      }
      pg.exec("big", "INSERT INTO orders SELECT g, g % 1000, repeat('x', 60) FROM generate_series(1, 60000) g");
      pg.exec("big", "ANALYZE orders");

      JsonNode big = review(pg, "big", migration, "live-big");
      JsonNode empty = review(pg, "empty", migration, "live-empty");
      JsonNode bigIndex = finding(big, "create-index-non-concurrent");
      JsonNode emptyIndex = finding(empty, "create-index-non-concurrent");
      assertThat(bigIndex.get("severity").asText()).isEqualTo("high");
      assertThat(emptyIndex.get("severity").asText()).isEqualTo("low");
      assertThat(bigIndex.get("message").asText()).contains("public.orders: ").containsPattern("\\d+(\\.\\d+)? MB")
          .contains("rows");
      assertThat(emptyIndex.get("message").asText()).doesNotContain(" MB");
      JsonNode rewrite = finding(big, "add-column-volatile-default");
      assertThat(rewrite.get("severity").asText()).isIn("high", "critical");
      assertThat(rewrite.at("/evidence/estimatedDuration").asText()).isNotEmpty();
      assertThat(big.at("/database/version").asText()).startsWith(String.valueOf(major));

      // the same facts from a snapshot file: collect, then review --snapshot
      Path snap = dir.resolve("big.json.gz");
      CliRun collect = CliRun.of("collect", "-d", pg.jdbcUrl("big") + "?user=postgres", "-o", snap.toString());
      assertThat(collect.exit()).as(collect.err()).isZero();
      Path out = dir.resolve("snap");
      CliRun run = CliRun.of(concat(new String[] {"review", migration.toString(), "--snapshot", snap.toString(),
          "--format", "json,sarif,md", "-o", out.toString()}, SIZES));
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
      JsonNode fromSnapshot = SnapshotJson.mapper().readTree(Files.readString(out.resolve("review.json")));
      assertThat(finding(fromSnapshot, "create-index-non-concurrent").get("severity").asText()).isEqualTo("high");
      // the plan is Markdown-escaped ("public\\.orders", "7\\.6 MB")
      assertThat(Files.readString(out.resolve("migration-plan.md"))).contains("orders")
          .containsPattern("Table: public\\\\?\\.orders, \\d+(\\\\?\\.\\d+)? MB; estimated duration");
    }
  }

  @Test
  void anUnreachableDatabaseIsARuntimeErrorOnOneLine() throws Exception {
    Path migration = dir.resolve("V1.sql");
    Files.writeString(migration, MIGRATION);
    CliRun run = CliRun.of("review", migration.toString(), "-d", "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("secret").startsWith("pgops: ");
  }

  private JsonNode review(EmbeddedPg pg, String db, Path migration, String name) throws Exception {
    Path out = dir.resolve(name);
    CliRun run = CliRun.of(concat(new String[] {"review", migration.toString(), "-d", pg.jdbcUrl(db) + "?user=postgres",
        "--format", "json", "-o", out.toString()}, SIZES));
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    return SnapshotJson.mapper().readTree(Files.readString(out.resolve("review.json")));
  }

  private static JsonNode finding(JsonNode review, String ruleId) {
    for (JsonNode f : review.get("findings")) if (f.get("ruleId").asText().equals(ruleId)) return f;
    throw new AssertionError("no " + ruleId + " finding in " + review.get("findings"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
