package dev.pgops.review;

import static dev.pgops.review.LockLevel.ACCESS_EXCLUSIVE;
import static dev.pgops.review.LockLevel.ACCESS_SHARE;
import static dev.pgops.review.LockLevel.EXCLUSIVE;
import static dev.pgops.review.LockLevel.NONE;
import static dev.pgops.review.LockLevel.ROW_EXCLUSIVE;
import static dev.pgops.review.LockLevel.ROW_SHARE;
import static dev.pgops.review.LockLevel.SHARE;
import static dev.pgops.review.LockLevel.SHARE_ROW_EXCLUSIVE;
import static dev.pgops.review.LockLevel.SHARE_UPDATE_EXCLUSIVE;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.ColumnDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table of statement kinds → lock level, rewrite, scan and index build, per server major version (from
 * the PostgreSQL docs' "Explicit Locking" and each command's page; squawk's lock table as the seed, corrected for
 * REINDEX, foreign keys, ATTACH PARTITION and triggers). A row applies from its major version until a later row of
 * the same operation replaces it.
 */
public final class LockModel {

  /** One row: flags R = rewrite, S = full scan, I = index build, N = refused inside a transaction block. */
  public record Row(String operation, int since, LockLevel lock, String flags, LockLevel otherLock, String note) {}

  static final List<Row> ROWS = List.of(
      row("CREATE TABLE", 0, NONE, "", NONE, "a new table: nobody else can see it until commit"),
      row("CREATE TABLE REFERENCES", 0, NONE, "", SHARE_ROW_EXCLUSIVE, "briefly locks the referenced table against writes"),
      row("CREATE TABLE AS", 0, NONE, "", ACCESS_SHARE, "reads its source tables"),
      row("CREATE INDEX", 0, SHARE, "SI", NONE, "blocks writes for the whole build"),
      row("CREATE INDEX CONCURRENTLY", 0, SHARE_UPDATE_EXCLUSIVE, "SIN", NONE, "two table scans; waits for older transactions; a failure leaves an INVALID index"),
      row("DROP INDEX", 0, ACCESS_EXCLUSIVE, "", NONE, "brief, but queues behind every running query on the table"),
      row("DROP INDEX CONCURRENTLY", 0, SHARE_UPDATE_EXCLUSIVE, "N", NONE, "waits for transactions using the index"),
      row("REINDEX", 0, SHARE, "SI", NONE, "also ACCESS EXCLUSIVE on each index rebuilt: queries that would use it wait"),
      row("REINDEX CONCURRENTLY", 0, ACCESS_EXCLUSIVE, "SI", NONE, "REINDEX CONCURRENTLY needs PostgreSQL 12"),
      row("REINDEX CONCURRENTLY", 12, SHARE_UPDATE_EXCLUSIVE, "SIN", NONE, "builds a new index beside the old one"),
      row("DROP TABLE", 0, ACCESS_EXCLUSIVE, "", ACCESS_EXCLUSIVE, "also locks tables it references by foreign key"),
      row("TRUNCATE", 0, ACCESS_EXCLUSIVE, "", NONE, "removes every row"),
      row("CREATE VIEW", 0, NONE, "", ACCESS_SHARE, "a new view"),
      row("CREATE OR REPLACE VIEW", 0, ACCESS_EXCLUSIVE, "", NONE, "locks the view while it is replaced: its readers wait"),
      row("CREATE MATERIALIZED VIEW", 0, NONE, "", ACCESS_SHARE, "runs the query and stores its result"),
      row("REFRESH MATERIALIZED VIEW", 0, ACCESS_EXCLUSIVE, "R", NONE, "blocks every read of the view while it recomputes"),
      row("REFRESH MATERIALIZED VIEW CONCURRENTLY", 0, EXCLUSIVE, "R", NONE, "reads continue; needs a unique index on the view"),
      row("DROP VIEW", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("CREATE TRIGGER", 0, SHARE_ROW_EXCLUSIVE, "", NONE, "blocks writes while the trigger is added"),
      row("DROP TRIGGER", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("VACUUM", 0, SHARE_UPDATE_EXCLUSIVE, "SN", NONE, ""),
      row("VACUUM FULL", 0, ACCESS_EXCLUSIVE, "RIN", NONE, "rewrites the table and rebuilds its indexes"),
      row("ANALYZE", 0, SHARE_UPDATE_EXCLUSIVE, "", NONE, "reads a sample"),
      row("CLUSTER", 0, ACCESS_EXCLUSIVE, "RI", NONE, "rewrites the table in index order and rebuilds its indexes"),
      row("LOCK", 0, ACCESS_EXCLUSIVE, "", NONE, "as requested, until the transaction ends"),
      row("INSERT", 0, ROW_EXCLUSIVE, "", NONE, ""),
      row("UPDATE", 0, ROW_EXCLUSIVE, "", NONE, "row locks on every row it changes until commit"),
      row("DELETE", 0, ROW_EXCLUSIVE, "", NONE, "row locks on every row it deletes until commit"),
      row("UPDATE all rows", 0, ROW_EXCLUSIVE, "S", NONE, "no WHERE: every row is rewritten and row-locked until commit"),
      row("DELETE all rows", 0, ROW_EXCLUSIVE, "S", NONE, "no WHERE: every row is row-locked until commit"),
      row("COMMENT", 0, SHARE_UPDATE_EXCLUSIVE, "", NONE, ""),
      row("SELECT", 0, ACCESS_SHARE, "", NONE, ""),
      row("ALTER INDEX", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("ALTER INDEX RENAME", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("ALTER INDEX RENAME", 12, SHARE_UPDATE_EXCLUSIVE, "", NONE, ""),
      row("ALTER INDEX SET TABLESPACE", 0, ACCESS_EXCLUSIVE, "R", NONE, "copies the index files"),
      row("ALTER TABLE ADD COLUMN", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief"),
      row("ALTER TABLE ADD COLUMN default", 0, ACCESS_EXCLUSIVE, "R", NONE, "before PostgreSQL 11 any non-null default rewrites the table"),
      row("ALTER TABLE ADD COLUMN default", 11, ACCESS_EXCLUSIVE, "", NONE, "PostgreSQL 11+ stores a non-volatile default in the catalog: no rewrite"),
      row("ALTER TABLE ADD COLUMN volatile default", 0, ACCESS_EXCLUSIVE, "R", NONE, "a volatile default is computed for every existing row"),
      row("ALTER TABLE ADD COLUMN serial", 0, ACCESS_EXCLUSIVE, "R", NONE, "nextval() is a volatile default: every row is rewritten"),
      row("ALTER TABLE ADD COLUMN identity", 0, ACCESS_EXCLUSIVE, "R", NONE, "every existing row gets a sequence value: rewrite"),
      row("ALTER TABLE ADD COLUMN stored generated", 0, ACCESS_EXCLUSIVE, "R", NONE, "the expression is computed and stored for every row"),
      row("ALTER TABLE ADD COLUMN virtual generated", 18, ACCESS_EXCLUSIVE, "", NONE, "PostgreSQL 18 virtual generated column: computed on read, no rewrite"),
      row("ALTER TABLE ADD COLUMN NOT NULL", 0, ACCESS_EXCLUSIVE, "S", NONE, "without a default it fails as soon as the table has a row"),
      row("ALTER TABLE ADD COLUMN UNIQUE", 0, ACCESS_EXCLUSIVE, "SI", NONE, "builds a unique index under ACCESS EXCLUSIVE"),
      row("ALTER TABLE ADD COLUMN REFERENCES", 0, ACCESS_EXCLUSIVE, "", SHARE_ROW_EXCLUSIVE, "ADD COLUMN takes ACCESS EXCLUSIVE; the referenced table gets SHARE ROW EXCLUSIVE (blocks its writes); a NULL default skips validation"),
      row("ALTER TABLE DROP COLUMN", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief; drops dependent indexes and constraints"),
      row("ALTER TABLE ALTER COLUMN TYPE", 0, ACCESS_EXCLUSIVE, "RI", NONE, "rewrites the table and rebuilds its indexes unless the change is binary-coercible"),
      row("ALTER TABLE ALTER COLUMN TYPE binary-coercible", 0, ACCESS_EXCLUSIVE, "", NONE, "binary-coercible change: catalog-only, but indexes on the column may be rebuilt"),
      row("ALTER TABLE SET NOT NULL", 0, ACCESS_EXCLUSIVE, "S", NONE, "scans the whole table to check for NULLs"),
      row("ALTER TABLE SET NOT NULL", 12, ACCESS_EXCLUSIVE, "S", NONE, "PostgreSQL 12+ skips the scan when a valid CHECK (col IS NOT NULL) exists"),
      row("ALTER TABLE DROP NOT NULL", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief"),
      row("ALTER TABLE SET DEFAULT", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief; existing rows keep their value"),
      row("ALTER TABLE DROP DEFAULT", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief"),
      row("ALTER TABLE ADD CHECK", 0, ACCESS_EXCLUSIVE, "S", NONE, "validates every row under the lock"),
      row("ALTER TABLE ADD CHECK NOT VALID", 0, ACCESS_EXCLUSIVE, "", NONE, "catalog-only: brief; checks new rows only"),
      row("ALTER TABLE ADD FOREIGN KEY", 0, SHARE_ROW_EXCLUSIVE, "S", SHARE_ROW_EXCLUSIVE, "validates every row; blocks writes on both tables"),
      row("ALTER TABLE ADD FOREIGN KEY NOT VALID", 0, SHARE_ROW_EXCLUSIVE, "", SHARE_ROW_EXCLUSIVE, "brief; checks new rows only"),
      row("ALTER TABLE ADD UNIQUE", 0, ACCESS_EXCLUSIVE, "SI", NONE, "builds the unique index under ACCESS EXCLUSIVE"),
      row("ALTER TABLE ADD PRIMARY KEY", 0, ACCESS_EXCLUSIVE, "SI", NONE, "builds the index and checks NOT NULL under ACCESS EXCLUSIVE"),
      row("ALTER TABLE ADD CONSTRAINT USING INDEX", 0, ACCESS_EXCLUSIVE, "", NONE, "brief: the index already exists (a primary key still checks NOT NULL on nullable columns)"),
      row("ALTER TABLE ADD EXCLUDE", 0, ACCESS_EXCLUSIVE, "SI", NONE, "builds the index under ACCESS EXCLUSIVE; cannot be NOT VALID"),
      row("ALTER TABLE ADD CONSTRAINT", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("ALTER TABLE DROP CONSTRAINT", 0, ACCESS_EXCLUSIVE, "", NONE, "brief; a foreign key also locks the referenced table"),
      row("ALTER TABLE VALIDATE CONSTRAINT", 0, SHARE_UPDATE_EXCLUSIVE, "S", ROW_SHARE, "scans the table; reads and writes continue"),
      row("ALTER TABLE RENAME COLUMN", 0, ACCESS_EXCLUSIVE, "", NONE, "brief; breaks every client that uses the old name"),
      row("ALTER TABLE RENAME", 0, ACCESS_EXCLUSIVE, "", NONE, "brief; breaks every client that uses the old name"),
      row("ALTER TABLE SET TABLESPACE", 0, ACCESS_EXCLUSIVE, "R", NONE, "copies the table's files to the new tablespace"),
      row("ALTER TABLE ALL IN TABLESPACE", 0, ACCESS_EXCLUSIVE, "R", NONE, "moves every table (or index) of the tablespace, each under ACCESS EXCLUSIVE until the transaction ends"),
      row("ALTER TABLE SET LOGGED", 0, ACCESS_EXCLUSIVE, "R", NONE, "rewrites the table and writes all of it to WAL"),
      row("ALTER TABLE SET UNLOGGED", 0, ACCESS_EXCLUSIVE, "R", NONE, "rewrites the table"),
      row("ALTER TABLE SET ACCESS METHOD", 15, ACCESS_EXCLUSIVE, "R", NONE, "rewrites the table"),
      row("ALTER TABLE ATTACH PARTITION", 0, ACCESS_EXCLUSIVE, "S", ACCESS_EXCLUSIVE, "scans the partition unless a valid CHECK implies the bound"),
      row("ALTER TABLE ATTACH PARTITION", 12, SHARE_UPDATE_EXCLUSIVE, "S", ACCESS_EXCLUSIVE, "PostgreSQL 12+: SHARE UPDATE EXCLUSIVE on the parent, ACCESS EXCLUSIVE on the partition, which is scanned unless a valid CHECK implies the bound"),
      row("ALTER TABLE DETACH PARTITION", 0, ACCESS_EXCLUSIVE, "", ACCESS_EXCLUSIVE, "ACCESS EXCLUSIVE on the parent and the partition"),
      row("ALTER TABLE DETACH PARTITION CONCURRENTLY", 14, SHARE_UPDATE_EXCLUSIVE, "N", SHARE_UPDATE_EXCLUSIVE, "PostgreSQL 14+: two transactions, reads and writes continue"),
      row("ALTER TABLE SET STATISTICS", 0, SHARE_UPDATE_EXCLUSIVE, "", NONE, ""),
      row("ALTER TABLE SET STORAGE PARAMETERS", 0, SHARE_UPDATE_EXCLUSIVE, "", NONE, "most storage parameters (fillfactor, autovacuum_*) take SHARE UPDATE EXCLUSIVE"),
      row("ALTER TABLE ENABLE/DISABLE TRIGGER", 0, SHARE_ROW_EXCLUSIVE, "", NONE, ""),
      row("ALTER TABLE CLUSTER ON", 0, SHARE_UPDATE_EXCLUSIVE, "", NONE, ""),
      row("ALTER TABLE REPLICA IDENTITY", 0, ACCESS_EXCLUSIVE, "", NONE, "brief"),
      row("ALTER TABLE other", 0, ACCESS_EXCLUSIVE, "", NONE, ""),
      row("DDL", 0, NONE, "", NONE, "no lock on an application table"),
      row("DO", 0, NONE, "", NONE, "procedural code: its statements cannot be inspected"),
      row("none", 0, NONE, "", NONE, ""));

  // the statement-shape patterns, compiled once (operation() runs for every statement of a review)
  private static final Pattern OR_REPLACE = Pattern.compile("(?s)^CREATE\\s+OR\\s+REPLACE\\b.*");
  private static final Pattern RENAME_TO = Pattern.compile("(?s).*\\bRENAME\\s+TO\\b.*");
  private static final Pattern SET_TABLESPACE = Pattern.compile("(?s).*\\bSET\\s+TABLESPACE\\b.*");
  private static final Pattern NOT_VALID = Pattern.compile("(?s).*\\bNOT\\s+VALID\\b.*");
  private static final Pattern USING_INDEX = Pattern.compile("(?s).*\\bUSING\\s+INDEX\\b(?!\\s+TABLESPACE).*");
  private static final Pattern STORAGE_PARAMETERS = Pattern.compile("(?s)^(SET|RESET)\\s*\\(.*");
  private static final Pattern TRIGGER_TOGGLE = Pattern.compile("(?s)^(ENABLE|DISABLE)\\s+(ALWAYS\\s+|REPLICA\\s+)?TRIGGER\\b.*");
  private static final Pattern CLUSTER_ON = Pattern.compile("(?s)^(CLUSTER\\s+ON|SET\\s+WITHOUT\\s+CLUSTER)\\b.*");
  private static final Pattern REPLICA_IDENTITY = Pattern.compile("(?s)^REPLICA\\s+IDENTITY\\b.*");
  private static final Pattern SET_ACCESS_METHOD = Pattern.compile("(?s)^SET\\s+ACCESS\\s+METHOD\\b.*");
  private static final Pattern COLUMN_OPTIONS = Pattern.compile("(?s)^ALTER\\s+(COLUMN\\s+)?\\S+\\s+(SET|RESET)\\s*\\(.*");
  private static final Pattern ALL_IN_TABLESPACE = Pattern.compile("(?s)^ALTER\\s+(TABLE|INDEX|MATERIALIZED\\s+VIEW)\\s+ALL\\s+IN\\s+TABLESPACE\\b.*");
  private static final Pattern VACUUM_FULL = Pattern.compile("(?s)^VACUUM\\s*(\\([^)]*\\bFULL\\b[^)]*\\)|\\s+FULL\\b).*");

  private static final Map<String, List<Row>> BY_OPERATION = new LinkedHashMap<>();

  static {
    for (Row r : ROWS) BY_OPERATION.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r);
  }

  /** Volatile functions commonly used as defaults; any other function call is treated as possibly volatile. */
  static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "clock_timestamp", "timeofday", "gen_random_uuid",
      "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "txid_current",
      "setseed", "gen_random_bytes", "random_normal");

  /** Functions and SQL value keywords that are stable or immutable: PostgreSQL 11+ stores their default. */
  static final Set<String> NON_VOLATILE_FUNCTIONS = Set.of("now", "transaction_timestamp", "statement_timestamp",
      "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime", "current_user",
      "session_user", "current_schema", "lower", "upper", "coalesce", "to_jsonb", "jsonb_build_object",
      "json_build_object", "jsonb_build_array", "array", "row", "make_interval", "interval", "date", "timestamp",
      "timestamptz", "numeric", "concat", "length", "abs", "greatest", "least", "to_timestamp", "cast", "timezone",
      "date_trunc", "date_part", "extract", "to_char", "to_date", "to_number", "make_date", "make_time",
      "make_timestamp", "make_timestamptz", "nullif", "replace", "substring", "substr", "trim", "btrim", "ltrim",
      "rtrim", "format", "current_setting", "array_fill", "repeat", "json_build_array");

  private LockModel() {}

  /** The current type of a column, when known (from the database or an earlier CREATE TABLE), else null. */
  @FunctionalInterface
  public interface ColumnTypes {
    String typeOf(String table, String column);

    ColumnTypes UNKNOWN = (t, c) -> null;
  }

  /** The impact of {@code s} on a server of the given major version (0: unknown, the newest rules apply). */
  public static LockImpact impact(ClassifiedStatement s, int major) {
    return impact(s, major, ColumnTypes.UNKNOWN);
  }

  /** As {@link #impact(ClassifiedStatement, int)}, with column types to tell binary-coercible type changes. */
  public static LockImpact impact(ClassifiedStatement s, int major, ColumnTypes types) {
    return switch (s.kind()) {
      case ALTER_TABLE -> {
        if (allInTablespace(s)) yield lookup("ALTER TABLE ALL IN TABLESPACE", major);
        LockImpact merged = null;
        for (AlterAction a : s.alterActions()) {
          LockImpact one = lookup(alterOperation(a, s, types), major);
          merged = merged == null ? one : merged.merge(one);
        }
        yield merged == null ? lookup("ALTER TABLE other", major) : merged;
      }
      case LOCK -> {
        Row r = lookupRow("LOCK", major);
        LockLevel level = LockLevel.parse(s.lockMode());
        yield new LockImpact("LOCK " + level.sqlName(), level, false, false, false, true, NONE, r.note());
      }
      default -> lookup(operation(s), major);
    };
  }

  /** The lock model row name of a statement (ALTER TABLE: see {@link #alterOperation}). */
  public static String operation(ClassifiedStatement s) {
    boolean conc = s.has(Flag.CONCURRENTLY);
    String text = s.text().toUpperCase(Locale.ROOT);
    return switch (s.kind()) {
      case CREATE_TABLE -> s.columns().stream().anyMatch(c -> c.references() != null)
          || text.contains("REFERENCES") ? "CREATE TABLE REFERENCES" : "CREATE TABLE";
      case CREATE_TABLE_AS -> "CREATE TABLE AS";
      case CREATE_INDEX -> conc ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX";
      case DROP_INDEX -> conc ? "DROP INDEX CONCURRENTLY" : "DROP INDEX";
      case REINDEX -> conc ? "REINDEX CONCURRENTLY" : "REINDEX";
      case DROP_TABLE -> "DROP TABLE";
      case TRUNCATE -> "TRUNCATE";
      case CREATE_VIEW -> OR_REPLACE.matcher(text).matches() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW";
      case CREATE_MATERIALIZED_VIEW -> "CREATE MATERIALIZED VIEW";
      case REFRESH_MATERIALIZED_VIEW -> conc ? "REFRESH MATERIALIZED VIEW CONCURRENTLY" : "REFRESH MATERIALIZED VIEW";
      case DROP_VIEW -> "DROP VIEW";
      case CREATE_TRIGGER -> "CREATE TRIGGER";
      case DROP_TRIGGER -> "DROP TRIGGER";
      case VACUUM -> isVacuumFull(s) ? "VACUUM FULL" : "VACUUM";
      case ANALYZE -> "ANALYZE";
      case CLUSTER -> "CLUSTER";
      case LOCK -> "LOCK";
      case INSERT -> "INSERT";
      case UPDATE -> Dml.hasWhere(s) ? "UPDATE" : "UPDATE all rows";
      case DELETE -> Dml.hasWhere(s) ? "DELETE" : "DELETE all rows";
      case COMMENT -> "COMMENT";
      case SELECT -> "SELECT";
      case ALTER_INDEX -> allInTablespace(s) ? "ALTER TABLE ALL IN TABLESPACE"
          : RENAME_TO.matcher(text).matches() ? "ALTER INDEX RENAME"
          : SET_TABLESPACE.matcher(text).matches() ? "ALTER INDEX SET TABLESPACE" : "ALTER INDEX";
      case DO -> "DO";
      case CREATE_TYPE, ALTER_TYPE, DROP_TYPE, CREATE_SEQUENCE, ALTER_SEQUENCE, CREATE_FUNCTION, DROP_FUNCTION,
           CREATE_EXTENSION, CREATE_SCHEMA, GRANT, REVOKE, OTHER_DDL -> "DDL";
      default -> "none";
    };
  }

  /** The lock model row name of one ALTER TABLE action. */
  public static String alterOperation(AlterAction a, ClassifiedStatement s, ColumnTypes types) {
    String text = a.text().toUpperCase(Locale.ROOT);
    return switch (a.kind()) {
      case ADD_COLUMN -> addColumnOperation(a.column());
      case DROP_COLUMN -> "ALTER TABLE DROP COLUMN";
      case ALTER_COLUMN_TYPE -> a.column() != null && (!text.contains(" USING ")
          || TypeChanges.usingKeepsValue(a.name(), a.text().substring(text.indexOf(" USING ") + 7), a.column().type()))
          && TypeChanges.binaryCoercible(types.typeOf(s.target(), a.name()), a.column().type())
          ? "ALTER TABLE ALTER COLUMN TYPE binary-coercible" : "ALTER TABLE ALTER COLUMN TYPE";
      case SET_NOT_NULL -> "ALTER TABLE SET NOT NULL";
      case DROP_NOT_NULL -> "ALTER TABLE DROP NOT NULL";
      case SET_DEFAULT -> "ALTER TABLE SET DEFAULT";
      case DROP_DEFAULT -> "ALTER TABLE DROP DEFAULT";
      case ADD_CONSTRAINT -> {
        boolean notValid = NOT_VALID.matcher(text).matches();
        if (USING_INDEX.matcher(text).matches()) yield "ALTER TABLE ADD CONSTRAINT USING INDEX";
        yield switch (a.constraintType()) {
          case CHECK -> notValid ? "ALTER TABLE ADD CHECK NOT VALID" : "ALTER TABLE ADD CHECK";
          case FK -> notValid ? "ALTER TABLE ADD FOREIGN KEY NOT VALID" : "ALTER TABLE ADD FOREIGN KEY";
          case UNIQUE -> "ALTER TABLE ADD UNIQUE";
          case PK -> "ALTER TABLE ADD PRIMARY KEY";
          case EXCLUDE -> "ALTER TABLE ADD EXCLUDE";
          default -> "ALTER TABLE ADD CONSTRAINT";
        };
      }
      case DROP_CONSTRAINT -> "ALTER TABLE DROP CONSTRAINT";
      case VALIDATE_CONSTRAINT -> "ALTER TABLE VALIDATE CONSTRAINT";
      case RENAME_COLUMN -> "ALTER TABLE RENAME COLUMN";
      case RENAME_TABLE -> "ALTER TABLE RENAME";
      case SET_TABLESPACE -> "ALTER TABLE SET TABLESPACE";
      case SET_LOGGED -> "ALTER TABLE SET LOGGED";
      case SET_UNLOGGED -> "ALTER TABLE SET UNLOGGED";
      case ATTACH_PARTITION -> "ALTER TABLE ATTACH PARTITION";
      case DETACH_PARTITION -> s.has(Flag.CONCURRENTLY) ? "ALTER TABLE DETACH PARTITION CONCURRENTLY"
          : "ALTER TABLE DETACH PARTITION";
      case SET_STATISTICS -> "ALTER TABLE SET STATISTICS";
      case OTHER -> {
        if (STORAGE_PARAMETERS.matcher(text).matches()) yield "ALTER TABLE SET STORAGE PARAMETERS";
        if (TRIGGER_TOGGLE.matcher(text).matches()) yield "ALTER TABLE ENABLE/DISABLE TRIGGER";
        if (CLUSTER_ON.matcher(text).matches()) yield "ALTER TABLE CLUSTER ON";
        if (REPLICA_IDENTITY.matcher(text).matches()) yield "ALTER TABLE REPLICA IDENTITY";
        if (SET_ACCESS_METHOD.matcher(text).matches()) yield "ALTER TABLE SET ACCESS METHOD";
        if (COLUMN_OPTIONS.matcher(text).matches()) yield "ALTER TABLE SET STATISTICS";
        yield "ALTER TABLE other";
      }
    };
  }

  static String addColumnOperation(ColumnDef c) {
    if (c == null) return "ALTER TABLE ADD COLUMN";
    if (c.serial()) return "ALTER TABLE ADD COLUMN serial";
    if (c.identity()) return "ALTER TABLE ADD COLUMN identity";
    if ("stored".equals(c.generated())) return "ALTER TABLE ADD COLUMN stored generated";
    if ("virtual".equals(c.generated())) return "ALTER TABLE ADD COLUMN virtual generated";
    if (c.primaryKey() || c.unique()) return "ALTER TABLE ADD COLUMN UNIQUE";
    if (c.defaultExpr() != null && !c.defaultExpr().equalsIgnoreCase("NULL")) {
      return DefaultExpressions.volatility(c.defaultExpr()) == DefaultExpressions.Volatility.NON_VOLATILE
          ? "ALTER TABLE ADD COLUMN default" : "ALTER TABLE ADD COLUMN volatile default";
    }
    if (c.notNull()) return "ALTER TABLE ADD COLUMN NOT NULL";
    if (c.references() != null) return "ALTER TABLE ADD COLUMN REFERENCES";
    return "ALTER TABLE ADD COLUMN";
  }

  /** {@code ALTER TABLE|INDEX|MATERIALIZED VIEW ALL IN TABLESPACE a [OWNED BY …] SET TABLESPACE b}. */
  private static boolean allInTablespace(ClassifiedStatement s) {
    return ALL_IN_TABLESPACE.matcher(s.text().toUpperCase(Locale.ROOT)).matches();
  }

  private static boolean isVacuumFull(ClassifiedStatement s) {
    return VACUUM_FULL.matcher(s.text().toUpperCase(Locale.ROOT)).matches();
  }

  /** The row of {@code operation} in force on {@code major} (major 0: the newest row). */
  public static LockImpact lookup(String operation, int major) {
    Row r = lookupRow(operation, major);
    return new LockImpact(r.operation(), r.lock(), r.flags().contains("R"), r.flags().contains("S"),
        r.flags().contains("I"), !r.flags().contains("N"), r.otherLock(), r.note());
  }

  private static Row lookupRow(String operation, int major) {
    List<Row> rows = BY_OPERATION.get(operation);
    if (rows == null) throw new IllegalArgumentException("no lock model row '" + operation + "'");
    Row best = rows.get(0);
    for (Row r : rows) if (r.since() <= major || major <= 0) best = r;
    return best;
  }

  private static Row row(String operation, int since, LockLevel lock, String flags, LockLevel other, String note) {
    return new Row(operation, since, lock, flags, other, note);
  }
}
