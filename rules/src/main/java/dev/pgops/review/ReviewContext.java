package dev.pgops.review;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.internal.Bytes;
import dev.pgops.rules.internal.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a migration rule sees besides the statement: the facts about the database, the options, which tables the
 * review created, and a finding builder that adds table size, rows, indexes, write rate, inbound foreign keys,
 * live sessions and a duration band, and escalates severity by size.
 */
public final class ReviewContext {
  private final RuleDescriptor rule;
  private final ReviewFacts facts;
  private final ReviewOptions options;
  private final PgopsConfig config;
  private final Map<String, Integer> createdAt;
  private final List<ReviewStatement> statements;
  private final TypesBefore typesBefore;
  private final Map<String, Object> shared;
  private final List<Finding> found = new ArrayList<>();

  /** The type of a column just before the statement at an ordinal ran, or null (see {@link #columnTypeBefore}). */
  @FunctionalInterface
  interface TypesBefore {
    String typeBefore(String table, String column, int ordinal);
  }

  ReviewContext(RuleDescriptor rule, ReviewFacts facts, ReviewOptions options, PgopsConfig config,
      Map<String, Integer> createdAt, List<ReviewStatement> statements, TypesBefore typesBefore,
      Map<String, Object> shared) {
    this.rule = rule;
    this.facts = facts;
    this.options = options;
    this.config = config;
    this.createdAt = createdAt;
    this.statements = List.copyOf(statements);
    this.typesBefore = typesBefore;
    this.shared = shared;
  }

  /**
   * A value derived from the whole review, computed once per review and shared by every rule (an index of the
   * review's CREATE INDEX statements by table …), so a rule asking per statement stays linear. {@code key} names
   * what {@code build} computes; the value must not be mutated.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, java.util.function.Function<List<ReviewStatement>, T> build) {
    return (T) shared.computeIfAbsent(key, k -> build.apply(statements));
  }

  public ReviewFacts facts() {
    return facts;
  }

  public ReviewOptions options() {
    return options;
  }

  /** The reviewed server major version (from the database, --pg-version, or the assumed default). */
  public int major() {
    return facts.major();
  }

  /** True when {@code table} was created by a statement of this review before {@code s}: new and empty. */
  public boolean isNew(String table, ReviewStatement s) {
    Integer at = createdAt.get(Names.normalize(table));
    return at != null && at < s.ordinal();
  }

  /** True when the statement's locked table was created earlier in this review. */
  public boolean targetIsNew(ReviewStatement s) {
    return s.target() != null && isNew(s.target(), s);
  }

  /**
   * Every statement of the review, files in order (by {@link ReviewStatement#ordinal()}): for rules whose answer
   * depends on what other migrations of the same review do (an index created in a later file, a constraint
   * validated in an earlier one).
   */
  public List<ReviewStatement> statements() {
    return statements;
  }

  /**
   * The statements of the whole review (every file, in order) that run before {@code s}: what earlier migrations
   * of the same review already did (a CHECK added and validated before an ATTACH PARTITION …).
   */
  public List<ReviewStatement> earlier(ReviewStatement s) {
    int lo = 0, hi = statements.size(); // ordinals increase along the list: the first with ordinal >= s's
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (statements.get(mid).ordinal() < s.ordinal()) lo = mid + 1; else hi = mid;
    }
    return statements.subList(0, lo);
  }

  /**
   * The type of {@code column} of {@code table} just before {@code s} runs: set by an earlier CREATE TABLE / ADD
   * COLUMN / ALTER COLUMN TYPE of this review, else read from the database, else null (unknown).
   */
  public String columnTypeBefore(ReviewStatement s, String table, String column) {
    return typesBefore.typeBefore(table, column, s.ordinal());
  }

  public Optional<TableFacts> table(String written) {
    return facts.table(written);
  }

  List<Finding> findings() {
    return found;
  }

  /** Starts a finding at the statement's file:line:column. */
  public FindingBuilder at(ReviewStatement s, String message) {
    return new FindingBuilder(s, message);
  }

  public final class FindingBuilder {
    private final ReviewStatement statement;
    private final String message;
    private Severity severity = rule.severity();
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private String remediation = "";
    private String table;
    private String subject;
    private boolean sizeSensitive;

    private FindingBuilder(ReviewStatement statement, String message) {
      this.statement = statement;
      this.message = message;
    }

    public FindingBuilder severity(Severity s) {
      this.severity = s;
      return this;
    }

    public FindingBuilder evidence(String key, Object value) {
      evidence.put(key, value == null ? "" : String.valueOf(value));
      return this;
    }

    public FindingBuilder remediation(String text) {
      this.remediation = text;
      return this;
    }

    /** Names the table the finding is about; its facts are added to the message and evidence. */
    public FindingBuilder onTable(String written) {
      this.table = written;
      return this;
    }

    /**
     * What in the statement the finding is about (a column, a name), when one statement can give several findings
     * of the rule on the same table: keeps their fingerprints apart.
     */
    public FindingBuilder subject(String what) {
      this.subject = what;
      return this;
    }

    /**
     * The harm grows with the table (rewrite, scan, index build, backfill): severity follows the table's size —
     * lowered to low for a small table, raised to high for a large one and critical for a huge one — and a
     * duration band is added.
     */
    public FindingBuilder sizeSensitive() {
      this.sizeSensitive = true;
      return this;
    }

    public void report() {
      String t = table != null ? table : statement.target();
      Severity sev = severity;
      String msg = message;
      evidence.put("statementKind", statement.kind().name());
      evidence.put("lock", statement.impact().lock().sqlName());
      if (t != null) {
        evidence.put("table", Names.normalize(t));
        Optional<TableFacts> tf = facts.table(t);
        if (tf.isPresent()) {
          TableFacts f = tf.get();
          msg = msg + " — " + f.name() + ": " + describe(f);
          evidence.put("tableTotalSize", Bytes.human(f.totalBytes()));
          evidence.put("tableTotalBytes", String.valueOf(f.totalBytes()));
          evidence.put("estimatedRows", f.estimatedRows() < 0 ? "unknown (never analyzed)" : Fmt.count(f.estimatedRows()));
          evidence.put("indexes", f.indexCount() + " (" + Bytes.human(f.indexBytes()) + ")");
          if (f.writesPerSecond() != null) evidence.put("writesPerSecond", Fmt.num(f.writesPerSecond()));
          if (!f.inboundForeignKeys().isEmpty()) evidence.put("inboundForeignKeys", String.join(", ", f.inboundForeignKeys()));
          if (!f.activeSessions().isEmpty()) {
            evidence.put("activeSessions", String.join("; ", f.activeSessions()));
            msg = msg + "; " + f.activeSessions().size() + " session(s) hold or wait for locks on it right now";
          }
          if (sizeSensitive) {
            sev = bySize(sev, f.totalBytes());
            String band = DurationBand.of(statement.impact().indexBuild() ? f.totalBytes() * 2 : f.totalBytes());
            evidence.put("estimatedDuration", band);
            msg = msg + "; estimated " + band;
          }
        } else if (facts.hasDatabase() && isNew(t, statement)) {
          evidence.put("newTable", "created earlier in this review");
        } else if (facts.hasDatabase()) {
          evidence.put("tableSize", "not in the database");
        }
      }
      sev = config.severity(rule.id()).orElse(sev);
      found.add(new Finding(rule.id(), sev, rule.area().id(), rule.checklistItem(),
          new Location.SqlFile(statement.sql().file(), statement.sql().line(), statement.sql().column()), msg,
          new TreeMap<>(evidence), remediation,
          rule.id() + "|" + statement.sql().file() + "|" + statement.kind().name() + "|"
              + (t == null ? "" : Names.normalize(t)) + "|" + statement.index() + (subject == null ? "" : "|" + subject)));
    }

    private Severity bySize(Severity base, long bytes) {
      if (bytes >= options.hugeTableBytes()) return Severity.CRITICAL;
      if (bytes >= options.largeTableBytes()) return base.atLeast(Severity.HIGH) ? base : Severity.HIGH;
      if (bytes <= options.smallTableBytes()) return Severity.LOW.atLeast(base) ? base : Severity.LOW;
      return base;
    }
  }

  /** "41 GB, ~310 M rows, 6 indexes (18 GB), 120 writes/s". */
  public static String describe(TableFacts f) {
    StringBuilder b = new StringBuilder(Bytes.human(f.totalBytes()));
    if (f.estimatedRows() >= 0) b.append(", ~").append(Fmt.count(f.estimatedRows())).append(" rows");
    b.append(", ").append(f.indexCount()).append(f.indexCount() == 1 ? " index" : " indexes");
    if (f.indexCount() > 0) b.append(" (").append(Bytes.human(f.indexBytes())).append(')');
    if (f.writesPerSecond() != null && f.writesPerSecond() > 0) b.append(", ").append(Fmt.num(f.writesPerSecond())).append(" writes/s");
    return b.toString();
  }
}
