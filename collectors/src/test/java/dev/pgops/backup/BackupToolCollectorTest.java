package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.snapshot.BackupCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's two ways in: files, and a command run from an argument vector. The commands here are ordinary
 * system programs standing in for a tool that fails (the real pgBackRest run is in PgBackRestCollectIT).
 */
class BackupToolCollectorTest {
  @TempDir Path tmp;

  private Path fixture(String name) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, Fixtures.text(name));
    return f;
  }

  @Test
  void readsFilesToldApartByTheirShape() throws Exception {
    BackupToolOptions o = BackupToolOptions.of(BackupTool.WAL_G, "prod")
        .withFiles(List.of(fixture("walg-wal-verify-failure.json"), fixture("walg-backup-list-detail.json")));
    List<BackupCatalog> c = new BackupToolCollector(o).collect();
    assertThat(c).hasSize(1);
    assertThat(c.get(0).source()).isEqualTo("file " + tmp.resolve("walg-wal-verify-failure.json") + "; file "
        + tmp.resolve("walg-backup-list-detail.json"));
    assertThat(c.get(0).archive().continuity()).isEqualTo("failure");
  }

  @Test
  void aMissingFileIsOneLine() {
    Path missing = tmp.resolve("nope.json");
    BackupToolOptions o = BackupToolOptions.of(BackupTool.PGBACKREST, "main").withFiles(List.of(missing));
    assertThatThrownBy(() -> new BackupToolCollector(o).collect()).isInstanceOf(BackupToolException.class)
        .hasMessage("cannot read backup tool output " + missing + ": no such file");
  }

  @Test
  void runsTheCommandAndReadsItsStdout() throws Exception {
    // the arguments pgops appends (--stanza=main --output=json info) become the script's $1.., unused
    Path info = fixture("pgbackrest-info.json");
    BackupToolOptions o = BackupToolOptions.of(BackupTool.PGBACKREST, "main")
        .withProgram(List.of("sh", "-c", "cat \"$0\"", info.toString()));
    List<BackupCatalog> c = new BackupToolCollector(o).collect();
    assertThat(c).extracting(BackupCatalog::name).containsExactly("main");
    assertThat(c.get(0).source()).isEqualTo("command sh -c 'cat \"$0\"' " + info + " --stanza=main --output=json info");
  }

  @Test
  void aNonZeroExitNamesTheCommandAndTheFirstErrorLine() {
    BackupToolOptions o = BackupToolOptions.of(BackupTool.PGBACKREST, "main")
        .withProgram(List.of("sh", "-c", "echo 'ERROR: [055]: unable to load info file' >&2; echo second >&2; exit 55"));
    assertThatThrownBy(() -> new BackupToolCollector(o).collect()).isInstanceOf(BackupToolException.class)
        .hasMessage("sh -c 'echo '\\''ERROR: [055]: unable to load info file'\\'' >&2; echo second >&2; exit 55' "
            + "--stanza=main --output=json info exited with 55: ERROR: [055]: unable to load info file");
  }

  @Test
  void aHangingToolIsKilledAtTheTimeout() {
    BackupToolOptions o = BackupToolOptions.of(BackupTool.PGBACKREST, "main")
        .withProgram(List.of("sh", "-c", "sleep 30")).withTimeout(Duration.ofSeconds(1));
    long start = System.nanoTime();
    assertThatThrownBy(() -> new BackupToolCollector(o).collect()).isInstanceOf(BackupToolException.class)
        .hasMessageEndingWith("timed out after 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aMissingProgramIsOneLine() {
    BackupToolOptions o = BackupToolOptions.of(BackupTool.BARMAN, "pg").withProgram(List.of("/nonexistent/barman"));
    assertThatThrownBy(() -> new BackupToolCollector(o).collect()).isInstanceOf(BackupToolException.class)
        .hasMessageStartingWith("cannot run /nonexistent/barman: ");
  }

  @Test
  void textThatIsNotJsonIsUnsupported() {
    BackupToolOptions o = BackupToolOptions.of(BackupTool.PGBACKREST, "main").withProgram(List.of("echo", "stanza:"));
    assertThatThrownBy(() -> new BackupToolCollector(o).collect()).isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("unsupported format: pgbackrest (command echo stanza: --stanza=main --output=json info):"
            + " not JSON (");
  }

  @Test
  void barmanShowsTheNewestDoneBackupOfTheServer() throws Exception {
    Path list = fixture("barman-list-backups.json");
    Path check = fixture("barman-check.json");
    Path show = fixture("barman-show-backup-done.json");
    // arguments: -f json <command> <server> [backup id]
    String script = "case \"$3\" in list-backups) cat " + list + ";; check) cat " + check + ";; show-backup)"
        + " [ \"$4 $5\" = 'pg 20261116T010002' ] && cat " + show + ";; *) exit 2;; esac";
    BackupToolOptions o = BackupToolOptions.of(BackupTool.BARMAN, "pg").withProgram(List.of("sh", "-c", script, "barman"));
    BackupCatalog c = new BackupToolCollector(o).collect().get(0);
    assertThat(c.systemIdentifier()).isEqualTo("7389236541812359123");
    assertThat(c.checks()).hasSize(12);
    assertThat(c.source()).doesNotContain("left out").contains("show-backup pg 20261116T010002");
  }

  @Test
  void aFailingOptionalCommandIsLeftOutAndNoted() throws Exception {
    // backup-list succeeds (prints the fixture), wal-verify exits 1: the catalogue has no continuity, says why
    Path list = fixture("walg-backup-list-detail.json");
    String script = "if [ \"$1\" = backup-list ]; then cat " + list + "; else echo 'wal-verify: no connection' >&2; exit 1; fi";
    BackupToolOptions o = BackupToolOptions.of(BackupTool.WAL_G, null).withProgram(List.of("sh", "-c", script, "wal-g"));
    BackupCatalog c = new BackupToolCollector(o).collect().get(0);
    assertThat(c.backups()).hasSize(2);
    assertThat(c.archive().continuity()).isEqualTo("unknown");
    assertThat(c.source()).endsWith("(left out: sh -c '" + script.replace("'", "'\\''")
        + "' wal-g wal-verify integrity timeline --json exited with 1: wal-verify: no connection)");
  }

  @Test
  void processResultKeepsStdoutStderrAndExitCode() {
    ToolProcess.Result r = ToolProcess.run(List.of("sh", "-c", "echo out; echo; echo '  first err' >&2; exit 3"),
        Duration.ofSeconds(10));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n\n");
    assertThat(r.firstErrorLine()).isEqualTo("first err");
    assertThat(r.truncated()).isFalse();
    ToolProcess.Result big = ToolProcess.run(List.of("sh", "-c", "head -c 5000 /dev/zero"), java.util.Map.of(),
        Duration.ofSeconds(10), 1000);
    assertThat(big.truncated()).isTrue();
    assertThat(big.stdout()).hasSize(1000);
  }
}
