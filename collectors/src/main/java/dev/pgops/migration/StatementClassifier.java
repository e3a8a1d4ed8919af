package dev.pgops.migration;

import dev.pgops.migration.AlterAction.ConstraintType;
import dev.pgops.migration.ClassifiedStatement.Flag;
import dev.pgops.migration.SqlTokens.Token;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Classifies migration statements. The tokens decide kind, targets, flags, ALTER TABLE actions and lock mode
 * (exact for leading keywords, and immune to JSqlParser's misparses such as {@code DROP INDEX CONCURRENTLY x});
 * JSqlParser 5.4 (PostgreSQL dialect, one shared parser thread, timeout) cross-checks the kind. Never throws.
 */
public final class StatementClassifier {

    private static final long PARSE_TIMEOUT_MS = 2000;

    public static final String BY_JSQLPARSER = "jsqlparser";
    public static final String BY_TOKENS = "tokens";
    public static final String BY_UNKNOWN = "unknown";

    private static final Set<String> OTHER_STATEMENTS = Set.of("COPY", "CALL", "EXPLAIN", "SAVEPOINT", "RELEASE",
            "MERGE", "NOTIFY", "LISTEN", "UNLISTEN", "CHECKPOINT", "DISCARD", "PREPARE", "EXECUTE", "DEALLOCATE",
            "DECLARE", "FETCH", "CLOSE", "MOVE", "LOAD", "SHOW", "IMPORT", "SECURITY", "REASSIGN");

    private StatementClassifier() {}

    /** Tokens, then JSqlParser's cross-check: {@code crossChecked(classifyByTokens(st))}. */
    public static ClassifiedStatement classify(SqlStatement st) {
        return crossChecked(classifyByTokens(st));
    }

    /**
     * The tokens' classification alone ({@code classifiedBy} is "tokens", or "unknown"): everything the review
     * reads. {@link #crossChecked} adds JSqlParser's verdict, which only changes {@code classifiedBy}, so a caller
     * can run it while the review runs.
     */
    public static ClassifiedStatement classifyByTokens(SqlStatement st) {
        try {
            if (st.metaCommand()) {
                return new ClassifiedStatement(st, StatementKind.META_COMMAND, BY_TOKENS, List.of(), Set.of(), List.of(), null);
            }
            Reader r = new Reader(SqlTokens.tokenize(st.text()));
            r.classify();
            if (r.kind == StatementKind.UNKNOWN) {
                return new ClassifiedStatement(st, StatementKind.UNKNOWN, BY_UNKNOWN, List.of(), r.flags, List.of(), null);
            }
            return new ClassifiedStatement(st, r.kind, BY_TOKENS, r.targets, r.flags, r.actions, r.lockMode, r.columns);
        } catch (RuntimeException | StackOverflowError e) {
            return new ClassifiedStatement(st, StatementKind.UNKNOWN, BY_UNKNOWN, List.of(), Set.of(), List.of(), null);
        }
    }

    /**
     * The statement as classified by {@code "jsqlparser"} when JSqlParser 5.4 (PostgreSQL dialect) parses it to a
     * statement class that agrees with the tokens' kind; otherwise unchanged. One parse; never throws.
     */
    public static ClassifiedStatement crossChecked(ClassifiedStatement c) {
        if (!BY_TOKENS.equals(c.classifiedBy())) return c;  // unknown stays unknown; meta-commands are not parseable
        return jsqlAgrees(c.text(), c.kind()) ? c.withClassifiedBy(BY_JSQLPARSER) : c;
    }

    // ---- JSqlParser cross-check ----

    private static final Map<String, Set<StatementKind>> JSQL_KINDS = Map.ofEntries(
            Map.entry("CreateTable", EnumSet.of(StatementKind.CREATE_TABLE, StatementKind.CREATE_TABLE_AS)),
            Map.entry("CreateIndex", EnumSet.of(StatementKind.CREATE_INDEX)),
            Map.entry("Alter", EnumSet.of(StatementKind.ALTER_TABLE)),
            Map.entry("AlterSequence", EnumSet.of(StatementKind.ALTER_SEQUENCE)),
            Map.entry("AlterType", EnumSet.of(StatementKind.ALTER_TYPE)),
            Map.entry("Truncate", EnumSet.of(StatementKind.TRUNCATE)),
            Map.entry("CreateView", EnumSet.of(StatementKind.CREATE_VIEW, StatementKind.CREATE_MATERIALIZED_VIEW)),
            Map.entry("RefreshMaterializedViewStatement", EnumSet.of(StatementKind.REFRESH_MATERIALIZED_VIEW)),
            Map.entry("CreateType", EnumSet.of(StatementKind.CREATE_TYPE)),
            Map.entry("CreateSequence", EnumSet.of(StatementKind.CREATE_SEQUENCE)),
            Map.entry("CreateFunction", EnumSet.of(StatementKind.CREATE_FUNCTION)),
            Map.entry("CreateProcedure", EnumSet.of(StatementKind.CREATE_FUNCTION)),
            Map.entry("CreateTrigger", EnumSet.of(StatementKind.CREATE_TRIGGER)),
            Map.entry("CreateExtension", EnumSet.of(StatementKind.CREATE_EXTENSION)),
            Map.entry("CreateSchema", EnumSet.of(StatementKind.CREATE_SCHEMA)),
            Map.entry("Comment", EnumSet.of(StatementKind.COMMENT)),
            Map.entry("Grant", EnumSet.of(StatementKind.GRANT)),
            Map.entry("Revoke", EnumSet.of(StatementKind.REVOKE)),
            Map.entry("Insert", EnumSet.of(StatementKind.INSERT)),
            Map.entry("Update", EnumSet.of(StatementKind.UPDATE)),
            Map.entry("Delete", EnumSet.of(StatementKind.DELETE)),
            Map.entry("DoStatement", EnumSet.of(StatementKind.DO)),
            Map.entry("Analyze", EnumSet.of(StatementKind.ANALYZE)),
            Map.entry("LockStatement", EnumSet.of(StatementKind.LOCK)),
            Map.entry("SetStatement", EnumSet.of(StatementKind.SET)),
            Map.entry("ResetStatement", EnumSet.of(StatementKind.RESET)),
            Map.entry("Commit", EnumSet.of(StatementKind.COMMIT)),
            Map.entry("RollbackStatement", EnumSet.of(StatementKind.ROLLBACK)),
            Map.entry("CreateDomain", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("CreatePolicy", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("AlterView", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("AlterRole", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("CreateRole", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("AlterDomain", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("AlterExtension", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("AlterDefaultPrivileges", EnumSet.of(StatementKind.OTHER_DDL)),
            Map.entry("RenameTableStatement", EnumSet.of(StatementKind.ALTER_TABLE)),
            Map.entry("Merge", EnumSet.of(StatementKind.OTHER)),
            Map.entry("ExplainStatement", EnumSet.of(StatementKind.OTHER)));

    private static final Set<StatementKind> DROP_KINDS = EnumSet.of(StatementKind.DROP_INDEX, StatementKind.DROP_TABLE,
            StatementKind.DROP_VIEW, StatementKind.DROP_TYPE, StatementKind.DROP_FUNCTION, StatementKind.DROP_TRIGGER,
            StatementKind.OTHER_DDL);

    /** Kinds JSqlParser can agree on; the others (REINDEX, VACUUM, BEGIN, meta-commands …) are not parsed at all. */
    private static final Set<StatementKind> PARSEABLE = parseable();

    private static Set<StatementKind> parseable() {
        Set<StatementKind> k = EnumSet.of(StatementKind.SELECT);
        k.addAll(DROP_KINDS);
        JSQL_KINDS.values().forEach(k::addAll);
        return k;
    }

    /**
     * One parser per thread, re-initialised for each statement: a new CCJSqlParser allocates thousands of
     * look-ahead records, which made construction a third of the parse time. Parsing runs in the calling thread
     * (files are classified in parallel by the caller); {@link Watchdog} enforces the timeout.
     */
    private static final ThreadLocal<CCJSqlParser> REUSED = new ThreadLocal<>();

    private static boolean jsqlAgrees(String sql, StatementKind kind) {
        if (!PARSEABLE.contains(kind)) return false;
        Statements parsed;
        CCJSqlParser p = REUSED.get();
        REUSED.remove(); // put back only after a clean parse: a failed or interrupted parser is dropped
        try {
            if (p == null) {
                p = new CCJSqlParser(new StringProvider(sql));
            } else {
                p.ReInit(new StringProvider(sql));
            }
            p.interrupted = false;
            p.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
            Watchdog.start(p);
            try {
                parsed = p.Statements();
            } finally {
                Watchdog.stop();
            }
            if (p.interrupted) return false;
            REUSED.set(p);
        } catch (Exception | StackOverflowError e) {
            return false;
        }
        if (parsed == null || parsed.size() != 1) return false;
        Statement s = parsed.get(0);
        if (s instanceof Select) return kind == StatementKind.SELECT;
        if (s instanceof Drop d) {
            // DROP INDEX CONCURRENTLY x "parses" as an index named CONCURRENTLY: not an agreement.
            String name = d.getName() == null ? "" : d.getName().getName();
            return DROP_KINDS.contains(kind) && !"CONCURRENTLY".equalsIgnoreCase(name);
        }
        Set<StatementKind> kinds = JSQL_KINDS.get(s.getClass().getSimpleName());
        return kinds != null && kinds.contains(kind);
    }

    /**
     * Stops parses that run too long (JSqlParser's look-ahead can explode on odd input) without a thread per parse:
     * each parsing thread registers its parser and start time; one daemon thread checks them every 50 ms and sets
     * JSqlParser's {@code interrupted} flag, which makes the parse give up.
     */
    static final class Watchdog {
        private record Running(CCJSqlParser parser, long startNanos) {}

        private static final java.util.concurrent.ConcurrentHashMap<Thread, Running> RUNNING =
                new java.util.concurrent.ConcurrentHashMap<>();

        static {
            Thread t = new Thread(Watchdog::watch, "pgops-parse-watchdog");
            t.setDaemon(true);
            t.start();
        }

        private Watchdog() {}

        static void start(CCJSqlParser p) {
            RUNNING.put(Thread.currentThread(), new Running(p, System.nanoTime()));
        }

        static void stop() {
            RUNNING.remove(Thread.currentThread());
        }

        private static void watch() {
            long limit = TimeUnit.MILLISECONDS.toNanos(PARSE_TIMEOUT_MS);
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Running r : RUNNING.values()) {
                    if (now - r.startNanos() > limit) r.parser().interrupted = true;
                }
            }
        }
    }

    // ---- token-level classification ----

    private static final class Reader {
        final List<Token> t;
        StatementKind kind = StatementKind.UNKNOWN;
        final List<String> targets = new ArrayList<>();
        final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        final List<AlterAction> actions = new ArrayList<>();
        final List<ColumnDef> columns = new ArrayList<>();
        String lockMode;

        Reader(List<Token> tokens) {
            this.t = tokens;
        }

        boolean kw(int i, String k) {
            return i >= 0 && i < t.size() && t.get(i).is(k);
        }

        String up(int i) {
            return i < t.size() ? t.get(i).upper() : "";
        }

        /** Skips {@code IF [NOT] EXISTS} at i, recording the flag. */
        int ifExists(int i) {
            if (kw(i, "IF") && kw(i + 1, "EXISTS")) { flags.add(Flag.IF_EXISTS); return i + 2; }
            if (kw(i, "IF") && kw(i + 1, "NOT") && kw(i + 2, "EXISTS")) { flags.add(Flag.IF_NOT_EXISTS); return i + 3; }
            return i;
        }

        /** Reads a qualified name at i into targets (if any); returns the index after it. */
        int name(int i) {
            if (i >= t.size() || !t.get(i).isIdent()) return i;
            StringBuilder b = new StringBuilder(t.get(i).text());
            i++;
            while (i + 1 < t.size() && t.get(i).isPunct(".") && t.get(i + 1).isIdent()) {
                b.append('.').append(t.get(i + 1).text());
                i += 2;
            }
            targets.add(b.toString());
            return i;
        }

        /** Reads {@code [ONLY] name [*] [(args)], …}. */
        int names(int i) {
            while (i < t.size()) {
                if (kw(i, "ONLY")) i++;
                int j = name(i);
                if (j == i) return i;
                i = j;
                if (i < t.size() && t.get(i).isPunct("*")) i++;
                if (i < t.size() && t.get(i).isPunct("(")) i = skipParens(i);
                if (i < t.size() && t.get(i).isPunct(",")) i++;
                else return i;
            }
            return i;
        }

        int skipParens(int i) {
            int d = t.get(i).depth();
            i++;
            while (i < t.size() && !(t.get(i).isPunct(")") && t.get(i).depth() == d)) i++;
            return i + 1;
        }

        void classify() {
            if (t.isEmpty()) return;
            scanFlags();
            String w = up(0);
            switch (w) {
                case "CREATE" -> create();
                case "DROP" -> drop();
                case "ALTER" -> alter();
                case "REINDEX" -> {
                    kind = StatementKind.REINDEX;
                    int i = 1;
                    if (i < t.size() && t.get(i).isPunct("(")) i = skipParens(i);
                    if (kw(i, "INDEX") || kw(i, "TABLE") || kw(i, "SCHEMA") || kw(i, "DATABASE") || kw(i, "SYSTEM")) i++;
                    if (kw(i, "CONCURRENTLY")) i++;
                    name(i);
                }
                case "TRUNCATE" -> {
                    kind = StatementKind.TRUNCATE;
                    names(kw(1, "TABLE") ? 2 : 1);
                }
                case "REFRESH" -> {
                    kind = kw(1, "MATERIALIZED") ? StatementKind.REFRESH_MATERIALIZED_VIEW : StatementKind.OTHER;
                    int i = 3;
                    if (kw(i, "CONCURRENTLY")) i++;
                    name(i);
                }
                case "COMMENT" -> kind = StatementKind.COMMENT;
                case "GRANT" -> kind = StatementKind.GRANT;
                case "REVOKE" -> kind = StatementKind.REVOKE;
                case "INSERT" -> dml(0);
                case "UPDATE" -> dml(0);
                case "DELETE" -> dml(0);
                case "SELECT", "VALUES", "TABLE" -> kind = StatementKind.SELECT;
                case "WITH" -> {
                    for (int i = 1; i < t.size(); i++) {
                        Token k = t.get(i);
                        if (k.depth() == 0 && (k.is("SELECT") || k.is("INSERT") || k.is("UPDATE") || k.is("DELETE")
                                || k.is("MERGE") || k.is("VALUES"))) {
                            dml(i);
                            break;
                        }
                    }
                }
                case "DO" -> kind = StatementKind.DO;
                case "VACUUM", "ANALYZE", "ANALYSE" -> {
                    kind = w.equals("VACUUM") ? StatementKind.VACUUM : StatementKind.ANALYZE;
                    int i = 1;
                    while (i < t.size() && (t.get(i).isPunct("(") || Set.of("FULL", "FREEZE", "VERBOSE", "ANALYZE", "ANALYSE").contains(up(i)))) {
                        i = t.get(i).isPunct("(") ? skipParens(i) : i + 1;
                    }
                    names(i);
                }
                case "CLUSTER" -> {
                    kind = StatementKind.CLUSTER;
                    int i = 1;
                    if (i < t.size() && t.get(i).isPunct("(")) i = skipParens(i);
                    if (kw(i, "VERBOSE")) i++;
                    i = name(i);
                    if (kw(i, "USING")) name(i + 1);
                }
                case "LOCK" -> lock();
                case "SET" -> {
                    kind = StatementKind.SET;
                    int i = 1;
                    if (kw(i, "LOCAL") || kw(i, "SESSION")) i++;
                    if (kw(i, "TRANSACTION") || kw(i, "CONSTRAINTS") || kw(i, "ROLE")) targets.add(up(i));
                    else name(i);
                }
                case "RESET" -> {
                    kind = StatementKind.RESET;
                    name(1);
                }
                case "BEGIN", "START" -> kind = StatementKind.BEGIN;
                case "COMMIT", "END" -> kind = StatementKind.COMMIT;
                case "ROLLBACK", "ABORT" -> kind = StatementKind.ROLLBACK;
                default -> {
                    if (OTHER_STATEMENTS.contains(w)) kind = StatementKind.OTHER;
                    else if (t.get(0).isPunct("(")) {
                        kind = StatementKind.SELECT; // (SELECT …) UNION …
                    }
                }
            }
        }

        void dml(int i) {
            switch (up(i)) {
                case "INSERT" -> {
                    kind = StatementKind.INSERT;
                    if (kw(i + 1, "INTO")) name(i + 2);
                }
                case "UPDATE" -> {
                    kind = StatementKind.UPDATE;
                    name(kw(i + 1, "ONLY") ? i + 2 : i + 1);
                }
                case "DELETE" -> {
                    kind = StatementKind.DELETE;
                    int j = kw(i + 1, "FROM") ? i + 2 : i + 1;
                    name(kw(j, "ONLY") ? j + 1 : j);
                }
                case "MERGE" -> kind = StatementKind.OTHER;
                default -> kind = StatementKind.SELECT;
            }
        }

        /** Lock-relevant keywords at parenthesis depth 0 (string and dollar bodies are single tokens). */
        void scanFlags() {
            for (int i = 0; i < t.size(); i++) {
                Token k = t.get(i);
                if (k.depth() != 0 || k.type() != SqlTokens.Type.WORD) continue;
                switch (k.upper()) {
                    case "CONCURRENTLY" -> flags.add(Flag.CONCURRENTLY);
                    case "IF" -> ifExists(i);
                    case "NOT" -> { if (kw(i + 1, "VALID")) flags.add(Flag.NOT_VALID); }
                    case "USING" -> { if (kw(i + 1, "INDEX") && !kw(i + 2, "TABLESPACE")) flags.add(Flag.USING_INDEX); }
                    case "UNIQUE" -> flags.add(Flag.UNIQUE);
                    case "CASCADE" -> { if (!kw(i - 1, "DELETE") && !kw(i - 1, "UPDATE")) flags.add(Flag.CASCADE); }
                    case "ONLY" -> { if (!kw(i - 1, "ROWS") && !kw(i - 1, "ROW")) flags.add(Flag.ONLY); }
                    case "NOWAIT" -> flags.add(Flag.NOWAIT);
                    default -> { }
                }
            }
        }

        void create() {
            int i = 1;
            if (kw(i, "OR") && kw(i + 1, "REPLACE")) i += 2;
            while (Set.of("TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "RECURSIVE", "UNIQUE", "CONSTRAINT",
                    "TRUSTED", "PROCEDURAL", "DEFAULT").contains(up(i))) i++;
            switch (up(i)) {
                case "TABLE" -> {
                    int j = name(ifExists(i + 1));
                    kind = StatementKind.CREATE_TABLE;
                    for (int k = j; k < t.size(); k++) {
                        if (t.get(k).depth() == 0 && t.get(k).is("AS")) { kind = StatementKind.CREATE_TABLE_AS; break; }
                    }
                    if (kind == StatementKind.CREATE_TABLE && j < t.size() && t.get(j).isPunct("(")) tableColumns(j);
                }
                case "INDEX" -> {
                    kind = StatementKind.CREATE_INDEX;
                    int j = i + 1;
                    if (kw(j, "CONCURRENTLY")) j++;
                    j = ifExists(j);
                    String index = null;
                    if (!kw(j, "ON")) {
                        int before = targets.size();
                        j = name(j);
                        if (targets.size() > before) index = targets.remove(targets.size() - 1);
                    }
                    if (kw(j, "ON")) {
                        j++;
                        if (kw(j, "ONLY")) j++;
                        name(j);
                    }
                    if (index != null) targets.add(index);
                }
                case "VIEW" -> { kind = StatementKind.CREATE_VIEW; name(ifExists(i + 1)); }
                case "MATERIALIZED" -> { kind = StatementKind.CREATE_MATERIALIZED_VIEW; name(ifExists(i + 2)); }
                case "TYPE" -> { kind = StatementKind.CREATE_TYPE; name(i + 1); }
                case "SEQUENCE" -> { kind = StatementKind.CREATE_SEQUENCE; name(ifExists(i + 1)); }
                case "FUNCTION", "PROCEDURE" -> { kind = StatementKind.CREATE_FUNCTION; name(i + 1); }
                case "TRIGGER" -> {
                    kind = StatementKind.CREATE_TRIGGER;
                    triggerOn(i + 1);
                }
                case "EXTENSION" -> { kind = StatementKind.CREATE_EXTENSION; name(ifExists(i + 1)); }
                case "SCHEMA" -> { kind = StatementKind.CREATE_SCHEMA; name(ifExists(i + 1)); }
                default -> { if (i < t.size() && t.get(i).type() == SqlTokens.Type.WORD) kind = StatementKind.OTHER_DDL; }
            }
        }

        private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
                "FOREIGN", "EXCLUDE", "LIKE");

        /** The column definitions of the element list opening at {@code open}. */
        void tableColumns(int open) {
            int start = open + 1;
            for (int k = start; k < t.size(); k++) {
                Token x = t.get(k);
                boolean end = x.depth() == 0 && x.isPunct(")");
                if (end || (x.depth() == 1 && x.isPunct(","))) {
                    if (k > start && !TABLE_CONSTRAINT_WORDS.contains(t.get(start).upper())) {
                        ColumnDef c = ColumnDef.parse(t.subList(start, k), 1);
                        if (c != null) columns.add(c);
                    }
                    start = k + 1;
                    if (end) return;
                }
            }
        }

        /** {@code name … ON table}: targets become [table, name]. */
        void triggerOn(int i) {
            int before = targets.size();
            int j = name(ifExists(i));
            String trigger = targets.size() > before ? targets.remove(targets.size() - 1) : null;
            while (j < t.size() && !(t.get(j).depth() == 0 && t.get(j).is("ON"))) j++;
            name(j + 1);
            if (trigger != null) targets.add(trigger);
        }

        void drop() {
            String w = up(1);
            int i = 2;
            switch (w) {
                case "INDEX" -> kind = StatementKind.DROP_INDEX;
                case "TABLE" -> kind = StatementKind.DROP_TABLE;
                case "VIEW" -> kind = StatementKind.DROP_VIEW;
                case "MATERIALIZED" -> { kind = StatementKind.DROP_VIEW; i = 3; }
                case "TYPE" -> kind = StatementKind.DROP_TYPE;
                case "FUNCTION", "PROCEDURE" -> kind = StatementKind.DROP_FUNCTION;
                case "TRIGGER" -> { kind = StatementKind.DROP_TRIGGER; triggerOn(2); return; }
                default -> {
                    if (t.size() > 1 && t.get(1).type() == SqlTokens.Type.WORD) kind = StatementKind.OTHER_DDL;
                    return;
                }
            }
            if (kw(i, "CONCURRENTLY")) i++;
            names(ifExists(i));
        }

        void alter() {
            String w = up(1);
            switch (w) {
                case "TABLE" -> kind = StatementKind.ALTER_TABLE;
                case "INDEX" -> kind = StatementKind.ALTER_INDEX;
                case "TYPE" -> kind = StatementKind.ALTER_TYPE;
                case "SEQUENCE" -> kind = StatementKind.ALTER_SEQUENCE;
                default -> {
                    if (t.size() > 1 && t.get(1).type() == SqlTokens.Type.WORD) kind = StatementKind.OTHER_DDL;
                    return;
                }
            }
            int i = ifExists(2);
            // ALTER TABLE|INDEX ALL IN TABLESPACE a SET TABLESPACE b: every relation of a tablespace, no single target
            if (kw(i, "ALL") && kw(i + 1, "IN") && kw(i + 2, "TABLESPACE")) return;
            if (kw(i, "ONLY")) i++;
            i = name(i);
            if (i < t.size() && t.get(i).isPunct("*")) i++;
            if (kind == StatementKind.ALTER_TABLE) alterActions(i);
        }

        void alterActions(int i) {
            int start = i;
            for (int k = i; k <= t.size(); k++) {
                if (k == t.size() || (t.get(k).depth() == 0 && t.get(k).isPunct(","))) {
                    if (k > start) actions.add(action(t.subList(start, k)));
                    start = k + 1;
                }
            }
        }

        static AlterAction action(List<Token> a) {
            StringBuilder text = new StringBuilder();
            for (Token k : a) text.append(text.length() == 0 ? "" : " ").append(k.text());
            String s = text.toString();
            Reader r = new Reader(a);
            String w0 = r.up(0);
            switch (w0) {
                case "ADD" -> {
                    int i = 1;
                    String name = null;
                    if (r.kw(i, "CONSTRAINT")) { name = textAt(a, i + 1); i += 2; }
                    ConstraintType ct = switch (r.up(i)) {
                        case "PRIMARY" -> ConstraintType.PK;
                        case "UNIQUE" -> ConstraintType.UNIQUE;
                        case "CHECK" -> ConstraintType.CHECK;
                        case "FOREIGN" -> ConstraintType.FK;
                        case "EXCLUDE" -> ConstraintType.EXCLUDE;
                        default -> null;
                    };
                    if (ct != null || name != null) {
                        return new AlterAction(AlterAction.Kind.ADD_CONSTRAINT, ct == null ? ConstraintType.OTHER : ct, name, s);
                    }
                    if (r.kw(i, "COLUMN")) i++;
                    i = r.ifExists(i);
                    return new AlterAction(AlterAction.Kind.ADD_COLUMN, null, textAt(a, i), s, ColumnDef.parse(a.subList(i, a.size()), 0));
                }
                case "DROP" -> {
                    if (r.kw(1, "CONSTRAINT")) {
                        return new AlterAction(AlterAction.Kind.DROP_CONSTRAINT, null, textAt(a, r.ifExists(2)), s);
                    }
                    int i = r.kw(1, "COLUMN") ? 2 : 1;
                    return new AlterAction(AlterAction.Kind.DROP_COLUMN, null, textAt(a, r.ifExists(i)), s);
                }
                case "ALTER" -> {
                    if (r.kw(1, "CONSTRAINT")) return new AlterAction(AlterAction.Kind.OTHER, null, textAt(a, 2), s);
                    int i = r.kw(1, "COLUMN") ? 2 : 1;
                    String col = textAt(a, i);
                    String x = r.up(i + 1);
                    String y = r.up(i + 2);
                    AlterAction.Kind k = AlterAction.Kind.OTHER;
                    if (x.equals("TYPE") || (x.equals("SET") && y.equals("DATA"))) k = AlterAction.Kind.ALTER_COLUMN_TYPE;
                    else if (x.equals("SET") && y.equals("NOT")) k = AlterAction.Kind.SET_NOT_NULL;
                    else if (x.equals("DROP") && y.equals("NOT")) k = AlterAction.Kind.DROP_NOT_NULL;
                    else if (x.equals("SET") && y.equals("DEFAULT")) k = AlterAction.Kind.SET_DEFAULT;
                    else if (x.equals("DROP") && y.equals("DEFAULT")) k = AlterAction.Kind.DROP_DEFAULT;
                    else if (x.equals("SET") && y.equals("STATISTICS")) k = AlterAction.Kind.SET_STATISTICS;
                    ColumnDef def = k == AlterAction.Kind.ALTER_COLUMN_TYPE ? ColumnDef.ofTypeChange(a.subList(i, a.size())) : null;
                    return new AlterAction(k, null, col, s, def);
                }
                case "VALIDATE" -> {
                    return new AlterAction(AlterAction.Kind.VALIDATE_CONSTRAINT, null, textAt(a, 2), s);
                }
                case "RENAME" -> {
                    if (r.kw(1, "TO")) return new AlterAction(AlterAction.Kind.RENAME_TABLE, null, textAt(a, 2), s);
                    if (r.kw(1, "CONSTRAINT")) return new AlterAction(AlterAction.Kind.OTHER, null, textAt(a, 2), s);
                    int i = r.kw(1, "COLUMN") ? 2 : 1;
                    return new AlterAction(AlterAction.Kind.RENAME_COLUMN, null, textAt(a, i), s);
                }
                case "SET" -> {
                    return switch (r.up(1)) {
                        case "TABLESPACE" -> new AlterAction(AlterAction.Kind.SET_TABLESPACE, null, textAt(a, 2), s);
                        case "LOGGED" -> new AlterAction(AlterAction.Kind.SET_LOGGED, null, null, s);
                        case "UNLOGGED" -> new AlterAction(AlterAction.Kind.SET_UNLOGGED, null, null, s);
                        default -> new AlterAction(AlterAction.Kind.OTHER, null, null, s);
                    };
                }
                case "ATTACH", "DETACH" -> {
                    if (r.kw(1, "PARTITION")) {
                        AlterAction.Kind k = w0.equals("ATTACH") ? AlterAction.Kind.ATTACH_PARTITION : AlterAction.Kind.DETACH_PARTITION;
                        int before = r.targets.size();
                        r.name(2);
                        return new AlterAction(k, null, r.targets.size() > before ? r.targets.get(before) : null, s);
                    }
                    return new AlterAction(AlterAction.Kind.OTHER, null, null, s);
                }
                default -> {
                    return new AlterAction(AlterAction.Kind.OTHER, null, null, s);
                }
            }
        }

        private static String textAt(List<Token> a, int i) {
            return i < a.size() && a.get(i).isIdent() ? a.get(i).text() : null;
        }

        void lock() {
            kind = StatementKind.LOCK;
            int i = kw(1, "TABLE") ? 2 : 1;
            i = names(i);
            lockMode = "ACCESS EXCLUSIVE";
            if (kw(i, "IN")) {
                StringBuilder m = new StringBuilder();
                for (int j = i + 1; j < t.size() && !kw(j, "MODE"); j++) m.append(m.length() == 0 ? "" : " ").append(up(j));
                lockMode = m.toString();
            }
        }
    }
}
