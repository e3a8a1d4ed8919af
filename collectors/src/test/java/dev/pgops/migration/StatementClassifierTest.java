package dev.pgops.migration;

import static dev.pgops.migration.ClassifiedStatement.Flag.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.migration.AlterAction.ConstraintType;
import dev.pgops.migration.AlterAction.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementClassifierTest {

    static ClassifiedStatement c(String sql) {
        try {
            return c0(sql);
        } catch (SqlSplitException e) {
            throw new AssertionError(e);
        }
    }

    static ClassifiedStatement c0(String sql) throws SqlSplitException {
        List<SqlStatement> st = SqlSplitter.split("t.sql", sql);
        assertThat(st).hasSize(1);
        return StatementClassifier.classify(st.get(0));
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
        CREATE TABLE a.t (id bigint PRIMARY KEY, "x y" text)            | CREATE_TABLE | jsqlparser | a.t
        CREATE UNLOGGED TABLE IF NOT EXISTS t (id int)                  | CREATE_TABLE | jsqlparser | t
        CREATE TABLE t2 AS SELECT * FROM t                             | CREATE_TABLE_AS | jsqlparser | t2
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY s.t (a) | CREATE_INDEX | jsqlparser | s.t
        CREATE INDEX ix ON t USING gin (d)                            | CREATE_INDEX | jsqlparser | t
        DROP INDEX CONCURRENTLY IF EXISTS ix                           | DROP_INDEX | tokens | ix
        DROP INDEX CONCURRENTLY ix                                     | DROP_INDEX | tokens | ix
        DROP INDEX IF EXISTS ix                                        | DROP_INDEX | jsqlparser | ix
        REINDEX INDEX CONCURRENTLY ix                                  | REINDEX | tokens | ix
        REINDEX (VERBOSE) TABLE CONCURRENTLY t                         | REINDEX | tokens | t
        ALTER TABLE t ADD COLUMN c int                                 | ALTER_TABLE | jsqlparser | t
        ALTER INDEX ix RENAME TO ix2                                   | ALTER_INDEX | tokens | ix
        DROP TABLE IF EXISTS a, b CASCADE                              | DROP_TABLE | jsqlparser | a
        TRUNCATE t RESTART IDENTITY                                    | TRUNCATE | tokens | t
        TRUNCATE TABLE t CASCADE                                       | TRUNCATE | jsqlparser | t
        CREATE OR REPLACE VIEW v AS SELECT 1                           | CREATE_VIEW | jsqlparser | v
        CREATE MATERIALIZED VIEW mv AS SELECT 1                        | CREATE_MATERIALIZED_VIEW | jsqlparser | mv
        REFRESH MATERIALIZED VIEW CONCURRENTLY mv                      | REFRESH_MATERIALIZED_VIEW | jsqlparser | mv
        DROP MATERIALIZED VIEW mv                                      | DROP_VIEW | jsqlparser | mv
        CREATE TYPE mood AS ENUM ('a', 'b')                            | CREATE_TYPE | jsqlparser | mood
        ALTER TYPE mood ADD VALUE 'c'                                  | ALTER_TYPE | jsqlparser | mood
        DROP TYPE IF EXISTS mood                                       | DROP_TYPE | tokens | mood
        CREATE SEQUENCE IF NOT EXISTS s                                | CREATE_SEQUENCE | tokens | s
        CREATE SEQUENCE s START 1                                      | CREATE_SEQUENCE | jsqlparser | s
        ALTER SEQUENCE s RESTART WITH 5                                | ALTER_SEQUENCE | jsqlparser | s
        DROP FUNCTION f(int)                                           | DROP_FUNCTION | jsqlparser | f
        CREATE EXTENSION IF NOT EXISTS pg_trgm                         | CREATE_EXTENSION | jsqlparser | pg_trgm
        CREATE SCHEMA app                                              | CREATE_SCHEMA | jsqlparser | app
        INSERT INTO settings (k) VALUES ('x')                          | INSERT | tokens | settings
        UPDATE ONLY t SET a = 1 WHERE id = 2                           | UPDATE | tokens | t
        DELETE FROM t WHERE id = 1                                     | DELETE | jsqlparser | t
        WITH b AS (SELECT id FROM t LIMIT 10) UPDATE t SET a = 1 FROM b WHERE t.id = b.id | UPDATE | jsqlparser | t
        VACUUM FULL t                                                  | VACUUM | tokens | t
        VACUUM (ANALYZE, VERBOSE) t                                    | VACUUM | tokens | t
        ANALYZE t                                                      | ANALYZE | jsqlparser | t
        CLUSTER t USING ix                                             | CLUSTER | tokens | t
        SET statement_timeout TO '5s'                                  | SET | tokens | statement_timeout
        SET lock_timeout = '2s'                                        | SET | jsqlparser | lock_timeout
        RESET lock_timeout                                             | RESET | jsqlparser | lock_timeout
        """)
    void kindsAndTargets(String sql, StatementKind kind, String by, String target) {
        ClassifiedStatement s = c(sql);
        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.classifiedBy()).isEqualTo(by);
        assertThat(s.target()).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql | CREATE_FUNCTION
        CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f() | CREATE_TRIGGER
        DROP TRIGGER tr ON t                                            | DROP_TRIGGER
        COMMENT ON TABLE t IS 'x; y'                                    | COMMENT
        GRANT SELECT ON t TO r                                          | GRANT
        REVOKE SELECT ON t FROM r                                       | REVOKE
        SELECT pg_advisory_xact_lock(42)                                | SELECT
        DO $do$ BEGIN PERFORM 1; END $do$                               | DO
        LOCK t                                                          | LOCK
        BEGIN                                                           | BEGIN
        START TRANSACTION                                               | BEGIN
        COMMIT                                                          | COMMIT
        END                                                             | COMMIT
        ROLLBACK                                                        | ROLLBACK
        CREATE POLICY p ON t USING (true)                               | OTHER_DDL
        CREATE DOMAIN d AS int                                          | OTHER_DDL
        ALTER ROLE r SET search_path TO a                               | OTHER_DDL
        COPY t FROM STDIN                                               | OTHER
        frobnicate the database                                         | UNKNOWN
        """)
    void moreKinds(String sql, StatementKind kind) {
        assertThat(c(sql).kind()).isEqualTo(kind);
    }

    @Test
    void triggerTargetsTableThenTrigger() {
        assertThat(c("CREATE TRIGGER tr BEFORE UPDATE ON s.t FOR EACH ROW EXECUTE FUNCTION f()").targets())
                .containsExactly("s.t", "tr");
        assertThat(c("CREATE INDEX CONCURRENTLY ix ON t (a)").targets()).containsExactly("t", "ix");
    }

    @Test
    void flagsComeFromTokens() {
        assertThat(c("DROP INDEX CONCURRENTLY IF EXISTS x").flags()).containsExactlyInAnyOrder(CONCURRENTLY, IF_EXISTS);
        assertThat(c("REINDEX INDEX CONCURRENTLY x").flags()).containsExactly(CONCURRENTLY);
        assertThat(c("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY t (a)").flags())
                .containsExactlyInAnyOrder(UNIQUE, CONCURRENTLY, IF_NOT_EXISTS, ONLY);
        assertThat(c("CREATE SEQUENCE IF NOT EXISTS s").flags()).containsExactly(IF_NOT_EXISTS);
        assertThat(c("DROP TABLE t CASCADE").flags()).containsExactly(CASCADE);
        assertThat(c("ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE NOT VALID")
                .flags()).containsExactly(NOT_VALID);
        assertThat(c("LOCK TABLE t IN SHARE MODE NOWAIT").flags()).containsExactly(NOWAIT);
        // keywords inside strings, dollar bodies and parentheses are not flags
        assertThat(c("DO $$ BEGIN EXECUTE 'CREATE INDEX CONCURRENTLY x ON t (a)'; END $$").flags()).isEmpty();
        assertThat(c("CREATE TABLE t (a int UNIQUE)").flags()).isEmpty();
        assertThat(c("SELECT * FROM t FETCH FIRST 1 ROWS ONLY").flags()).isEmpty();
    }

    @Test
    void alterTableActions() {
        ClassifiedStatement s = c("ALTER TABLE IF EXISTS ONLY public.orders ADD COLUMN IF NOT EXISTS c numeric(10, 2) DEFAULT 0,"
                + " DROP COLUMN d CASCADE, ALTER COLUMN e TYPE bigint, ALTER e2 SET DATA TYPE text, ALTER COLUMN f SET NOT NULL,"
                + " ALTER COLUMN g DROP NOT NULL, ALTER COLUMN h SET DEFAULT now(), ALTER COLUMN i DROP DEFAULT,"
                + " ALTER COLUMN j SET STATISTICS 1000, DROP CONSTRAINT IF EXISTS k, VALIDATE CONSTRAINT l,"
                + " SET TABLESPACE fast, SET LOGGED, SET UNLOGGED, SET (fillfactor = 70), REPLICA IDENTITY FULL");
        assertThat(s.kind()).isEqualTo(StatementKind.ALTER_TABLE);
        assertThat(s.target()).isEqualTo("public.orders");
        assertThat(s.flags()).contains(IF_EXISTS, ONLY, IF_NOT_EXISTS, CASCADE);
        assertThat(s.alterActions()).extracting(AlterAction::kind).containsExactly(Kind.ADD_COLUMN, Kind.DROP_COLUMN,
                Kind.ALTER_COLUMN_TYPE, Kind.ALTER_COLUMN_TYPE, Kind.SET_NOT_NULL, Kind.DROP_NOT_NULL, Kind.SET_DEFAULT,
                Kind.DROP_DEFAULT, Kind.SET_STATISTICS, Kind.DROP_CONSTRAINT, Kind.VALIDATE_CONSTRAINT, Kind.SET_TABLESPACE,
                Kind.SET_LOGGED, Kind.SET_UNLOGGED, Kind.OTHER, Kind.OTHER);
        assertThat(s.alterActions()).extracting(AlterAction::name).startsWith("c", "d", "e", "e2", "f", "g", "h", "i", "j", "k", "l", "fast");
    }

    @Test
    void setStatisticsIsNotATypeChange() {
        ClassifiedStatement s = c("ALTER TABLE orders ALTER COLUMN customer_id SET STATISTICS 1000");
        assertThat(s.alterActions()).extracting(AlterAction::kind).containsExactly(Kind.SET_STATISTICS);
    }

    @Test
    void constraints() {
        ClassifiedStatement s = c("ALTER TABLE users ADD CONSTRAINT uq UNIQUE USING INDEX uq_idx");
        assertThat(s.kind()).isEqualTo(StatementKind.ALTER_TABLE);
        assertThat(s.classifiedBy()).isEqualTo("tokens");
        assertThat(s.flags()).contains(USING_INDEX, UNIQUE);
        assertThat(s.alterActions()).containsExactly(new AlterAction(Kind.ADD_CONSTRAINT, ConstraintType.UNIQUE, "uq",
                "ADD CONSTRAINT uq UNIQUE USING INDEX uq_idx"));
        assertThat(c("ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX ix").alterActions().get(0).constraintType())
                .isEqualTo(ConstraintType.PK);
        assertThat(c("ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID").alterActions().get(0).constraintType())
                .isEqualTo(ConstraintType.CHECK);
        assertThat(c("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p").alterActions().get(0).constraintType())
                .isEqualTo(ConstraintType.FK);
        assertThat(c("ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (r WITH &&)").alterActions().get(0).constraintType())
                .isEqualTo(ConstraintType.EXCLUDE);
        assertThat(c("ALTER TABLE t ADD PRIMARY KEY (id)").alterActions().get(0).constraintType()).isEqualTo(ConstraintType.PK);
        // EXCLUDE … USING INDEX TABLESPACE is not the attach-an-index form
        assertThat(c("ALTER TABLE t ADD CONSTRAINT x EXCLUDE USING gist (r WITH &&) USING INDEX TABLESPACE ts").flags())
                .doesNotContain(USING_INDEX);
    }

    @Test
    void renamesAndPartitions() {
        assertThat(c("ALTER TABLE t RENAME COLUMN a TO b").alterActions().get(0)).extracting(AlterAction::kind, AlterAction::name)
                .containsExactly(Kind.RENAME_COLUMN, "a");
        assertThat(c("ALTER TABLE t RENAME a TO b").alterActions().get(0).kind()).isEqualTo(Kind.RENAME_COLUMN);
        assertThat(c("ALTER TABLE t RENAME TO u").alterActions().get(0)).extracting(AlterAction::kind, AlterAction::name)
                .containsExactly(Kind.RENAME_TABLE, "u");
        assertThat(c("ALTER TABLE m ATTACH PARTITION s.m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')").alterActions().get(0))
                .extracting(AlterAction::kind, AlterAction::name).containsExactly(Kind.ATTACH_PARTITION, "s.m_2024");
        ClassifiedStatement all = c("ALTER TABLE ALL IN TABLESPACE old_space OWNED BY app SET TABLESPACE new_space NOWAIT");
        assertThat(all.kind()).isEqualTo(StatementKind.ALTER_TABLE);
        assertThat(all.targets()).isEmpty();
        assertThat(all.alterActions()).isEmpty();
        ClassifiedStatement d = c("ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY");
        assertThat(d.alterActions().get(0).kind()).isEqualTo(Kind.DETACH_PARTITION);
        assertThat(d.flags()).contains(CONCURRENTLY);
    }

    @Test
    void lockModes() {
        ClassifiedStatement s = c("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
        assertThat(s.kind()).isEqualTo(StatementKind.LOCK);
        assertThat(s.classifiedBy()).isEqualTo("tokens");
        assertThat(s.lockMode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(s.target()).isEqualTo("t");
        assertThat(c("LOCK t, s.u IN SHARE ROW EXCLUSIVE MODE NOWAIT")).extracting(ClassifiedStatement::lockMode,
                ClassifiedStatement::targets).containsExactly("SHARE ROW EXCLUSIVE", List.of("t", "s.u"));
        assertThat(c("LOCK TABLE t").lockMode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(c("LOCK TABLE t IN ACCESS SHARE MODE").lockMode()).isEqualTo("ACCESS SHARE");
    }

    @Test
    void quotedIdentifiersWithSpacesAndSemicolons() {
        ClassifiedStatement s = c("ALTER TABLE \"my schema\".\"odd; table\" ADD COLUMN \"a b\" int");
        assertThat(s.target()).isEqualTo("\"my schema\".\"odd; table\"");
        assertThat(s.alterActions()).extracting(AlterAction::name).containsExactly("\"a b\"");
        assertThat(c("CREATE INDEX \"ix; 1\" ON \"t t\" (a)").targets()).containsExactly("\"t t\"", "\"ix; 1\"");
    }

    @Test
    void metaCommandsAndNeverThrows() throws SqlSplitException {
        List<SqlStatement> st = SqlSplitter.split("m.sql", "\\set ON_ERROR_STOP on\nSELECT 1;\n");
        assertThat(StatementClassifier.classify(st.get(0)).kind()).isEqualTo(StatementKind.META_COMMAND);
        for (String junk : List.of("(", ")", "ALTER", "ALTER TABLE", "ALTER TABLE t ADD", "CREATE INDEX ON", "DROP",
                "LOCK TABLE t IN", "'unterminated", "$$ x", "\"q", "/* c", "CREATE TRIGGER", "WITH x AS (")) {
            SqlStatement s = new SqlStatement("j.sql", 1, 1, 1, junk, List.of());
            assertThat(StatementClassifier.classify(s)).isNotNull();
        }
        assertThat(StatementClassifier.classify(new SqlStatement("j.sql", 1, 1, 1, "frob", List.of())).classifiedBy())
                .isEqualTo("unknown");
    }

    @Test
    void aParseThatRunsTooLongIsStoppedAndTheTokensDecide() {
        // ~6 s for JSqlParser on this machine; the watchdog stops it at PARSE_TIMEOUT_MS (2 s)
        String sql = "SELECT " + "1 + ".repeat(1_000_000) + "1";
        long t0 = System.nanoTime();
        ClassifiedStatement c = StatementClassifier.classify(new SqlStatement("big.sql", 1, 1, 1, sql, List.of()));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(c.kind()).isEqualTo(StatementKind.SELECT);
        assertThat(c.classifiedBy()).isEqualTo(StatementClassifier.BY_TOKENS);
        assertThat(seconds).as("stopped by the watchdog, not run to the end").isLessThan(30);
        // the thread's parser was dropped, not reused in an interrupted state
        ClassifiedStatement next = StatementClassifier.classify(new SqlStatement("a.sql", 1, 1, 1, "SELECT 1", List.of()));
        assertThat(next.classifiedBy()).isEqualTo(StatementClassifier.BY_JSQLPARSER);
    }

    // ---- corpus ----

    @Test
    void classifiesTheMigrationCorpus() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("shared/corpus"))) {
            root = root.getParent();
        }
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("shared/corpus/migrations")),
                "no shared/corpus/migrations above " + System.getProperty("user.dir") + "; corpus test skipped");
        Path corpus = root.resolve("shared/corpus/migrations");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        }
        List<SqlStatement> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(SqlSplitter.splitFile(f));
            } catch (SqlSplitException e) {
                System.out.println("split error: " + e.getMessage());
            }
        }
        long t0 = System.nanoTime();
        List<ClassifiedStatement> classified = all.stream().map(StatementClassifier::classify).toList();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Map<StatementKind, Integer> kinds = new EnumMap<>(StatementKind.class);
        Map<String, Integer> by = new TreeMap<>();
        Map<StatementKind, Integer> byTokens = new EnumMap<>(StatementKind.class);
        List<String> tokenSamples = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ClassifiedStatement c : classified) {
            kinds.merge(c.kind(), 1, Integer::sum);
            by.merge(c.classifiedBy(), 1, Integer::sum);
            if (c.classifiedBy().equals("tokens")) {
                byTokens.merge(c.kind(), 1, Integer::sum);
                String text = c.statement().text().replaceAll("\\s+", " ");
                tokenSamples.add(c.kind() + " " + c.statement().file() + ":" + c.statement().line() + " " + text.substring(0, Math.min(80, text.length())));
            }
            if (c.kind() == StatementKind.UNKNOWN) {
                String text = c.statement().text().replaceAll("\\s+", " ");
                unknown.add(c.statement().file() + ":" + c.statement().line() + " " + text.substring(0, Math.min(80, text.length())));
            }
        }
        int n = classified.size();
        double share = n == 0 ? 1 : (n - unknown.size()) / (double) n;
        System.out.printf("corpus %s: %d files, %d statements classified in %d ms (%.0f stmt/s); classified %.2f %%, %d unknown%n",
                corpus, files.size(), n, ms, n * 1000.0 / Math.max(1, ms), share * 100, unknown.size());
        System.out.println("by: " + by);
        System.out.println("kinds: " + kinds);
        System.out.println("tokens-only per kind (JSqlParser failed or disagreed): " + byTokens);
        tokenSamples.stream().sorted().forEach(s -> System.out.println("TOKENS " + s));
        unknown.forEach(u -> System.out.println("UNKNOWN " + u));
        assertThat(files).isNotEmpty();
        assertThat(share).isGreaterThanOrEqualTo(0.99);
    }
}
