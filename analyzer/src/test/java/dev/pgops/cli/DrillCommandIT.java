package dev.pgops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgops.drill.DrillRepo;
import dev.pgops.drill.DrillRecords;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pgops drill run} end to end with real pgBackRest and embedded PostgreSQL: a stanza for an embedded
 * server (archive_command = archive-push), a table of 1000 rows, a full backup, 500 more rows and a WAL switch.
 * The drill restores, verifies the row count, times the phases, measures RPO and writes its files; failures
 * (wrong stanza, port in use, verification mismatch) end with a failed record, exit 1 and no server left.
 * Skipped with the reason when pgBackRest is absent; see {@link DrillRepo#majors()} for the majors.
 */
class DrillCommandIT {
  private static final Map<Integer, Fixture> FIXTURES = new ConcurrentHashMap<>();

  @TempDir Path tmp;

  /** One source server, repository and backup per major, shared by the tests. */
  record Fixture(DrillRepo repo, String fullLabel, Instant betweenBatches) {}

  static Stream<Integer> majors() {
    return DrillRepo.majors();
  }

  static synchronized Fixture fixture(int major) throws Exception {
    Fixture f = FIXTURES.get(major);
    if (f != null) return f;
    DrillRepo repo = DrillRepo.start(major);
    repo.pg().exec("postgres", "CREATE TABLE drill_rows (id int PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT clock_timestamp());"
        + "INSERT INTO drill_rows (id) SELECT generate_series(1, 1000)");
    String label = repo.backup("full");
    // pgBackRest keeps backup stop times in whole seconds and wants one strictly before a target time
    Thread.sleep(1100);
    Instant between;
    try (var c = repo.pg().connect("postgres"); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT clock_timestamp()")) {
      rs.next();
      between = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
    }
    Thread.sleep(1100);
    repo.pg().exec("postgres", "INSERT INTO drill_rows (id) SELECT generate_series(1001, 1500)");
    repo.switchWalAndWaitArchived();
    f = new Fixture(repo, label, between);
    FIXTURES.put(major, f);
    return f;
  }

  @AfterAll
  static void closeFixtures() {
    FIXTURES.values().forEach(f -> f.repo().close());
    FIXTURES.clear();
  }

  private Path verifyFile(String expected) throws IOException {
    Path v = tmp.resolve("verify.sql");
    Files.writeString(v, String.join("\n",
        "-- the rows the source had when its WAL was last archived",
        "SELECT count(*) FROM drill_rows;                  -- expect: " + expected,
        "SELECT count(*) FROM drill_rows WHERE id <= 1000; -- expect: >= 1000",
        "SELECT max(created_at) FROM drill_rows;          -- rpo", ""));
    return v;
  }

  private List<String> args(Fixture f, String stanza, Path target, int port, Path verify, Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("drill", "run", "--stanza", stanza, "--config", f.repo().config().toString(),
        "--target-dir", target.toString(), "--port", Integer.toString(port), "--pg-bin", f.repo().binDir().toString(),
        "-o", out.toString(), "--rto", "15m", "--operator", "ci", "--change", "CHG-1", "--timeout", "5m"));
    if (verify != null) a.addAll(List.of("--verify-sql", verify.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  /** One `pgops drill run` into tmp/scratch with its files in tmp/out, and the record it wrote. */
  record Drill(CliRun run, DrillRecord record, Path target, Path out, int port) {}

  private Drill drill(Fixture f, String stanza, int port, String expectedRows, String... extra) throws Exception {
    return drill(f, stanza, port, expectedRows == null ? null : verifyFile(expectedRows), extra);
  }

  private Drill drill(Fixture f, String stanza, int port, Path verify, String... extra) throws Exception {
    Path target = tmp.resolve("scratch");
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of(args(f, stanza, target, port, verify, out, extra).toArray(String[]::new));
    return new Drill(run, onlyRecord(out), target, out, port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static DrillRecord onlyRecord(Path out) throws Exception {
    try (Stream<Path> s = Files.list(out)) {
      List<Path> json = s.filter(p -> p.getFileName().toString().matches("drill-.*\\.json")).toList();
      assertThat(json).hasSize(1);
      return DrillRecords.read(json.get(0));
    }
  }

  /** No postgres process anywhere mentions the scratch directory, and the port is free again. */
  private static void assertNoServerLeft(Path target, int port) throws IOException {
    assertThat(portFree(port)).as("port " + port + " free after the drill").isTrue();
    String needle = target.toAbsolutePath().toString();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        String cmdline;
        try {
          cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
          continue;
        }
        assertThat(cmdline).as("process " + p.getFileName() + " left running").doesNotContain(needle);
      }
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void restoresVerifiesTimesAndRecordsWithoutTouchingTheRepository(int major) throws Exception {
    Fixture f = fixture(major);
    Map<String, String> repoBefore = f.repo().repoListing();
    Drill d = drill(f, DrillRepo.STANZA, freePort(), "1500");
    CliRun run = d.run();
    DrillRecord r = d.record();
    Path out = d.out();

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(r.outcome()).isEqualTo("pass");
    assertThat(r.failure()).isNull();
    assertThat(r.tool()).isEqualTo("pgbackrest");
    assertThat(r.name()).isEqualTo(DrillRepo.STANZA);
    assertThat(r.backupId()).isEqualTo(f.fullLabel());
    assertThat(r.target()).isEqualTo("latest");
    assertThat(r.pgVersion()).startsWith(major + ".");
    assertThat(r.systemIdentifier()).matches("\\d{10,20}");
    assertThat(r.backupStoppedAt()).isNotNull();
    // the RTO phases, in order
    assertThat(r.restoredAt()).isAfter(r.startedAt());
    assertThat(r.recoveredAt()).isAfter(r.restoredAt());
    assertThat(r.verifiedAt()).isAfterOrEqualTo(r.recoveredAt());
    assertThat(r.rtoSeconds()).isPositive().isLessThan(300);
    assertThat(r.rtoTargetSeconds()).isEqualTo(900);
    // RPO from the -- rpo query: the last batch was committed before the drill started
    assertThat(r.rpoSeconds()).isNotNull().isNotNegative();
    assertThat(r.operator()).isEqualTo("ci");
    assertThat(r.changeRecord()).isEqualTo("CHG-1");
    assertThat(r.verification()).extracting(DrillRecord.Step::step, DrillRecord.Step::result).contains(
        org.assertj.core.groups.Tuple.tuple("server up", "ok"),
        org.assertj.core.groups.Tuple.tuple("system identifier", "ok"),
        org.assertj.core.groups.Tuple.tuple("recovery point (RPO)", "ok"),
        org.assertj.core.groups.Tuple.tuple("cleanup", "ok"));
    assertThat(r.verification()).anySatisfy(s -> {
      assertThat(s.step()).contains("SELECT count(*) FROM drill_rows");
      assertThat(s.result()).isEqualTo("ok");
      assertThat(s.details()).isEqualTo("1500 (expected 1500)");
    });
    assertThat(r.verification()).filteredOn(s -> s.step().startsWith("pg_amcheck")).singleElement()
        .satisfies(s -> assertThat(s.result()).isIn("ok", "skipped"));
    assertThat(r.verification()).filteredOn(s -> s.result().equals("failed")).isEmpty();

    String md = Files.readString(out.resolve("drill-" + r.drillId() + ".md"));
    assertThat(md).contains("# Restore drill: " + DrillRepo.STANZA, "**Outcome: PASS**", "Measured RTO",
        "within the target of 15 min", "1500 \\(expected 1500\\)", "CHG\\-1");
    assertThat(out.resolve("drill-" + r.drillId() + ".log")).content().contains("restore backup set " + f.fullLabel());
    assertThat(run.out()).contains("PASS", "RTO", "RPO");

    // the scratch data is gone, no server is left, and the repository is exactly as before
    assertThat(d.target()).doesNotExist();
    assertNoServerLeft(d.target(), d.port());
    assertThat(f.repo().repoListing()).isEqualTo(repoBefore);

    // the record feeds the snapshot: `pgops check --drills DIR` on the source server
    Path report = tmp.resolve("report");
    CliRun check = CliRun.of("check", "-d", f.repo().pg().jdbcUrl("postgres") + "?user=postgres", "--drills",
        out.toString(), "-f", "json", "-o", report.toString());
    assertThat(check.exit()).as(check.out() + check.err()).isIn(0, 1);
    Snapshot snap = SnapshotJson.read(report.resolve("snapshot.json.gz")).snapshot();
    assertThat(snap.drills().collected()).hasValueSatisfying(list ->
        assertThat(list).extracting(DrillRecord::drillId).containsExactly(r.drillId()));
    JsonNode json = SnapshotJson.mapper().readTree(report.resolve("report.json").toFile());
    assertThat(json.at("/snapshot/sha256").asText()).hasSize(64);
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void recoversToATargetTimeAndKeepsTheDataWhenAsked(int major) throws Exception {
    Fixture f = fixture(major);
    int port = freePort();
    Drill d = drill(f, DrillRepo.STANZA, port, "1000", "--target-time", f.betweenBatches().toString(), "--keep");
    DrillRecord r = d.record();
    Path target = d.target();

    assertThat(d.run().exit()).as(d.run().out() + d.run().err()).isZero();
    assertThat(r.outcome()).isEqualTo("pass");
    assertThat(r.target()).isEqualTo("time " + f.betweenBatches());
    assertThat(r.verification()).anySatisfy(s -> assertThat(s.details()).isEqualTo("1000 (expected 1000)"));
    // kept: the restored data directory stays, the server does not
    assertThat(target.resolve("data/PG_VERSION")).exists();
    assertThat(target.resolve("data/postgresql.auto.conf")).content().contains("archive_mode = 'off'", "port = '" + port + "'");
    assertNoServerLeft(target, port);
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void aWrongStanzaFailsWithAFailedRecord(int major) throws Exception {
    Fixture f = fixture(major);
    Drill d = drill(f, "no_such_stanza", freePort(), (Path) null);
    DrillRecord r = d.record();

    assertThat(d.run().exit()).as(d.run().out() + d.run().err()).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo("fail");
    assertThat(r.failure()).contains("stanza 'no_such_stanza'", "missing stanza path").doesNotContain("\n");
    assertThat(d.run().err()).contains("pgops: drill failed: pgBackRest stanza 'no_such_stanza'");
    assertThat(r.restoredAt()).isNull();
    assertThat(r.rtoSeconds()).isNull();
    assertThat(d.out().resolve("drill-" + r.drillId() + ".md")).content().contains("**Outcome: FAIL**", "not reached");
    assertThat(d.target()).doesNotExist();
    assertNoServerLeft(d.target(), d.port());
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void aPortInUseFailsWithAFailedRecord(int major) throws Exception {
    Fixture f = fixture(major);
    try (ServerSocket taken = new ServerSocket(0)) {
      int port = taken.getLocalPort();
      Drill d = drill(f, DrillRepo.STANZA, port, "1500");

      assertThat(d.run().exit()).as(d.run().out() + d.run().err()).isEqualTo(1);
      assertThat(d.record().outcome()).isEqualTo("fail");
      assertThat(d.record().failure()).isEqualTo("port " + port + " is already in use on 127.0.0.1: choose another --port");
      assertThat(d.target()).doesNotExist();
      assertThat(taken.isBound()).isTrue();
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}")
  @MethodSource("majors")
  void aVerificationMismatchFailsAndStopsTheServer(int major) throws Exception {
    Fixture f = fixture(major);
    // no -- rpo statement here: the recovery point comes from the server
    Path verify = tmp.resolve("mismatch.sql");
    Files.writeString(verify, "SELECT count(*) FROM drill_rows; -- expect: 999\n");
    Drill d = drill(f, DrillRepo.STANZA, freePort(), verify);
    DrillRecord r = d.record();

    assertThat(d.run().exit()).as(d.run().out() + d.run().err()).isEqualTo(1);
    assertThat(r.outcome()).isEqualTo("fail");
    assertThat(r.failure()).startsWith("verification failed: ").contains("SELECT count(*) FROM drill_rows",
        "got 1500, expected 999");
    assertThat(r.recoveredAt()).isNotNull();
    assertThat(r.rpoSeconds()).isNotNull();
    assertThat(r.verification()).filteredOn(s -> s.step().equals("recovery point (RPO)")).singleElement()
        .satisfies(s -> assertThat(s.details()).contains("from pg_last_xact_replay_timestamp()"));
    assertThat(r.verification()).extracting(DrillRecord.Step::step, DrillRecord.Step::result)
        .contains(org.assertj.core.groups.Tuple.tuple("cleanup", "ok"));
    assertThat(d.target()).doesNotExist();
    assertNoServerLeft(d.target(), d.port());
  }
}
