package dev.pgops.rules.testing;

import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.ArchiverStats;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.BloatEstimate;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.ExtensionInfo;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.InstancePressure;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Replication;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.SequenceInfo;
import dev.pgops.snapshot.Setting;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.Statements;
import dev.pgops.snapshot.TableStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds snapshots in code for rule tests. Defaults: PG 17.2, collected at {@link #NOW} (see
 * {@link #collectedAt}), stats window 30 days, every list section collected and empty except settings (server
 * defaults of interest), control data with {@link BackupFixtures#SYSTEM_ID} — call {@code unavailable(...)} to test
 * the not-evaluated path.
 */
public final class Snap {
  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private int versionNum = 170002;
  private Instant statsReset = NOW.minus(Duration.ofDays(30));
  private Instant postmasterStart = NOW.minus(Duration.ofDays(60));
  private boolean inRecovery;
  private final Map<String, Setting> settings = new TreeMap<>();
  private final List<DatabaseStats> databases = new ArrayList<>();
  private final List<TableStats> tables = new ArrayList<>();
  private final List<IndexStats> indexes = new ArrayList<>();
  private final List<ConstraintInfo> constraints = new ArrayList<>();
  private final List<ColumnInfo> columns = new ArrayList<>();
  private final List<SequenceInfo> sequences = new ArrayList<>();
  private final List<BloatEstimate> tableBloat = new ArrayList<>();
  private final List<BloatEstimate> indexBloat = new ArrayList<>();
  private final List<RoleInfo> roles = new ArrayList<>();
  private final List<ExtensionInfo> extensions = new ArrayList<>();
  private Activity activity = Fixtures.activity(a -> { });
  private Replication replication = new Replication(false, null, List.of(), List.of());
  private ArchiverStats archiver = new ArchiverStats(0, null, null, 0, null, null, null);
  private Section<Statements> statements = Section.unavailable("pg_stat_statements not collected in this test");
  private List<QueryPlan> plans = new ArrayList<>();
  private Section<InstancePressure> pressure = Section.unavailable("pressure not collected in this test");
  private Instant collectedAt = NOW;
  private ControlData control = new ControlData(BackupFixtures.SYSTEM_ID, 1300, 202307071L);
  private final List<BackupCatalog> backupTools = new ArrayList<>();
  private final List<DrillRecord> drills = new ArrayList<>();
  private final Map<String, String> unavailable = new TreeMap<>();

  public static Snap snap() {
    return new Snap();
  }

  public Snap version(int serverVersionNum) {
    this.versionNum = serverVersionNum;
    return this;
  }

  /** The collection time ("now" of every age); ages set with {@link #statsWindow} stay relative to {@link #NOW}. */
  public Snap collectedAt(Instant t) {
    this.collectedAt = t;
    return this;
  }

  public Snap statsWindow(Duration window) {
    this.statsReset = NOW.minus(window);
    return this;
  }

  public Snap inRecovery(boolean v) {
    this.inRecovery = v;
    return this;
  }

  /** A setting; {@code value} in the setting's own unit as pg_settings shows it. */
  public Snap setting(String name, String value) {
    return setting(name, value, null);
  }

  public Snap setting(String name, String value, String unit) {
    settings.put(name, new Setting(name, value, unit, "string", "sighup", "configuration file",
        value, value, null, null, false));
    return this;
  }

  public Snap setting(Setting s) {
    settings.put(s.name(), s);
    return this;
  }

  public Snap database(Consumer<Fixtures.DatabaseBuilder> c) { databases.add(Fixtures.database(c)); return this; }
  public Snap table(String qualifiedName, Consumer<Fixtures.TableBuilder> c) { tables.add(Fixtures.table(qualifiedName, c)); return this; }
  public Snap index(String qualifiedName, String table, Consumer<Fixtures.IndexBuilder> c) { indexes.add(Fixtures.index(qualifiedName, table, c)); return this; }
  public Snap constraint(ConstraintInfo c) { constraints.add(c); return this; }
  public Snap column(ColumnInfo c) { columns.add(c); return this; }
  public Snap sequence(SequenceInfo s) { sequences.add(s); return this; }
  public Snap tableBloat(BloatEstimate b) { tableBloat.add(b); return this; }
  public Snap indexBloat(BloatEstimate b) { indexBloat.add(b); return this; }
  public Snap role(RoleInfo r) { roles.add(r); return this; }
  public Snap extension(ExtensionInfo e) { extensions.add(e); return this; }
  public Snap activity(Consumer<Fixtures.ActivityBuilder> c) { activity = Fixtures.activity(c); return this; }
  public Snap replication(Replication r) { replication = r; return this; }
  public Snap archiver(ArchiverStats a) { archiver = a; return this; }
  public Snap statements(Statements s) { statements = Section.of(s); return this; }
  public Snap plan(QueryPlan p) { plans.add(p); return this; }
  public Snap pressure(InstancePressure p) { pressure = Section.of(p); return this; }
  public Snap control(ControlData c) { control = c; return this; }
  /** A backup tool catalogue; the backupTools section is collected (empty unless catalogues are added). */
  public Snap backupTool(BackupCatalog c) { backupTools.add(c); return this; }
  /** A restore drill record; the drills section is collected (empty unless drills are added). */
  public Snap drill(DrillRecord d) { drills.add(d); return this; }

  /** Marks a section (by its Snapshot component name, e.g. "tables") as not collected. */
  public Snap unavailable(String section, String reason) {
    unavailable.put(section, reason);
    return this;
  }

  public Snapshot build() {
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "test", collectedAt, new PgVersion(versionNum).toString(),
        new PgVersion(versionNum), "app", "pgops", false, List.of("pg_monitor"), inRecovery, postmasterStart,
        statsReset, Map.of(), new Meta.Timeouts(5000, 100, Map.of()), List.of());
    return new Snapshot(meta,
        sec("settings", List.copyOf(settings.values())),
        sec("databases", databases), sec("tables", tables), sec("indexes", indexes),
        sec("constraints", constraints), sec("columns", columns), sec("sequences", sequences),
        sec("tableBloat", tableBloat), sec("indexBloat", indexBloat), sec("activity", activity),
        sec("replication", replication), sec("archiver", archiver), sec("roles", roles),
        sec("extensions", extensions), unavailable.containsKey("statements") ? sec("statements", null) : statements,
        sec("plans", plans), unavailable.containsKey("pressure") ? sec("pressure", null) : pressure,
        sec("control", control), sec("backupTools", backupTools), sec("drills", drills));
  }

  private <T> Section<T> sec(String name, T value) {
    if (unavailable.containsKey(name)) return Section.unavailable(unavailable.get(name));
    return Section.of(value instanceof List<?> l ? castList(l) : value);
  }

  @SuppressWarnings("unchecked")
  private static <T> T castList(List<?> l) {
    return (T) List.copyOf(l);
  }
}
