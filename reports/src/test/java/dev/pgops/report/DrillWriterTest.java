package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.snapshot.DrillRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillWriterTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private static DrillRecord record(String outcome, String failure, Instant restored, Instant recovered, Instant verified,
      Long rto, Long rtoTarget, List<DrillRecord.Step> steps) {
    return new DrillRecord("20261124T100000Z-main", "pgbackrest", "main", "7507672962298572862", "20261123-010002F",
        Instant.parse("2026-11-23T01:07:12Z"), "latest", "17.2", T0, restored, recovered, verified, rto, 40L, rtoTarget,
        300L, steps, outcome, failure, "jdoe", "CHG-1");
  }

  @Test
  void rendersPhasesTargetsAndStepsEscaped() throws Exception {
    DrillRecord r = record("pass", null, T0.plusSeconds(130), T0.plusSeconds(245).plusMillis(500), T0.plusSeconds(250), 250L,
        120L, List.of(new DrillRecord.Step("verify.sql:2: SELECT count(*) FROM orders", "ok", "1000 (expected 1000)"),
            new DrillRecord.Step("hostile | <script>", "failed", "line\nbreak")));
    String md = new DrillWriter(ToolInfo.pgops("1.2.3")).render(r);

    assertThat(md).startsWith("# Restore drill: main\n").contains(
        "**Outcome: PASS**\n",
        "| Backup restored | 20261123\\-010002F \\(ended 2026\\-11\\-23 01:07:12 UTC\\) |",
        "| Restored cluster | PostgreSQL 17\\.2, system identifier 7507672962298572862 |",
        "| Restore of the files | 2026\\-11\\-24 10:00:00 UTC | 2026\\-11\\-24 10:02:10 UTC | 2 min 10 s |",
        "| Recovery \\(WAL replay until the server accepts writes\\) | 2026\\-11\\-24 10:02:10 UTC | 2026\\-11\\-24 10:04:05 UTC | 1 min 56 s |",
        "| Verification | 2026\\-11\\-24 10:04:05 UTC | 2026\\-11\\-24 10:04:10 UTC | 4\\.5 s |",
        "**4 min 10 s**, over the target of 2 min by 2 min 10 s",
        "**40 s**, within the target of 5 min",
        "| 1 | verify\\.sql:2: SELECT count\\(\\*\\) FROM orders | ok | 1000 \\(expected 1000\\) |",
        "| 2 | hostile \\| \\<script\\> | failed | line break |",
        "Written by pgops 1\\.2\\.3 from drill record 20261124T100000Z\\-main.");
  }

  @Test
  void aFailedDrillShowsWhyAndWhatWasNotReached() throws Exception {
    DrillRecord r = record("fail", "pgBackRest stanza 'main': missing stanza path (status 1)", null, null, null, null, null,
        List.of());
    String md = new DrillWriter(ToolInfo.pgops("1.2.3")).render(r);
    assertThat(md).contains("**Outcome: FAIL**: pgBackRest stanza 'main': missing stanza path \\(status 1\\)",
        "| Restore of the files | 2026\\-11\\-24 10:00:00 UTC |  | not reached |",
        "**not measured**, no target given", "| | none recorded | | |");
  }

  @Test
  void durationsReadLikeAPersonWouldSayThem() {
    assertThat(DrillModel.seconds(59)).isEqualTo("59 s");
    assertThat(DrillModel.seconds(3600)).isEqualTo("1 h");
    assertThat(DrillModel.seconds(3661)).isEqualTo("1 h 1 min");
    assertThat(DrillModel.seconds(90_000)).isEqualTo("1 d 1 h");
  }
}
