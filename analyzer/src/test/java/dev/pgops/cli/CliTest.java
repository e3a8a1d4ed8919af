package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.rules.BuiltInRules;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI without a database: usage, rules, and bad input. */
class CliTest {
  @TempDir Path dir;

  private static Snapshot emptySnapshot() {
    return Snapshot.of(new Meta(Meta.SCHEMA_VERSION, "test", Instant.parse("2026-11-23T10:00:00Z"), "17.2",
        new PgVersion(170002), "app", "pgops", false, List.of(), false, null, null, Map.of(),
        new Meta.Timeouts(5000, 100, Map.of()), List.of()));
  }

  @Test
  void rulesListShowsEveryRuleAndDescribeShowsTheDoc() {
    CliRun list = CliRun.of("rules", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("unused-index").contains(BuiltInRules.CATALOG.size() + " rules");
    CliRun describe = CliRun.of("rules", "describe", "unused-index");
    assertThat(describe.exit()).isZero();
    assertThat(describe.out()).contains("minSizeMb", "## How to fix", "checklist: PRF-1");
    CliRun unknown = CliRun.of("rules", "describe", "nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo("pgops: unknown rule 'nope' (see `pgops rules list`)");
  }

  @Test
  void helpListsEveryCommandAndEachRunsUnderItsOwnName() {
    CliRun help = CliRun.of("--help");
    assertThat(help.exit()).isZero();
    List<String> names = List.of("demo", "collect", "report", "check", "review", "explain", "drill", "rules");
    for (String n : names) assertThat(help.out()).containsPattern("(?m)^\\s+" + n + "\\s");
    // only the invoked command is registered: its own help must still work, and an unknown one is a usage error
    for (String n : names) {
      CliRun h = CliRun.of(n, "--help");
      assertThat(h.exit()).as(n).isZero();
      assertThat(h.out()).as(n).startsWith("Usage: pgops " + n);
    }
    CliRun typo = CliRun.of("reveiw", "x.sql");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("Unmatched arguments", "'reveiw'", "Try 'pgops --help'.");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
    assertThat(CliRun.of("report").exit()).isEqualTo(2);
    Path snap = dir.resolve("s.json");
    write(snap);
    CliRun badFormat = CliRun.of("report", snap.toString(), "--format", "pdf", "-o", dir.toString());
    assertThat(badFormat.exit()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown --format 'pdf'");
    CliRun badFailOn = CliRun.of("report", snap.toString(), "--fail-on", "urgent", "-o", dir.toString());
    assertThat(badFailOn.exit()).isEqualTo(2);
  }

  @Test
  void backupToolOptionsAreCheckedBeforeConnecting() {
    // no server listens on port 1: every one of these must fail on its options first
    String url = "jdbc:postgresql://127.0.0.1:1/app";
    CliRun orphan = CliRun.of("collect", "-d", url, "--backup-name", "main");
    assertThat(orphan.exit()).isEqualTo(2);
    assertThat(orphan.err().strip()).isEqualTo(
        "pgops: --backup-name needs --backup-tool (pgbackrest, wal-g, barman, pg_probackup)");
    CliRun unknown = CliRun.of("check", "-d", url, "--backup-tool", "bacula", "-o", dir.toString());
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().strip()).isEqualTo(
        "pgops: --backup-tool: unknown backup tool 'bacula' (valid: pgbackrest, wal-g, barman, pg_probackup)");
    CliRun quote = CliRun.of("collect", "-d", url, "--backup-tool", "pgbackrest", "--backup-command", "pgbackrest '--config");
    assertThat(quote.exit()).isEqualTo(2);
    assertThat(quote.err().strip()).isEqualTo("pgops: --backup-command: unterminated ' in: pgbackrest '--config");
    CliRun both = CliRun.of("collect", "-d", url, "--backup-tool", "wal-g", "--backup-command", "wal-g",
        "--backup-info", "x.json");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--backup-info and --backup-command exclude each other");
    CliRun timeout = CliRun.of("collect", "-d", url, "--backup-tool", "wal-g", "--backup-timeout", "0");
    assertThat(timeout.exit()).isEqualTo(2);
    // valid options: the run gets as far as connecting
    CliRun connect = CliRun.of("collect", "-d", url, "--backup-tool", "pgbackrest", "--backup-name", "main",
        "-o", dir.resolve("s.json").toString());
    assertThat(connect.exit()).isEqualTo(3);
    assertThat(connect.err()).startsWith("pgops: cannot connect to ");
  }

  @Test
  void badConfigIsAOneLineUsageErrorAndWritesNothing() throws Exception {
    Path snap = dir.resolve("s.json");
    write(snap);
    Path cfg = dir.resolve("pgops.yaml");
    Files.writeString(cfg, "rules:\n  no-such-rule:\n    enabled: false\n");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", snap.toString(), "-c", cfg.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("pgops: " + cfg + ": rules.no-such-rule: unknown rule id (see `pgops rules list`)");
    assertThat(out).doesNotExist();
  }

  @Test
  void truncatedSnapshotIsExit3WithOneLineAndNoReport() throws Exception {
    Path snap = dir.resolve("s.json.gz");
    write(snap);
    byte[] bytes = Files.readAllBytes(snap);
    Files.write(snap, Arrays.copyOf(bytes, bytes.length / 2));
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", snap.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip()).startsWith("pgops: s.json.gz:").doesNotContain("\n").doesNotContain("Exception");
    assertThat(out).doesNotExist();

    Path plain = dir.resolve("t.json");
    write(plain);
    String json = Files.readString(plain);
    Files.writeString(plain, json.substring(0, json.length() / 2));
    CliRun r2 = CliRun.of("report", plain.toString(), "-o", out.toString());
    assertThat(r2.exit()).isEqualTo(3);
    assertThat(r2.err().strip()).startsWith("pgops: t.json: not valid JSON").doesNotContain("\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void otherSchemaVersionIsExit3WithOneLineAndNoReport() throws Exception {
    Path snap = dir.resolve("future.json.gz");
    String json = new String(SnapshotJson.toBytes(emptySnapshot()), StandardCharsets.UTF_8)
        .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99");
    assertThat(json).contains("\"schemaVersion\" : 99");
    var buf = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(buf)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    }
    Files.write(snap, buf.toByteArray());
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", snap.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().strip()).isEqualTo(
        "pgops: future.json.gz: snapshot schemaVersion 99 is not supported (this pgops reads schemaVersion 1)");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingSnapshotIsExit3() {
    CliRun r = CliRun.of("report", dir.resolve("nope.json").toString(), "-o", dir.toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("no such file");
  }

  @Test
  void reportOnAnEmptySnapshotWritesAllFormatsAndEverythingIsNotEvaluated() throws Exception {
    Path snap = dir.resolve("s.json");
    write(snap);
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", snap.toString(), "-o", out.toString(), "--fail-on", "critical");
    assertThat(r.exit()).isZero();
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("report.md")).exists();
    assertThat(Files.readString(out.resolve("report.json"))).contains("\"sha256\"");
    assertThat(r.out()).contains("maintenance=n/e").doesNotContain("Exception");
  }

  private static void write(Path p) {
    try {
      SnapshotJson.write(emptySnapshot(), p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
