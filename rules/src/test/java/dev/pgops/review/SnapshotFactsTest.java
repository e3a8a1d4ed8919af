package dev.pgops.review;

import static dev.pgops.rules.testing.Snap.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.collect.review.ReviewTargets;
import dev.pgops.collect.review.TargetSession;
import dev.pgops.collect.review.TimeoutSetting;
import dev.pgops.rules.testing.Fixtures;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotFactsTest {

  private static Setting timeout(String name, String reset) {
    return new Setting(name, "100", "ms", "integer", "user", "session", "0", reset, "0", "2147483647", false);
  }

  private static RoleInfo role(String name, String... settings) {
    return new RoleInfo(name, false, true, false, false, false, false, -1, null, "unknown", List.of(), List.of(settings));
  }

  private static ConstraintInfo check(String table, String name, boolean valid, List<String> cols, String def) {
    String[] p = table.split("\\.");
    return new ConstraintInfo(p[0], p[1], name, "c", valid, false, cols, null, null, List.of(), null, null, def);
  }

  private static Snapshot orders() {
    return snap()
        .statsWindow(Duration.ofSeconds(1000))
        .table("public.orders", t -> {
          t.tableBytes = 30L << 20;
          t.indexesBytes = 10L << 20;
          t.estimatedRows = 250_000;
          t.insertedTuples = 3000;
          t.updatedTuples = 1500;
          t.deletedTuples = 500;
        })
        .table("public.items", t -> { })
        .table("public.events", t -> { t.kind = "p"; t.tableBytes = 0; })
        .index("public.orders_pkey", "orders", i -> i.sizeBytes = 6L << 20)
        .index("public.orders_email_idx", "orders", i -> i.sizeBytes = 4L << 20)
        .constraint(Fixtures.foreignKey("public.items", "items_order_fk", List.of("order_id"), "public.orders", List.of("id")))
        .constraint(check("public.orders", "orders_email_nn", true, List.of("email"), "CHECK (email IS NOT NULL)"))
        .constraint(check("public.orders", "orders_note_nn", false, List.of("note"), "CHECK (note IS NOT NULL) NOT VALID"))
        .constraint(check("public.orders", "orders_total_pos", true, List.of("total"), "CHECK (total > 0)"))
        .column(Fixtures.column("public.orders", "email", "character varying(50)"))
        .column(Fixtures.column("public.orders", "created", "timestamp(3) without time zone"))
        .setting(timeout("lock_timeout", "0"))
        .setting(timeout("statement_timeout", "0"))
        .role(role("pgops"))
        .build();
  }

  @Test
  void tablesCarrySizesIndexesWritesForeignKeysTypesAndChecks() {
    ReviewFacts f = SnapshotFacts.of(orders(), "snapshot s.json");
    assertThat(f.source()).isEqualTo("snapshot s.json");
    assertThat(f.major()).isEqualTo(17);
    assertThat(f.versionNum()).isEqualTo(170002);
    assertThat(f.versionKnown()).isTrue();
    TableFacts t = f.table("Orders").orElseThrow();
    assertThat(t.name()).isEqualTo("public.orders");
    assertThat(t.totalBytes()).isEqualTo(40L << 20);
    assertThat(t.tableBytes()).isEqualTo(30L << 20);
    assertThat(t.estimatedRows()).isEqualTo(250_000);
    assertThat(t.indexCount()).isEqualTo(2);
    assertThat(t.indexBytes()).isEqualTo(10L << 20);
    assertThat(t.writesPerSecond()).isEqualTo(5.0);
    assertThat(t.inboundForeignKeys()).containsExactly("public.items.items_order_fk");
    assertThat(t.columnTypes()).containsEntry("email", "character varying(50)");
    assertThat(TypeChanges.normalize(t.columnTypes().get("email"))).isEqualTo("varchar(50)");
    assertThat(TypeChanges.normalize(t.columnTypes().get("created"))).isEqualTo("timestamp(3)");
    assertThat(TypeChanges.binaryCoercible(t.columnTypes().get("email"), "varchar(100)")).isTrue();
    assertThat(t.notNullChecks()).containsExactly("email");
    assertThat(f.table("public.items").orElseThrow().indexCount()).isZero();
    assertThat(f.table("public.events")).as("partitioned parent: size unknown").isEmpty();
    assertThat(f.notes()).anyMatch(n -> n.startsWith("1 partitioned table(s) left out"));
  }

  @Test
  void notNullChecksAcceptPrettyAndPlainDefinitionsAndQuotedNames() {
    assertThat(SnapshotFacts.notNullColumn(check("public.t", "c", true, List.of("email"), "CHECK ((email IS NOT NULL))"))).isEqualTo("email");
    assertThat(SnapshotFacts.notNullColumn(check("public.t", "c", true, List.of(), "CHECK (\"E\"\"mail\" IS NOT NULL)"))).isEqualTo("E\"mail");
    assertThat(SnapshotFacts.notNullColumn(check("public.t", "c", true, List.of("a", "b"), "CHECK (a IS NOT NULL AND b > 0)"))).isNull();
    assertThat(SnapshotFacts.notNullColumn(check("public.t", "c", true, List.of("a"), "CHECK (a IS NULL)"))).isNull();
  }

  @Test
  void unavailableSectionsBecomeNotesNotExceptions() {
    Snapshot s = snap().table("public.orders", t -> { })
        .unavailable("indexes", "permission denied")
        .unavailable("constraints", "permission denied")
        .unavailable("columns", "timeout")
        .unavailable("roles", "permission denied")
        .unavailable("settings", "permission denied")
        .build();
    ReviewFacts f = SnapshotFacts.of(s, "snapshot s.json", "migrator");
    assertThat(f.table("public.orders")).isPresent();
    assertThat(f.timeouts()).isEmpty();
    assertThat(f.notes()).anyMatch(n -> n.startsWith("index counts unknown"))
        .anyMatch(n -> n.startsWith("inbound foreign keys and NOT NULL checks unknown"))
        .anyMatch(n -> n.startsWith("column types unknown"))
        .anyMatch(n -> n.startsWith("role settings unknown"))
        .anyMatch(n -> n.startsWith("lock_timeout of the database and server unknown"))
        .anyMatch(n -> n.contains("IN DATABASE settings are not in a snapshot"));

    ReviewFacts none = SnapshotFacts.of(snap().unavailable("tables", "failed").build(), "x");
    assertThat(none.tables()).isEmpty();
    assertThat(none.notes()).anyMatch(n -> n.startsWith("table sizes unknown"));
  }

  @Test
  void roleLevelTimeoutOfTheMigrationRole() {
    Snapshot s = snap().setting(timeout("lock_timeout", "0")).setting(timeout("statement_timeout", "0"))
        .role(role("pgops")).role(role("migrator", "lock_timeout=3s", "search_path=app")).build();
    ReviewFacts f = SnapshotFacts.of(s, "snapshot s.json", "migrator");
    assertThat(f.timeouts()).containsExactly(java.util.Map.entry("lock_timeout", "role migrator: 3s"));
    assertThat(f.notes()).anyMatch(n -> n.contains("ALTER ROLE migrator IN DATABASE"));
  }

  @Test
  void collectingRoleSeesItsEffectiveValueInTheResetValue() {
    Snapshot s = snap().setting(timeout("lock_timeout", "5000")).setting(timeout("statement_timeout", "0"))
        .role(role("pgops")).build();
    ReviewFacts f = SnapshotFacts.of(s, "snapshot s.json");
    assertThat(f.timeouts()).containsExactly(java.util.Map.entry("lock_timeout", "database app or server configuration: 5s"));
    assertThat(f.notes()).noneMatch(n -> n.contains("IN DATABASE"));
  }

  @Test
  void otherRoleWithTheCollectorsOwnSettingLeavesTheServerLevelUnknown() {
    Snapshot s = snap().setting(timeout("lock_timeout", "100")).setting(timeout("statement_timeout", "0"))
        .role(role("pgops", "lock_timeout=100ms")).role(role("migrator")).build();
    ReviewFacts f = SnapshotFacts.of(s, "snapshot s.json", "migrator");
    assertThat(f.timeouts()).doesNotContainKey("lock_timeout");
    assertThat(f.notes()).anyMatch(n -> n.startsWith("lock_timeout of the database and server unknown (the collecting role pgops"));
  }

  @Test
  void liveFactsWinAndSessionsLandOnTheirTables() {
    ReviewTargets live = new ReviewTargets(List.of(
        new TargetSession("public.orders", 4711, "alice", "psql", "idle in transaction", "client backend", true,
            List.of("AccessShareLock"), 300L, 180L, "Client", "ClientRead", List.of()),
        new TargetSession("public.orders", 4712, "bob", "web", "active", "client backend", false,
            List.of("AccessExclusiveLock"), 5L, 5L, "Lock", "relation", List.of(4711)),
        new TargetSession("public.gone", null, null, null, null, null, true, List.of("RowExclusiveLock"),
            null, null, null, null, List.of()),
        new TargetSession(null, 99, "carol", "", "idle in transaction", "client backend", null, List.of(), 7200L,
            7000L, null, null, List.of())),
        true,
        List.of(new TimeoutSetting("lock_timeout", "role migrator in database app", "0"),
            new TimeoutSetting("lock_timeout", "role migrator", "3s"),
            new TimeoutSetting("statement_timeout", "database app", "1min"),
            new TimeoutSetting("statement_timeout", "server configuration", "0")),
        true, List.of("a live note"));
    ReviewFacts f = SnapshotFacts.of(orders(), "live localhost:5432/app", "migrator", Section.of(live));
    assertThat(f.timeouts()).containsExactly(java.util.Map.entry("statement_timeout", "database app: 1min"));
    assertThat(f.notes()).contains("a live note",
        "lock_timeout is switched off (0) for role migrator in database app");
    List<String> sessions = f.table("public.orders").orElseThrow().activeSessions();
    assertThat(sessions).containsExactly(
        "pid 4711 (alice, app psql): idle in transaction for 3 min, transaction open 5 min, holds AccessShareLock",
        "pid 4712 (bob, app web): active, transaction open 5 s, waits for AccessExclusiveLock behind pid 4711");
    assertThat(f.notes()).anyMatch(n -> n.equals("sessions on public.gone right now: prepared transaction: holds RowExclusiveLock"))
        .anyMatch(n -> n.startsWith("long transaction in the database: pid 99 (carol): idle in transaction for"));

    ReviewFacts failed = SnapshotFacts.of(orders(), "live x", "migrator", Section.unavailable("SQLState 57014: canceled"));
    assertThat(failed.notes()).anyMatch(n -> n.equals("live sessions and role timeouts not read: SQLState 57014: canceled"));
  }
}
