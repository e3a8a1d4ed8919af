package dev.pgops.report.review;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.migration.StatementKind;
import dev.pgops.report.ToolInfo;
import dev.pgops.review.DurationBand;
import dev.pgops.review.LockImpact;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewFacts;
import dev.pgops.review.ReviewFile;
import dev.pgops.review.ReviewOptions;
import dev.pgops.review.ReviewResult;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import dev.pgops.review.TransactionMode;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.internal.Bytes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every review output shows, built once from a {@link ReviewResult}: sorted, grouped, counted and labelled,
 * so the templates (Markdown, HTML, the migration plan) and the text, JSON and SARIF writers only loop and print.
 *
 * @param header         what was reviewed, against what, by whom and when
 * @param severityCounts active findings per severity, most severe first (zeros included)
 * @param findings       active findings in file and line order, numbered from 1
 * @param files          every file with its findings (a failed file carries its error)
 * @param statements     every statement in execution order with its lock impact, table facts and findings
 * @param suppressed     findings silenced by a {@code pgops:ignore} directive, with the reason
 * @param failedFiles    the files that could not be read
 * @param notes          remarks for the summary: empty files, what the database facts lacked
 * @param plan           the migration plan's checklist, rollback and verification
 * @param rules          the migration rules that ran (for SARIF), by id
 * @param truncation     "" or why the Markdown shows less than everything
 */
public record ReviewModel(Header header, List<SeverityCount> severityCounts, List<FindingView> findings,
    List<FileView> files, List<StatementView> statements, List<FindingView> suppressed, List<FileView> failedFiles,
    List<String> notes, Plan plan, List<RuleView> rules, String truncation) {

  /** How many characters of a statement the outputs show. */
  static final int SQL_CHARS = 400;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  public ReviewModel {
    severityCounts = List.copyOf(severityCounts);
    findings = List.copyOf(findings);
    files = List.copyOf(files);
    statements = List.copyOf(statements);
    suppressed = List.copyOf(suppressed);
    failedFiles = List.copyOf(failedFiles);
    notes = List.copyOf(notes);
    rules = List.copyOf(rules);
  }

  /**
   * @param toolName         "pgops"
   * @param generatedAt      when the review ran, for people
   * @param date             the day, for the plan's header
   * @param databaseSource   "none", "snapshot FILE", "live HOST/DB"
   * @param serverVersion    "16.4", "17", the major when only that is known
   * @param versionNum       {@code server_version_num} when known, else 0
   * @param versionAssumed   the version is pgops's default, not the database's or the user's
   * @param databaseLabel    one line: source and version, for summaries
   * @param runner           the runner id ("flyway")
   * @param transactionMode  "per-file", "none", "implicit"
   * @param transactionLabel the mode with where it comes from
   */
  public record Header(String toolName, String toolVersion, String generatedAt, String generatedAtIso, String date,
      int fileCount, int statementCount, int findingCount, int suppressedCount, int failedCount,
      String databaseSource, boolean hasDatabase, String serverVersion, int versionNum, boolean versionAssumed,
      String databaseLabel, String runner, String runnerDescription, String transactionMode, String transactionLabel,
      String fileList) {}

  public record SeverityCount(String severity, String label, int count) {}

  public record Evidence(String key, String value) {}

  /**
   * One finding. {@code position} is {@code file:line:column}; {@code statementAnchor} links to its statement;
   * {@code reason} is the ignore directive's reason for a suppressed finding, else "".
   */
  public record FindingView(int no, String ref, String anchor, String ruleId, String severity, String severityLabel,
      String level, String area, String checklistItem, String file, int line, int column, String position,
      String message, List<Evidence> evidence, boolean hasEvidence, String remediation, boolean hasRemediation,
      String remediationFence, String fingerprint, String statementAnchor, String lock, String table,
      String reason) {}

  public record FindingRef(int no, String ref, String anchor, String ruleId, String severity, String severityLabel,
      String message) {}

  public record FileView(String file, String anchor, int statementCount, String error, boolean hasError, String note,
      List<FindingView> findings) {}

  /**
   * One statement in execution order.
   *
   * @param kind            "CREATE INDEX"
   * @param label           what it does, for people: the lock model row, else the kind ("ALTER TABLE ADD COLUMN")
   * @param operation       the lock model row ("ALTER TABLE ADD COLUMN default, ADD FOREIGN KEY NOT VALID")
   * @param lock            "ACCESS EXCLUSIVE", "none"
   * @param blocks          what the lock blocks, for people
   * @param work            "rewrite", "scan, index build", "none"
   * @param transaction     "none", "per-file", "implicit", "explicit"
   * @param tableSize       "41 GB" when the database has the table, "new" when the review created it, else ""
   * @param duration        the estimated duration band of a size-dependent step on a known table, else ""
   * @param sql             the statement with its {@code ;}, or cut at {@value #SQL_CHARS} characters with "…"
   * @param rollback        its undo steps (empty: nothing to undo)
   * @param checks          its verification queries
   */
  public record StatementView(int no, String anchor, String file, int line, int column, String position, String kind,
      String label, String classifiedBy, String operation, String lock, String blocks, boolean blocksWrites, boolean rewrite,
      boolean scan, boolean indexBuild, boolean transactional, String work, String transaction,
      String transactionLabel, String table, String tableSize, Long tableBytes, String duration, boolean sizeDependent,
      String lockTimeout, String statementTimeout, String note, String sql, String sqlFence, List<FindingRef> findings,
      String worstSeverity, List<Rollback.Step> rollback, List<Verification.Check> checks) {}

  /** A "before you start" item, with SQL to run when there is some ("" otherwise). */
  public record CheckItem(String text, String sql, String sqlFence) {}

  /** The undo of one statement: {@code notes} are "Manual: …" and "Note: …" lines, {@code undoSql} the SQL to run. */
  public record RollbackView(String position, String anchor, String kind, String sql, String sqlFence,
      List<Rollback.Step> steps, List<String> notes, String undoSql, String undoFence) {}

  public record VerifyView(String position, String kind, List<Verification.Check> checks, String sql,
      String sqlFence) {}

  public record Plan(List<CheckItem> beforeYouStart, List<RollbackView> rollback, List<VerifyView> verification,
      int manualSteps) {}

  /** A migration rule as SARIF describes it: the summary and the side-car doc. */
  public record RuleView(String id, String summary, String problem, String doc, String severity, String level,
      String area, String checklistItem) {}

  public static ReviewModel build(ReviewResult result, List<RuleDescriptor> rules, ToolInfo tool, Instant generatedAt) {
    ReviewFacts facts = result.facts();
    ReviewOptions options = result.options();
    Map<String, String> statementAnchors = new HashMap<>();
    int sn = 0;
    for (ReviewFile f : result.files()) {
      for (ReviewStatement s : f.statements()) statementAnchors.putIfAbsent(s.sql().position(), "s-" + (++sn));
    }
    List<FindingView> findings = new ArrayList<>();
    for (Finding f : result.findings()) findings.add(view(findings.size() + 1, f, statementAnchors, "f-"));
    List<FindingView> suppressed = new ArrayList<>();
    for (Finding f : result.suppressed()) suppressed.add(view(suppressed.size() + 1, f, statementAnchors, "x-"));

    Map<String, List<FindingView>> byStatement = new HashMap<>();
    Map<String, List<FindingView>> byFile = new LinkedHashMap<>();
    for (FindingView f : findings) {
      byStatement.computeIfAbsent(f.position(), k -> new ArrayList<>()).add(f);
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    }

    List<FileView> files = new ArrayList<>();
    List<FileView> failed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int fn = 0;
    for (ReviewFile f : result.files()) {
      String note = !f.failed() && f.statements().isEmpty() ? "no statements (empty or comments only)" : "";
      FileView v = new FileView(f.file(), "file-" + (++fn), f.statements().size(), f.failed() ? f.error() : "",
          f.failed(), note, byFile.getOrDefault(f.file(), List.of()));
      files.add(v);
      if (f.failed()) failed.add(v);
      if (!note.isEmpty()) notes.add(f.file() + ": " + note);
    }
    notes.addAll(facts.notes());

    List<StatementView> statements = new ArrayList<>();
    Map<String, String> created = new HashMap<>();
    for (ReviewFile f : result.files()) {
      for (ReviewStatement s : f.statements()) {
        String at = s.sql().position();
        statements.add(statement(statements.size() + 1, f, s, facts, created, byStatement.getOrDefault(at, List.of()),
            statementAnchors.get(at)));
        rememberCreated(s, created);
      }
    }

    List<SeverityCount> counts = new ArrayList<>();
    for (Severity sev : Severity.values()) {
      counts.add(new SeverityCount(sev.id(), label(sev), (int) findings.stream().filter(x -> x.severity().equals(sev.id())).count()));
    }
    Header header = header(result, tool, generatedAt, facts, options, findings.size(), suppressed.size(), failed.size());
    List<RuleView> ruleViews = rules.stream().map(ReviewModel::rule).toList();
    return new ReviewModel(header, counts, findings, files, statements, suppressed, failed, notes,
        plan(statements, findings, failed), ruleViews, "");
  }

  /**
   * The same model showing at most {@code maxFindings} findings and {@code maxStatements} statements, with a note
   * saying what was left out (for a Markdown comment that must stay under GitHub's size limit).
   */
  public ReviewModel truncated(int maxFindings, int maxStatements) {
    List<FindingView> kept = findings.subList(0, Math.min(maxFindings, findings.size()));
    Set<Integer> keptNos = new HashSet<>();
    kept.forEach(f -> keptNos.add(f.no()));
    List<FileView> keptFiles = files.stream().map(f -> new FileView(f.file(), f.anchor(), f.statementCount(), f.error(),
        f.hasError(), f.note(), f.findings().stream().filter(x -> keptNos.contains(x.no())).toList())).toList();
    List<StatementView> keptStatements = statements.subList(0, Math.min(maxStatements, statements.size()));
    int lostFindings = findings.size() - kept.size();
    int lostStatements = statements.size() - keptStatements.size();
    String note = lostFindings == 0 && lostStatements == 0 ? "" : "Truncated to fit a pull-request comment: "
        + (lostFindings > 0 ? lostFindings + " of " + findings.size() + " findings" : "")
        + (lostFindings > 0 && lostStatements > 0 ? " and " : "")
        + (lostStatements > 0 ? lostStatements + " of " + statements.size() + " statements" : "")
        + " are not shown here; review.html, review.json and review.sarif have everything.";
    return new ReviewModel(header, severityCounts, kept, keptFiles, keptStatements, suppressed, failedFiles, notes, plan,
        rules, note);
  }

  public boolean hasTruncation() {
    return !truncation.isEmpty();
  }

  public int suppressedCount() {
    return suppressed.size();
  }

  /** Files with findings or an error or a note, for the grouped views. */
  public List<FileView> filesWithFindings() {
    return files.stream().filter(f -> !f.findings().isEmpty()).toList();
  }

  /** "2 critical, 1 high, 3 medium" (non-zero counts only) or "no findings". */
  public String severitySummary() {
    List<String> parts = new ArrayList<>();
    for (SeverityCount c : severityCounts) if (c.count() > 0) parts.add(c.count() + " " + c.severity());
    return parts.isEmpty() ? "no findings" : String.join(", ", parts);
  }

  // ------------------------------------------------------------------ building

  private static FindingView view(int no, Finding f, Map<String, String> statementAnchors, String prefix) {
    Location.SqlFile loc = f.location() instanceof Location.SqlFile s ? s : new Location.SqlFile("", 0, 0);
    String position = loc.position();
    List<Evidence> evidence = new ArrayList<>();
    String reason = "";
    for (var e : f.evidence().entrySet()) {
      if (e.getKey().equals("ignoredBecause")) reason = e.getValue();
      else evidence.add(new Evidence(e.getKey(), SqlText.visible(e.getValue())));
    }
    // rules quote the script (names, SET clauses): terminal escapes from a hostile file must not reach any output
    String message = SqlText.visible(f.message());
    String remediation = SqlText.visible(f.remediation());
    return new FindingView(no, "#" + no, prefix + no, f.ruleId(), f.severity().id(), label(f.severity()),
        f.severity().sarifLevel(), f.area(), f.checklistItem() == null ? "" : f.checklistItem(), loc.file(), loc.line(),
        loc.column(), position, message, evidence, !evidence.isEmpty(), remediation, !remediation.isBlank(),
        SqlText.fence(remediation), f.fingerprint(), statementAnchors.getOrDefault(position, ""),
        f.evidence().getOrDefault("lock", ""), f.evidence().getOrDefault("table", ""), reason);
  }

  private static StatementView statement(int no, ReviewFile file, ReviewStatement s, ReviewFacts facts,
      Map<String, String> created, List<FindingView> findings, String anchor) {
    LockImpact i = s.impact();
    String target = s.target();
    StatementKind k = s.kind();
    boolean creates = k == StatementKind.CREATE_TABLE || k == StatementKind.CREATE_TABLE_AS
        || k == StatementKind.CREATE_MATERIALIZED_VIEW;
    // a table only where the statement locks or creates one (not the name of a sequence, type or setting)
    String table = target != null && (i.lock() != dev.pgops.review.LockLevel.NONE || creates) ? Names.normalize(target) : "";
    if (table == null) table = "";
    String size = "", duration = "";
    Long bytes = null;
    if (!table.isEmpty()) {
      Optional<TableFacts> tf = facts.table(target);
      if (creates) {
        size = "new (created here)";
      } else if (created.containsKey(table)) {
        size = "new (created at " + created.get(table) + ")";
      } else if (tf.isPresent()) {
        bytes = tf.get().totalBytes();
        size = Bytes.human(bytes);
        if (i.sizeDependent()) duration = DurationBand.of(i.indexBuild() ? bytes * 2 : bytes);
      }
    }
    List<String> work = new ArrayList<>();
    if (i.rewrite()) work.add("rewrite");
    if (i.scan()) work.add("scan");
    if (i.indexBuild()) work.add("index build");
    String tx = s.txId() < 0 ? "none" : s.explicitTx() ? "explicit" : mode(file.mode());
    String txLabel = switch (tx) {
      case "none" -> "none (commits on its own)";
      case "explicit" -> "explicit BEGIN … COMMIT";
      case "per-file" -> "the runner's transaction for the file";
      default -> "one implicit transaction for the file";
    };
    String lock = i.lock().sqlName();
    String blocks = i.lock() == dev.pgops.review.LockLevel.NONE ? "nothing" : i.lock().blocks();
    if (i.otherLock() != dev.pgops.review.LockLevel.NONE) {
      blocks = blocks + "; also " + i.otherLock().sqlName() + " on another table (" + i.otherLock().blocks() + ")";
    }
    List<FindingRef> refs = findings.stream().map(f -> new FindingRef(f.no(), f.ref(), f.anchor(), f.ruleId(),
        f.severity(), f.severityLabel(), f.message())).toList();
    String worst = findings.stream().map(f -> Severity.parse(f.severity())).min(Enum::compareTo).map(Severity::id).orElse("");
    String sql = SqlText.truncate(s.text(), SQL_CHARS);
    if (!sql.endsWith(" …") && k != StatementKind.META_COMMAND) sql = sql + ";";
    String kind = k.name().replace('_', ' ');
    String label = i.operation().equals("none") || i.operation().equals("DDL") ? kind : i.operation();
    return new StatementView(no, anchor, file.file(), s.sql().line(), s.sql().column(), s.sql().position(),
        kind, label, s.classified().classifiedBy(), i.operation(), lock, blocks,
        i.lock().blocksWrites(), i.rewrite(), i.scan(), i.indexBuild(), i.transactional(),
        work.isEmpty() ? "none" : String.join(", ", work), tx, txLabel, table, size, bytes, duration,
        i.sizeDependent() && !size.startsWith("new") && !table.isEmpty(), s.lockTimeout() == null ? "" : s.lockTimeout(),
        s.statementTimeout() == null ? "" : s.statementTimeout(), i.note(), sql, SqlText.fence(sql), refs, worst,
        Rollback.of(s.classified(), facts), Verification.of(s.classified()));
  }

  private static void rememberCreated(ReviewStatement s, Map<String, String> created) {
    StatementKind k = s.kind();
    if (k == StatementKind.CREATE_TABLE || k == StatementKind.CREATE_TABLE_AS || k == StatementKind.CREATE_MATERIALIZED_VIEW) {
      String n = Names.normalize(s.target());
      if (n != null) created.putIfAbsent(n, s.sql().position());
    }
  }

  static String mode(TransactionMode m) {
    return switch (m) {
      case PER_FILE -> "per-file";
      case NONE -> "none";
      case IMPLICIT -> "implicit";
    };
  }

  static String label(Severity s) {
    return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
  }

  private static Header header(ReviewResult r, ToolInfo tool, Instant at, ReviewFacts facts, ReviewOptions o,
      int findings, int suppressed, int failed) {
    String version = facts.versionNum() > 0 ? (facts.versionNum() / 10000) + "." + (facts.versionNum() % 10000)
        : String.valueOf(facts.major());
    String db;
    if (facts.hasDatabase()) db = facts.source() + ", PostgreSQL " + version;
    else if (facts.versionKnown()) db = "no database facts, PostgreSQL " + version + " (given)";
    else db = "no database facts, PostgreSQL " + version + " assumed (give --pg-version, a snapshot or a connection)";
    String mode = mode(o.mode());
    String modeLabel = mode + (o.transactionMode() != null ? " (--transaction)" : " (" + o.runner().id() + "'s default)");
    List<String> names = r.files().stream().map(ReviewFile::file).toList();
    String list = names.size() <= 5 ? String.join(", ", names)
        : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    return new Header(tool.name(), tool.version(), TIME.format(at), at.toString(), DATE.format(at), r.files().size(),
        r.statementCount(), findings, suppressed, failed, facts.source(), facts.hasDatabase(), version,
        facts.versionNum(), !facts.versionKnown(), db, o.runner().id(), o.runner().description(), mode, modeLabel, list);
  }

  private static RuleView rule(RuleDescriptor d) {
    return new RuleView(d.id(), d.summary(), section(d.doc(), "Problem"), d.doc().strip(), d.severity().id(),
        d.severity().sarifLevel(), d.area().id(), d.checklistItem());
  }

  /** The text of a "## name" section of a rule doc (one paragraph), or the summary-less "". */
  static String section(String doc, String name) {
    int at = doc.indexOf("## " + name);
    if (at < 0) return "";
    int start = doc.indexOf('\n', at);
    if (start < 0) return "";
    int end = doc.indexOf("\n## ", start);
    return doc.substring(start, end < 0 ? doc.length() : end).strip();
  }

  private static Plan plan(List<StatementView> statements, List<FindingView> findings, List<FileView> failed) {
    List<CheckItem> before = new ArrayList<>();
    List<String> unprotected = statements.stream()
        .filter(s -> s.blocksWrites() && s.lockTimeout().isEmpty() && !s.tableSize().startsWith("new"))
        .map(StatementView::position).toList();
    String timeouts = "SET lock_timeout = '5s';\nSET statement_timeout = '30min';";
    before.add(new CheckItem("Set lock_timeout (a blocked lock request then fails fast instead of queueing every "
        + "query behind it) and statement_timeout for the migration session, and retry a step that times out"
        + (unprotected.isEmpty() ? "" : "; steps that block writes with no lock_timeout in force: " + list(unprotected)),
        timeouts, SqlText.fence(timeouts)));
    before.add(new CheckItem("Confirm a recent, restore-tested backup (or take one) and note the time: DROP, TRUNCATE, "
        + "UPDATE and DELETE steps can only be undone from it", "", ""));
    List<String> heavy = statements.stream().filter(StatementView::sizeDependent)
        .map(s -> s.position() + (s.tableSize().isEmpty() ? "" : " (" + s.table() + ", " + s.tableSize()
            + (s.duration().isEmpty() ? "" : ", estimated " + s.duration()) + ")")).toList();
    before.add(new CheckItem(heavy.isEmpty()
        ? "No step rewrites, scans or builds an index on an existing table: no off-peak window needed for size"
        : "Schedule an off-peak window for the size-dependent steps (rewrite, scan, index build): " + list(heavy),
        "", ""));
    String longTx = "SELECT pid, usename, application_name, state, now() - xact_start AS xact_age\n"
        + "FROM pg_stat_activity WHERE xact_start < now() - interval '1 minute' ORDER BY xact_start;";
    before.add(new CheckItem("Check for long-running transactions right before you start: a lock request waits for "
        + "them, and everything queues behind the waiting request", longTx, SqlText.fence(longTx)));
    long serious = findings.stream().filter(f -> Severity.parse(f.severity()).atLeast(Severity.HIGH)).count();
    if (serious > 0) {
      before.add(new CheckItem("Resolve or explicitly accept the " + serious + " critical/high finding"
          + (serious == 1 ? "" : "s") + " below", "", ""));
    }
    if (!failed.isEmpty()) {
      before.add(new CheckItem("Fix the files that could not be read (they were not reviewed): "
          + list(failed.stream().map(FileView::file).toList()), "", ""));
    }

    List<RollbackView> rollback = new ArrayList<>();
    int manual = 0;
    for (int k = statements.size() - 1; k >= 0; k--) {
      StatementView s = statements.get(k);
      if (s.rollback().isEmpty()) continue;
      StringBuilder undo = new StringBuilder();
      List<String> notes = new ArrayList<>();
      for (Rollback.Step st : s.rollback()) {
        if (st.manual()) {
          manual++;
          notes.add("Manual: " + st.note());
        } else {
          undo.append(undo.length() == 0 ? "" : "\n").append(st.sql());
          if (st.hasNote()) notes.add("Note: " + st.note());
        }
      }
      rollback.add(new RollbackView(s.position(), s.anchor(), s.label(), s.sql(), s.sqlFence(), s.rollback(), notes,
          undo.toString(), SqlText.fence(undo.toString())));
    }
    List<VerifyView> verify = new ArrayList<>();
    for (StatementView s : statements) {
      if (s.checks().isEmpty()) continue;
      StringBuilder sql = new StringBuilder();
      for (Verification.Check c : s.checks()) sql.append(sql.length() == 0 ? "" : "\n").append(c.sql());
      verify.add(new VerifyView(s.position(), s.label(), s.checks(), sql.toString(), SqlText.fence(sql.toString())));
    }
    return new Plan(before, rollback, verify, manual);
  }

  private static String list(List<String> items) {
    return items.size() <= 8 ? String.join(", ", items)
        : String.join(", ", items.subList(0, 8)) + " and " + (items.size() - 8) + " more";
  }
}
