package dev.pgops.report.review;

import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.report.ToolInfo;
import dev.pgops.review.ReviewEngine;
import dev.pgops.review.ReviewFacts;
import dev.pgops.review.ReviewOptions;
import dev.pgops.review.ReviewResult;
import dev.pgops.review.Runner;
import dev.pgops.review.TableFacts;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.PgopsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The review sample ({@code samples/review/}) and hostile inputs, reviewed in process with fixed facts and clock. */
public final class ReviewSamples {
  static final Instant GENERATED = Instant.parse("2026-11-23T12:00:00Z");
  static final ToolInfo TOOL = ToolInfo.pgops("0.1.0-test");
  static final long MB = 1024L * 1024, GB = MB * 1024;
  public static final String XSS = "<script>alert(1)</script>";

  private ReviewSamples() {}

  static Path samplesDir() {
    Path here = Path.of("").toAbsolutePath();
    Path dir = here.resolve("samples");
    return dir.toFile().isDirectory() && !here.endsWith("reports") ? dir : here.getParent().resolve("samples");
  }

  /** What a snapshot of the production database would say about the tables the sample touches (PG 16.4). */
  static ReviewFacts facts() {
    TableFacts orders = new TableFacts("public.orders", 41 * GB, 23 * GB, 310_000_000L, 6, 18 * GB, 120.0,
        List.of("public.order_items.order_items_order_fk"),
        Map.of("id", "bigint", "customer_id", "bigint", "total", "numeric(10,2)", "created_at", "timestamp with time zone",
            "ref", "text"), List.of(), List.of());
    TableFacts items = new TableFacts("public.order_items", 8 * MB, 6 * MB, 90_000L, 2, 2 * MB, 3.0, List.of(),
        Map.of("sku", "text"), List.of(), List.of());
    TableFacts audit = new TableFacts("public.audit_log", 3 * GB, 3 * GB, 20_000_000L, 1, 200 * MB, 40.0, List.of(),
        Map.of(), List.of(), List.of());
    TableFacts legacy = new TableFacts("public.legacy_events", 200 * MB, 180 * MB, 1_500_000L, 1, 20 * MB, null,
        List.of(), Map.of(), List.of(), List.of());
    return new ReviewFacts("snapshot prod-2026-11-22.json.gz", 16, 160004, true,
        Map.of(orders.name(), orders, items.name(), items, audit.name(), audit, legacy.name(), legacy), Map.of(),
        List.of());
  }

  /** The three sample migrations, named relative to samples/review/ so the goldens hold no absolute path. */
  static List<MigrationFile> sampleFiles() {
    Path dir = samplesDir().resolve("review");
    List<MigrationFile> out = new ArrayList<>();
    for (Path p : MigrationReader.sqlFilesUnder(dir.resolve("migrations"))) {
      out.add(MigrationReader.read(dir.relativize(p).toString().replace('\\', '/'), read(p)));
    }
    return out;
  }

  static ReviewResult review(List<MigrationFile> files, ReviewFacts facts, Runner runner) {
    return new ReviewEngine(BuiltInRules.MIGRATION).review(files, facts, ReviewOptions.defaults().withRunner(runner),
        PgopsConfig.defaults());
  }

  static ReviewModel model(ReviewResult r) {
    return ReviewModel.build(r, BuiltInRules.MIGRATION, TOOL, GENERATED);
  }

  public static ReviewModel sample() {
    return model(review(sampleFiles(), facts(), Runner.FLYWAY));
  }

  /**
   * Migration text that would run script, break a table or end a fence if it were not escaped: hostile names,
   * backticks, pipes, terminal escape sequences; plus a file that cannot be read.
   */
  public static ReviewModel hostile() {
    String sql = "CREATE INDEX \"" + XSS + "\" ON \"</details><img src=x onerror=alert(2)>\" (\"a|b\");\n"
        + "ALTER TABLE orders ADD COLUMN \"```\" text DEFAULT '</code></pre><script>alert(3)</script>';\n"
        + "UPDATE orders SET note = '| x | y |\u001b[2J' ;\n";
    MigrationFile ok = MigrationReader.read("migrations/" + XSS + ".sql", sql);
    MigrationFile bad = MigrationReader.read("migrations/broken|`x`.sql", "SELECT 1;\nCREATE FUNCTION f() AS $$ oops");
    return model(review(List.of(ok, bad), facts(), Runner.PLAIN));
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
