package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code samples/basic/snapshot.json} renders byte for byte to the checked-in {@code report.html},
 * {@code report.md} and {@code report.json} (fixed clock, tool version and locale; no line filtering).
 * {@code -Dgolden.update=true} rewrites the snapshot (from {@link Samples#basic()}) and the reports:
 * review the diff.
 */
class GoldenReportTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @Test
  void basicScenarioMatchesGoldenFiles() throws Exception {
    Path dir = Samples.samplesDir().resolve("basic");
    Path snapshotFile = dir.resolve("snapshot.json");
    if (UPDATE) SnapshotJson.write(Samples.basic(), snapshotFile);
    assertThat(snapshotFile).as("missing: run with -Dgolden.update=true").exists();
    SnapshotJson.Loaded loaded = SnapshotJson.read(snapshotFile);
    ReportModel model = Samples.model(loaded.snapshot(), loaded.sha256(), Samples.basicConfig());
    ReportWriter writer = new ReportWriter();
    for (Format format : Format.values()) {
      Path golden = dir.resolve("report." + format.extension());
      String actual = writer.render(model, format);
      if (UPDATE) writer.write(model, format, golden);
      assertThat(golden).as("missing: run with -Dgolden.update=true").exists();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      assertThat(actual).as("%s differs from %s (rerun with -Dgolden.update=true and review the diff)", format, golden)
          .isEqualTo(expected);
    }
  }

  @Test
  void goldenModelHasTheExpectedShape() throws IOException, Exception {
    SnapshotJson.Loaded loaded = SnapshotJson.read(Samples.samplesDir().resolve("basic/snapshot.json"));
    ReportModel m = Samples.model(loaded.snapshot(), loaded.sha256(), Samples.basicConfig());
    assertThat(m.partial()).isTrue();
    assertThat(m.header().snapshotSha256()).isEqualTo(loaded.sha256()).hasSize(64);
    assertThat(m.findings()).extracting(ReportModel.FindingView::severity).isSortedAccordingTo(
        (a, b) -> Integer.compare(dev.pgops.findings.Severity.parse(a).ordinal(), dev.pgops.findings.Severity.parse(b).ordinal()));
    assertThat(m.findings()).extracting(ReportModel.FindingView::ruleId)
        .contains("unused-index", "xid-wraparound-table", "table-bloat", "table-without-primary-key", "idle-in-transaction",
            "pending-restart", "risky-column-type", "waiver-expired");
    assertThat(m.waived()).singleElement().satisfies(w -> {
      assertThat(w.owner()).isEqualTo("dba-team");
      assertThat(w.finding().objectLabel()).startsWith("public.orders_legacy_status_idx");
    });
    assertThat(m.charts().largestTables()).hasSize(10);
    assertThat(m.charts().largestTables().get(0).name()).isEqualTo("public.orders");
    assertThat(m.charts().largestTables().get(0).bloatBytes()).isEqualTo(3L * Samples.GB);
    assertThat(m.checklist()).flatExtracting(ReportModel.ChecklistGroup::items)
        .filteredOn(i -> i.id().equals("BAK-1")).singleElement()
        .satisfies(i -> {
          assertThat(i.state()).isEqualTo("not-evaluated");
          assertThat(i.reasons()).anySatisfy(r -> assertThat(r).contains("permission denied"));
        });
  }
}
