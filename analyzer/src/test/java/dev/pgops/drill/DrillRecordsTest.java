package dev.pgops.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillRecordsTest {
  @TempDir Path dir;

  static final String VALID = """
      {"drillId": "d1", "tool": "PgBackRest", "name": "main", "startedAt": "2026-11-24T10:00:00Z",
       "restoredAt": "2026-11-24T10:01:00Z", "recoveredAt": "2026-11-24T11:02:00+01:00",
       "verifiedAt": "2026-11-24T10:03:30Z", "outcome": "PASS",
       "verification": [{"step": "row counts", "result": "OK", "details": "12/12"}]}
      """;

  private String error(String json) throws Exception {
    Path f = dir.resolve("r.json");
    Files.writeString(f, json);
    try {
      DrillRecords.read(f);
    } catch (DrillRecords.InvalidRecordException e) {
      assertThat(e.getMessage()).doesNotContain("\n").startsWith(f.toString() + ": ");
      return e.getMessage().substring(f.toString().length() + 2);
    }
    throw new AssertionError("valid: " + json);
  }

  private static String with(String field, String value) {
    return VALID.replaceFirst("\\{", "{\"" + field + "\": " + value + ", ");
  }

  @Test
  void normalisesAValidRecord() throws Exception {
    Path f = dir.resolve("r.json");
    Files.writeString(f, VALID);
    DrillRecord r = DrillRecords.read(f);
    assertThat(r.tool()).isEqualTo("pgbackrest");
    assertThat(r.outcome()).isEqualTo("pass");
    assertThat(r.recoveredAt()).isEqualTo(Instant.parse("2026-11-24T10:02:00Z"));
    assertThat(r.rtoSeconds()).isEqualTo(210); // computed: startedAt → verifiedAt
    assertThat(r.verification()).containsExactly(new DrillRecord.Step("row counts", "ok", "12/12"));

    Path written = DrillRecords.write(r, dir.resolve("out"));
    assertThat(written.getFileName().toString()).isEqualTo("drill-d1.json");
    assertThat(DrillRecords.read(written)).isEqualTo(r);
  }

  @Test
  void readsTheYamlSample() throws Exception {
    Path sample = Path.of(System.getProperty("user.dir")).getParent().resolve("samples/drills/manual-drill.yaml");
    DrillRecord r = DrillRecords.read(sample);
    assertThat(r.drillId()).isEqualTo("2026-W47-orders-prod");
    assertThat(r.systemIdentifier()).isEqualTo("7507672962298572862");
    assertThat(r.rtoSeconds()).isEqualTo(2110);
    assertThat(r.verification()).hasSize(3);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void errorsNameTheField() throws Exception {
    assertThat(error(VALID.replace("\"outcome\": \"PASS\",", ""))).isEqualTo("outcome: required");
    assertThat(error(VALID.replace("PASS", "maybe"))).isEqualTo("outcome: 'maybe' is neither pass nor fail");
    assertThat(error(VALID.replace("PASS", "fail"))).isEqualTo("failure: required when outcome is fail (say why, in one line)");
    assertThat(error(VALID.replace("\"drillId\": \"d1\"", "\"drillId\": \"a/b\"")))
        .startsWith("drillId: 'a/b' may hold only letters");
    // 10:02+01:00 is 09:02Z, before the restore ended
    assertThat(error(VALID.replace("11:02:00+01:00", "10:02:00+01:00"))).isEqualTo("recoveredAt: 2026-11-24T09:02:00Z is before restoredAt 2026-11-24T10:01:00Z"
        + " (times must be ordered backupStoppedAt <= startedAt <= restoredAt <= recoveredAt <= verifiedAt)");
    assertThat(error(with("startedAt", "\"yesterday\"").replace("\"startedAt\": \"2026-11-24T10:00:00Z\",", "")))
        .isEqualTo("startedAt: 'yesterday' is not an ISO-8601 time with an offset (e.g. 2026-11-24T10:00:00Z)");
    assertThat(error(with("rtoSeconds", "-4"))).isEqualTo("rtoSeconds: '-4' is not a whole number of seconds >= 0");
    assertThat(error(with("rpoSecs", "4"))).startsWith("rpoSecs: unknown field (valid: backupId, backupStoppedAt,");
    assertThat(error(VALID.replace("\"OK\"", "\"fine\""))).isEqualTo("verification[0].result: 'fine' is not ok, failed or skipped");
    assertThat(error(VALID.replace("\"step\": \"row counts\", ", ""))).isEqualTo("verification[0].step: required");
    assertThat(error("[1, 2]")).isEqualTo("expected an object in the drill record shape");
    assertThat(error("{nope")).startsWith("not valid JSON (");
  }

  @Test
  void aMissingDirectoryIsUnavailableAnEmptyOneCollectedAndEmpty() throws Exception {
    Section<List<DrillRecord>> missing = DrillRecords.section(dir.resolve("nope"));
    assertThat(missing.unavailableReason()).hasValue("drill records directory " + dir.resolve("nope") + " does not exist");

    Path empty = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(empty.resolve("notes.txt"), "not a record");
    assertThat(DrillRecords.section(empty).collected()).hasValue(List.of());
  }

  @Test
  void recordsAreOrderedByStartAndOneBadFileMakesTheSectionUnavailable() throws Exception {
    Path d = Files.createDirectory(dir.resolve("drills"));
    Files.writeString(d.resolve("drill-b.json"), VALID.replace("d1", "b"));
    Files.writeString(d.resolve("drill-a.json"), VALID.replace("d1", "a").replace("2026-11-24T10:00:00Z", "2026-11-24T10:00:30Z"));
    assertThat(DrillRecords.section(d).collected()).hasValueSatisfying(l ->
        assertThat(l).extracting(DrillRecord::drillId).containsExactly("b", "a"));

    Files.writeString(d.resolve("drill-c.json"), VALID.replace("d1", "c").replace("11:02:00+01:00", "10:02:00+01:00"));
    assertThat(DrillRecords.section(d).unavailableReason()).hasValueSatisfying(r ->
        assertThat(r).startsWith("invalid drill record " + d.resolve("drill-c.json") + ": recoveredAt:"));
  }
}
