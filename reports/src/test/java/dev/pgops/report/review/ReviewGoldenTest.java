package dev.pgops.report.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/review/migrations/} reviewed with fixed database facts, clock and tool version renders byte for
 * byte to the checked-in {@code review.txt}, {@code review.md}, {@code review.html}, {@code review.json},
 * {@code review.sarif} and {@code migration-plan.md}. {@code -Dgolden.update=true} rewrites them: review the diff.
 */
class ReviewGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Test
  void sampleMatchesGoldenFiles() throws Exception {
    Path dir = ReviewSamples.samplesDir().resolve("review");
    ReviewModel m = ReviewSamples.sample();
    ReviewWriter w = new ReviewWriter(dir);
    for (ReviewFormat f : ReviewFormat.values()) {
      String name = f == ReviewFormat.TEXT ? "review.txt" : f.fileName();
      check(dir.resolve(name), w.render(m, f));
    }
    check(dir.resolve(ReportWriter.MIGRATION_PLAN_FILE), w.renderPlan(m));
  }

  private static void check(Path golden, String actual) throws IOException {
    if (UPDATE) ReportWriter.atomically(golden, out -> out.write(actual));
    assertThat(golden).as("missing: run with -Dgolden.update=true").exists();
    assertThat(actual).as("%s differs (rerun with -Dgolden.update=true and review the diff)", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
