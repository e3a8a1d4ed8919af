package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.drill.DrillRecords;
import dev.pgops.snapshot.DrillRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pgops drill record`, the usage errors of `pgops drill run`, and `--drills` on `pgops report`; no database. */
class DrillCommandTest {
  @TempDir Path dir;

  private static Path repoRoot() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  @Test
  void recordImportsAManualDrillAsJsonAndMarkdown() throws Exception {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("drill", "record", repoRoot().resolve("samples/drills/manual-drill.yaml").toString(), "-o", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    DrillRecord r = DrillRecords.read(out.resolve("drill-2026-W47-orders-prod.json"));
    assertThat(r.outcome()).isEqualTo("pass");
    assertThat(r.rtoSeconds()).isEqualTo(2110);
    String md = Files.readString(out.resolve("drill-2026-W47-orders-prod.md"));
    assertThat(md).contains("**Outcome: PASS**", "35 min 10 s", "within the target of 1 h", "stanza orders\\-prod",
        "412 relations checked", "CHG\\-12345", "| Restore of the files | 2026\\-11\\-20 10:00:00 UTC | 2026\\-11\\-20 10:21:40 UTC | 21 min 40 s |");
    assertThat(run.out()).contains("PASS", "wrote " + out.resolve("drill-2026-W47-orders-prod.json"));
  }

  @Test
  void recordOfAFailedDrillExitsOne() throws Exception {
    Path f = dir.resolve("failed.json");
    Files.writeString(f, """
        {"drillId": "f1", "tool": "manual", "name": "db1", "startedAt": "2026-11-24T10:00:00Z",
         "outcome": "fail", "failure": "WAL segment 0000000100000000000000A1 missing from the archive"}
        """);
    CliRun run = CliRun.of("drill", "record", f.toString(), "-o", dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("drill-f1.md"))).contains("**Outcome: FAIL**: WAL segment", "not measured");
  }

  @Test
  void recordOfAnInvalidFileIsOneLineNamingTheField() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "drillId: x\ntool: manual\nname: db1\nstartedAt: 2026-11-24T10:00:00Z\noutcome: passed\n");
    CliRun run = CliRun.of("drill", "record", f.toString(), "-o", dir.toString());
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().strip()).isEqualTo("pgops: " + f + ": outcome: 'passed' is neither pass nor fail");
    assertThat(dir.resolve("drill-x.json")).doesNotExist();

    CliRun missing = CliRun.of("drill", "record", dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(3);
    assertThat(missing.err().strip()).isEqualTo("pgops: " + dir.resolve("nope.json") + ": no such file");
  }

  @Test
  void runRejectsBadOptionsBeforeDoingAnything() throws Exception {
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("precious"), "keep me");
    CliRun notEmpty = CliRun.of("drill", "run", "--stanza", "s", "--target-dir", full.toString(), "-o", dir.toString());
    assertThat(notEmpty.exit()).isEqualTo(2);
    assertThat(notEmpty.err()).contains("--target-dir " + full + " is not empty");
    assertThat(full.resolve("precious")).hasContent("keep me");

    Path verify = dir.resolve("v.sql");
    Files.writeString(verify, "SELECT 1;\n-- expect: 1\nSELECT 2;\n");
    CliRun badVerify = CliRun.of("drill", "run", "--stanza", "s", "--target-dir", dir.resolve("t").toString(),
        "--verify-sql", verify.toString());
    assertThat(badVerify.exit()).isEqualTo(2);
    assertThat(badVerify.err()).contains("--verify-sql " + verify + ":3: '-- expect: 1' must follow the ';'");

    CliRun tool = CliRun.of("drill", "run", "--tool", "barman", "--stanza", "s", "--target-dir", dir.resolve("t").toString());
    assertThat(tool.exit()).isEqualTo(2);
    assertThat(tool.err()).contains("--tool barman is not supported (valid: pgbackrest)");

    CliRun rto = CliRun.of("drill", "run", "--stanza", "s", "--target-dir", dir.resolve("t").toString(), "--rto", "soon");
    assertThat(rto.exit()).isEqualTo(2);
    assertThat(rto.err()).contains("--rto: 'soon' is not a duration");

    CliRun time = CliRun.of("drill", "run", "--stanza", "s", "--target-dir", dir.resolve("t").toString(), "--target-time", "noon");
    assertThat(time.exit()).isEqualTo(2);
    assertThat(time.err()).contains("--target-time 'noon' is not an ISO-8601 time");
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void runWithoutPgBackRestEndsWithAFailedRecord() throws Exception {
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("drill", "run", "--stanza", "main", "--target-dir", dir.resolve("t").toString(),
        "--pgbackrest", dir.resolve("no/pgbackrest").toString(), "-o", out.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("pgops: drill failed: cannot run " + dir.resolve("no/pgbackrest"));
    try (var s = Files.list(out)) {
      Path json = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      DrillRecord r = DrillRecords.read(json);
      assertThat(r.outcome()).isEqualTo("fail");
      assertThat(r.drillId()).endsWith("-main");
      assertThat(r.verification()).extracting(DrillRecord.Step::step).containsExactly("cleanup");
    }
    assertThat(dir.resolve("t")).doesNotExist();
  }

  @Test
  void reportReadsDrillRecordsIntoTheSnapshot() throws Exception {
    Path snapshot = repoRoot().resolve("samples/basic/snapshot.json");
    Path drills = dir.resolve("drills");
    CliRun imported = CliRun.of("drill", "record", repoRoot().resolve("samples/drills/manual-drill.yaml").toString(),
        "-o", drills.toString());
    assertThat(imported.exit()).isZero();

    CliRun plain = CliRun.of("report", snapshot.toString(), "-f", "json", "-o", dir.resolve("a").toString());
    CliRun with = CliRun.of("report", snapshot.toString(), "-f", "json", "-o", dir.resolve("b").toString(),
        "--drills", drills.toString());
    CliRun missing = CliRun.of("report", snapshot.toString(), "-f", "json", "-o", dir.resolve("c").toString(),
        "--drills", dir.resolve("nope").toString());
    assertThat(plain.exit()).as(plain.err()).isIn(0, 1);
    assertThat(with.exit()).as(with.err()).isEqualTo(plain.exit());
    assertThat(missing.exit()).as(missing.err()).isEqualTo(plain.exit());
    var json = dev.pgops.snapshot.SnapshotJson.mapper();
    String shaPlain = json.readTree(dir.resolve("a/report.json").toFile()).at("/snapshot/sha256").asText();
    String shaWith = json.readTree(dir.resolve("b/report.json").toFile()).at("/snapshot/sha256").asText();
    String shaMissing = json.readTree(dir.resolve("c/report.json").toFile()).at("/snapshot/sha256").asText();
    // the report is about the snapshot plus the records: a different hash for each combination
    assertThat(shaWith).isNotEqualTo(shaPlain).isNotEqualTo(shaMissing);
  }
}
