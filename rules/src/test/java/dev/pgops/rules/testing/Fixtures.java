package dev.pgops.rules.testing;

import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.ColumnInfo;
import dev.pgops.snapshot.ConstraintInfo;
import dev.pgops.snapshot.DatabaseStats;
import dev.pgops.snapshot.IndexStats;
import dev.pgops.snapshot.RoleInfo;
import dev.pgops.snapshot.SequenceInfo;
import dev.pgops.snapshot.TableStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Records with sane defaults for rule tests: builders with public fields, set in a lambda, e.g.
 * {@code snap().table("public.orders", t -> { t.liveTuples = 1_000_000; t.deadTuples = 400_000; })}.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final class TableBuilder {
    public String schema, name, kind = "r", persistence = "p", comment;
    public boolean partition;
    public long tableBytes = 8192, toastBytes, indexesBytes, estimatedRows = 100, liveTuples = 100, deadTuples,
        modsSinceAnalyze, insertedTuples = 100, updatedTuples, deletedTuples, hotUpdatedTuples, seqScans, seqTuplesRead,
        idxScans, heapBlocksRead, heapBlocksHit, xidAge = 1000, mxidAge = 10, vacuumCount, autovacuumCount, analyzeCount,
        autoanalyzeCount = 1;
    public Instant lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze = Snap.NOW.minusSeconds(3600), lastSeqScan;
    public List<String> options = new ArrayList<>();
    public int disabledTriggers;
    public Long totalBytes;
  }

  public static TableStats table(String qualifiedName, Consumer<TableBuilder> c) {
    TableBuilder b = new TableBuilder();
    String[] p = split(qualifiedName);
    b.schema = p[0];
    b.name = p[1];
    c.accept(b);
    long total = b.totalBytes != null ? b.totalBytes : b.tableBytes + b.toastBytes + b.indexesBytes;
    return new TableStats(b.schema, b.name, b.kind, b.persistence, b.partition, b.tableBytes, b.toastBytes,
        b.indexesBytes, total, b.estimatedRows, b.liveTuples, b.deadTuples, b.modsSinceAnalyze, b.insertedTuples,
        b.updatedTuples, b.deletedTuples, b.hotUpdatedTuples, b.seqScans, b.seqTuplesRead, b.idxScans,
        b.heapBlocksRead, b.heapBlocksHit, b.xidAge, b.mxidAge, b.lastVacuum, b.lastAutovacuum, b.lastAnalyze,
        b.lastAutoanalyze, b.lastSeqScan, b.vacuumCount, b.autovacuumCount, b.analyzeCount, b.autoanalyzeCount,
        b.options, b.disabledTriggers, b.comment);
  }

  public static final class IndexBuilder {
    public String schema, table, name, method = "btree", constraintType, predicate, definition;
    public long sizeBytes = 16384, scans = 10, tuplesRead, tuplesFetched, blocksRead, blocksHit;
    public boolean valid = true, ready = true, unique, primary, replicaIdentity;
    public List<String> keyColumns = new ArrayList<>(), includeColumns = new ArrayList<>(),
        opclasses = new ArrayList<>(), collations = new ArrayList<>();
    public Instant lastScan;

    /** Key columns, with default btree opclasses filled in to match. */
    public IndexBuilder keys(String... cols) {
      keyColumns = new ArrayList<>(List.of(cols));
      opclasses = new ArrayList<>();
      collations = new ArrayList<>();
      for (int i = 0; i < cols.length; i++) {
        opclasses.add("int8_ops");
        collations.add("");
      }
      return this;
    }
  }

  public static IndexStats index(String qualifiedName, String table, Consumer<IndexBuilder> c) {
    IndexBuilder b = new IndexBuilder();
    String[] p = split(qualifiedName);
    b.schema = p[0];
    b.name = p[1];
    b.table = table;
    c.accept(b);
    if (b.primary || b.unique) b.constraintType = b.constraintType == null ? (b.primary ? "p" : null) : b.constraintType;
    String def = b.definition != null ? b.definition
        : "CREATE " + (b.unique ? "UNIQUE " : "") + "INDEX " + b.name + " ON " + b.schema + "." + b.table
            + " USING " + b.method + " (" + String.join(", ", b.keyColumns) + ")"
            + (b.predicate == null ? "" : " WHERE " + b.predicate);
    return new IndexStats(b.schema, b.table, b.name, b.method, b.sizeBytes, b.scans, b.tuplesRead, b.tuplesFetched,
        b.blocksRead, b.blocksHit, b.valid, b.ready, b.unique, b.primary, b.replicaIdentity, b.constraintType,
        b.keyColumns, b.includeColumns, b.opclasses, b.collations, b.predicate, def, b.lastScan);
  }

  public static final class DatabaseBuilder {
    public String name = "app";
    public long sizeBytes = 100L << 20, xidAge = 10_000, mxidAge = 10, xactCommit = 1_000_000, xactRollback = 100,
        blocksRead = 1_000, blocksHit = 1_000_000, tempFiles, tempBytes, deadlocks, conflicts;
    public boolean allowConnections = true;
    public int connectionLimit = -1, backends = 5;
    public Long checksumFailures, sessions, sessionsAbandoned, sessionsFatal, sessionsKilled;
    public Instant checksumLastFailure, statsReset = Snap.NOW.minusSeconds(30L * 86400);
  }

  public static DatabaseStats database(Consumer<DatabaseBuilder> c) {
    DatabaseBuilder b = new DatabaseBuilder();
    c.accept(b);
    return new DatabaseStats(b.name, b.sizeBytes, b.allowConnections, b.connectionLimit, b.xidAge, b.mxidAge,
        b.backends, b.xactCommit, b.xactRollback, b.blocksRead, b.blocksHit, b.tempFiles, b.tempBytes, b.deadlocks,
        b.conflicts, b.checksumFailures, b.checksumLastFailure, b.sessions, b.sessionsAbandoned, b.sessionsFatal,
        b.sessionsKilled, b.statsReset);
  }

  public static final class ActivityBuilder {
    public int maxConnections = 100, reservedConnections = 3, totalBackends = 10, clientBackends = 5,
        idleInTransaction, waitingOnLock, blocked, connectedLast15Min;
    public Map<String, Integer> byState = new TreeMap<>(Map.of("active", 1, "idle", 4));
    public long oldestXactAgeSec, oldestQueryAgeSec, oldestIdleInTransactionSec, oldestBackendXminAge;
    public List<Activity.SessionInfo> sessions = new ArrayList<>();
    public List<Activity.PreparedXact> preparedXacts = new ArrayList<>();
  }

  public static Activity activity(Consumer<ActivityBuilder> c) {
    ActivityBuilder b = new ActivityBuilder();
    c.accept(b);
    return new Activity(b.maxConnections, b.reservedConnections, b.totalBackends, b.clientBackends,
        new TreeMap<>(b.byState), b.idleInTransaction, b.waitingOnLock, b.blocked, b.connectedLast15Min,
        b.oldestXactAgeSec, b.oldestQueryAgeSec, b.oldestIdleInTransactionSec, b.oldestBackendXminAge,
        b.sessions, b.preparedXacts);
  }

  public static Activity.SessionInfo session(int pid, String state, long xactAgeSec, long stateAgeSec) {
    return new Activity.SessionInfo(pid, "app", "web", "app", state, "client backend", xactAgeSec, xactAgeSec,
        stateAgeSec, 0, null, null, List.of(), "SELECT 1");
  }

  public static ConstraintInfo foreignKey(String qualifiedTable, String name, List<String> cols, String refTable, List<String> refCols) {
    String[] p = split(qualifiedTable);
    String[] r = split(refTable);
    return new ConstraintInfo(p[0], p[1], name, "f", true, false, cols, r[0], r[1], refCols, "a", "a",
        "FOREIGN KEY (" + String.join(", ", cols) + ") REFERENCES " + refTable + "(" + String.join(", ", refCols) + ")");
  }

  public static ConstraintInfo constraint(String qualifiedTable, String name, String type, boolean validated, List<String> cols) {
    String[] p = split(qualifiedTable);
    return new ConstraintInfo(p[0], p[1], name, type, validated, false, cols, null, null, List.of(), null, null,
        type + " (" + String.join(", ", cols) + ")");
  }

  public static ColumnInfo column(String qualifiedTable, String name, String type) {
    String[] p = split(qualifiedTable);
    return new ColumnInfo(p[0], p[1], name, 1, type, false, null, "", "", null);
  }

  public static SequenceInfo sequence(String qualifiedName, String type, Long lastValue, long max, String ownedBy, String ownedType) {
    String[] p = split(qualifiedName);
    String[] o = ownedBy == null ? new String[] {null, null, null} : ownedBy.split("\\.");
    return new SequenceInfo(p[0], p[1], type, lastValue, 1, max, 1, false, o[0], o[1], o.length > 2 ? o[2] : null, ownedType);
  }

  public static RoleInfo role(String name, boolean superuser, boolean login, String passwordType) {
    return new RoleInfo(name, superuser, login, false, false, false, false, -1, null, passwordType, List.of(), List.of());
  }

  static String[] split(String qualified) {
    int dot = qualified.indexOf('.');
    return dot < 0 ? new String[] {"public", qualified} : new String[] {qualified.substring(0, dot), qualified.substring(dot + 1)};
  }
}
