package dev.pgops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlSplitterTest {

    private static List<String> texts(String sql) throws SqlSplitException {
        return SqlSplitter.split("m.sql", sql).stream().map(SqlStatement::text).toList();
    }

    @Test
    void plainStatementsAndEmptyOnes() throws Exception {
        assertThat(texts("SELECT 1; ;; SELECT 2 ;\n;")).containsExactly("SELECT 1", "SELECT 2");
        assertThat(texts("SELECT 3")).containsExactly("SELECT 3");
    }

    @Test
    void singleQuotedStringsWithDoubledQuotes() throws Exception {
        assertThat(texts("INSERT INTO t VALUES ('it''s; quoted', ';'); SELECT ''';'''"))
                .containsExactly("INSERT INTO t VALUES ('it''s; quoted', ';')", "SELECT ''';'''");
    }

    @Test
    void escapeStringsWithBackslashes() throws Exception {
        assertThat(texts("SELECT E'x\\';y'; SELECT e'a\\\\'; SELECT 1"))
                .containsExactly("SELECT E'x\\';y'", "SELECT e'a\\\\'", "SELECT 1");
        // without the E prefix a backslash is an ordinary character
        assertThat(texts("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
        // a word ending in e is not an E prefix
        assertThat(texts("SELECT name'x\\'; SELECT 2")).containsExactly("SELECT name'x\\'", "SELECT 2");
    }

    @Test
    void unicodeEscapeStringsAndIdentifiers() throws Exception {
        assertThat(texts("SELECT U&'d\\0061t;a' AS U&\"a;b\"; SELECT 2"))
                .containsExactly("SELECT U&'d\\0061t;a' AS U&\"a;b\"", "SELECT 2");
    }

    @Test
    void quotedIdentifiersWithDoubledQuotes() throws Exception {
        assertThat(texts("CREATE TABLE \"we;ird\"\"x\" (\"a;\" int); SELECT 1"))
                .containsExactly("CREATE TABLE \"we;ird\"\"x\" (\"a;\" int)", "SELECT 1");
    }

    @Test
    void dollarQuotesEmptyAndTagged() throws Exception {
        String fn = """
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql""";
        String tagged = """
                DO $do$ BEGIN RAISE NOTICE 'a;b $$ ;'; PERFORM $x$;$x$; END $do$""";
        assertThat(texts(fn + ";\n" + tagged + ";\nSELECT 2;")).containsExactly(fn, tagged, "SELECT 2");
    }

    @Test
    void dollarParametersAndDollarsInIdentifiersAreNotTags() throws Exception {
        assertThat(texts("PREPARE p AS SELECT $1; SELECT a$b$ FROM t; SELECT $2, 'x'"))
                .containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT $2, 'x'");
    }

    @Test
    void lineAndNestedBlockComments() throws Exception {
        assertThat(texts("SELECT 1 -- a; b\n, 2; SELECT /* x; /* nested; */ still; */ 3;"))
                .containsExactly("SELECT 1 -- a; b\n, 2", "SELECT /* x; /* nested; */ still; */ 3");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() throws Exception {
        assertThat(texts("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b); SELECT 1"))
                .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)", "SELECT 1");
    }

    @Test
    void beginAtomicBodies() throws Exception {
        String fn = """
                CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  INSERT INTO log VALUES (a);
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;
                END""";
        assertThat(texts(fn + ";\nBEGIN;\nSELECT 1;\nEND;\n"))
                .containsExactly(fn, "BEGIN", "SELECT 1", "END");
        String proc = "create or replace procedure p() begin atomic select 1; end";
        assertThat(texts(proc + "; commit;")).containsExactly(proc, "commit");
        // only CREATE FUNCTION / PROCEDURE bodies, and only BEGIN directly followed by ATOMIC
        assertThat(texts("CREATE TABLE t (begin atomic); SELECT 1;")).containsExactly("CREATE TABLE t (begin atomic)", "SELECT 1");
        assertThat(texts("CREATE FUNCTION f(begin int, atomic int) RETURNS int LANGUAGE sql RETURN 1; SELECT 2;"))
                .containsExactly("CREATE FUNCTION f(begin int, atomic int) RETURNS int LANGUAGE sql RETURN 1", "SELECT 2");
        assertThat(texts("SELECT begin atomic; SELECT 2;")).containsExactly("SELECT begin atomic", "SELECT 2");
    }

    @Test
    void psqlMetaCommandsAreTheirOwnStatements() throws Exception {
        List<SqlStatement> st = SqlSplitter.split("m.sql", """
                \\set ON_ERROR_STOP on
                SELECT 1
                  \\gset
                  \\i other.sql
                CREATE FUNCTION f() RETURNS text AS $$
                \\not a meta command
                $$ LANGUAGE sql;
                \\connect db
                """);
        assertThat(st).extracting(SqlStatement::text).containsExactly("\\set ON_ERROR_STOP on", "SELECT 1",
                "\\gset", "\\i other.sql",
                "CREATE FUNCTION f() RETURNS text AS $$\n\\not a meta command\n$$ LANGUAGE sql", "\\connect db");
        assertThat(st).extracting(SqlStatement::metaCommand).containsExactly(true, false, true, true, false, true);
        assertThat(st).extracting(SqlStatement::line).containsExactly(1, 2, 3, 4, 5, 8);
        assertThat(st.get(2).column()).isEqualTo(3);
    }

    @Test
    void positionsOfEveryStatement() throws Exception {
        List<SqlStatement> st = SqlSplitter.split("m.sql", """
                -- header
                CREATE TABLE t (
                  id int
                );   ALTER TABLE t
                    ADD COLUMN c text;

                \tCREATE INDEX CONCURRENTLY i ON t (c);
                  SELECT 'é😀'; SELECT 2
                """);
        assertThat(st).extracting(s -> s.line() + ":" + s.column() + "-" + s.endLine())
                .containsExactly("2:1-4", "4:6-5", "7:2-7", "8:3-8", "8:16-8");
        assertThat(st.get(0).position()).isEqualTo("m.sql:2:1");
    }

    @Test
    void leadingAndTrailingComments() throws Exception {
        List<SqlStatement> st = SqlSplitter.split("m.sql", """
                -- pgops:ignore create-index-not-concurrently small table
                /* block
                   comment */
                CREATE INDEX i ON t (c);  -- expect: create-index-not-concurrently
                -- next
                SELECT /* inner */ 1; /* a */ -- b
                SELECT 2;
                """);
        assertThat(st.get(0).leadingComments()).containsExactly(
                "-- pgops:ignore create-index-not-concurrently small table", "/* block\n   comment */");
        assertThat(st.get(0).trailingComments()).containsExactly("-- expect: create-index-not-concurrently");
        assertThat(st.get(1).leadingComments()).containsExactly("-- next");
        assertThat(st.get(1).text()).isEqualTo("SELECT /* inner */ 1");
        assertThat(st.get(1).trailingComments()).containsExactly("/* a */", "-- b");
        assertThat(st.get(2).leadingComments()).isEmpty();
        assertThat(st.get(2).trailingComments()).isEmpty();
    }

    @Test
    void crlfAndByteOrderMark() throws Exception {
        List<SqlStatement> st = SqlSplitter.split("m.sql", "\uFEFFSELECT 1;\r\n-- c\r\n  SELECT\r\n 2;\r\n");
        assertThat(st).extracting(SqlStatement::text).containsExactly("SELECT 1", "SELECT\n 2");
        assertThat(st).extracting(s -> s.line() + ":" + s.column() + "-" + s.endLine())
                .containsExactly("1:1-1", "3:3-4");
        assertThat(st.get(1).leadingComments()).containsExactly("-- c");
    }

    @Test
    void emptyAndCommentOnlyScriptsYieldNothing() throws Exception {
        assertThat(texts("")).isEmpty();
        assertThat(texts("  \n\n")).isEmpty();
        assertThat(texts("-- nothing\n/* here */\n;;\n")).isEmpty();
    }

    private static void assertError(String sql, String message) {
        assertThatThrownBy(() -> SqlSplitter.split("m.sql", sql))
                .isInstanceOf(SqlSplitException.class).hasMessage(message);
    }

    @Test
    void errorsNameWhereTheConstructWasOpened() throws SqlSplitException {
        assertError("SELECT 1;\nCREATE FUNCTION f() AS $body$\nSELECT 1;\n$$;\n",
                "m.sql:2:24: unterminated dollar-quoted string $body$ (opened here)");
        assertError("SELECT 1;\n  DO $$ BEGIN", "m.sql:2:6: unterminated dollar-quoted string $$ (opened here)");
        assertError("SELECT 'é😀', 'abc;\nSELECT 2;", "m.sql:1:14: unterminated quoted string (opened here)");
        assertError("SELECT E'abc\\';", "m.sql:1:8: unterminated quoted string (opened here)");
        assertError("SELECT 1;\n/* a /* b */ SELECT 2;", "m.sql:2:1: unterminated block comment (opened here)");
        assertError("SELECT \"a\"\"b;", "m.sql:1:8: unterminated quoted identifier (opened here)");
        try {
            SqlSplitter.split("m.sql", "\n\n   '");
            org.junit.jupiter.api.Assertions.fail("no exception");
        } catch (SqlSplitException e) {
            assertThat(e.file()).isEqualTo("m.sql");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(4);
        }
    }

    @Test
    void readsAScriptFromDisk() throws Exception {
        Path script = Path.of(SqlSplitterTest.class.getResource("psql-script.sql").toURI());
        List<SqlStatement> st = SqlSplitter.splitFile(script);
        assertThat(st).extracting(s -> s.line() + ":" + s.column() + "-" + s.endLine() + (s.metaCommand() ? " meta" : ""))
                .containsExactly("1:1-1 meta", "3:1-3", "4:1-4", "5:1-5 meta", "6:1-10");
        assertThat(st.get(1).leadingComments())
                .containsExactly("-- pgops:ignore create-index-not-concurrently new table, empty");
        assertThat(st.get(2).trailingComments()).containsExactly("-- expect: create-index-not-concurrently");
        assertThat(st.get(4).text()).startsWith("DO $do$").endsWith("$do$").contains("'done; %'");
        assertThat(st.get(0).position()).isEqualTo(script + ":1:1");
    }

    @Test
    void binaryFiles(@TempDir Path dir) throws Exception {
        Path nul = dir.resolve("nul.sql");
        Files.write(nul, new byte[] {'S', 'E', 'L', 0, 1, 2});
        assertThatThrownBy(() -> SqlSplitter.splitFile(nul)).isInstanceOf(SqlSplitException.class)
                .hasMessage(nul + ": not a text file (binary content)");
        Path latin1 = dir.resolve("latin1.sql");
        Files.write(latin1, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''});
        assertThatThrownBy(() -> SqlSplitter.splitFile(latin1)).isInstanceOf(SqlSplitException.class)
                .hasMessage(latin1 + ": not a text file (binary content)");
        assertError("SELECT '\0'", "m.sql: not a text file (binary content)");
        Path empty = dir.resolve("empty.sql");
        Files.write(empty, new byte[0]);
        assertThat(SqlSplitter.splitFile(empty)).isEmpty();
        Path ok = dir.resolve("ok.sql");
        Files.write(ok, "\uFEFFSELECT 'é';".getBytes(StandardCharsets.UTF_8));
        assertThat(SqlSplitter.splitFile(ok)).extracting(SqlStatement::text).containsExactly("SELECT 'é'");
    }

    @Test
    void tenMegabyteScript() throws Exception {
        String unit = """
                -- migration step
                CREATE FUNCTION f() RETURNS trigger AS $fn$ BEGIN NEW.a := 'x;y'; RETURN NEW; END $fn$ LANGUAGE plpgsql;
                ALTER TABLE "Orders;" ADD COLUMN note text DEFAULT E'n\\'/a'; /* c; /* d */ */
                CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
                """;
        StringBuilder sb = new StringBuilder(10_500_000);
        int units = 0;
        while (sb.length() < 10_000_000) {
            sb.append(unit);
            units++;
        }
        String script = sb.toString();
        List<SqlStatement> st = null;
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            st = SqlSplitter.split("big.sql", script);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("10 MB script, round %d: %d chars, %d statements in %d ms%n",
                    round, script.length(), st.size(), ms);
        }
        assertThat(st).hasSize(units * 3);
        assertThat(st.get(st.size() - 1).line()).isEqualTo(units * 4);
    }

    // ---- fuzz ----

    private static final String[] WORDS = {"SELECT", "ALTER", "TABLE", "orders", "x", "a$b", "id", "=", "+", ",",
        "(1)", "$1", "::int", "ON", "e", "u", "E", "N'n'"};

    private static String tag(Random r) {
        String[] tags = {"", "a", "body", "fn_1", "_x", "t9", "é"};
        return "$" + tags[r.nextInt(tags.length)] + "$";
    }

    private static String junk(Random r) {
        String[] parts = {";", " ", "\n", "x", "$", "'", "\"", "--", "/*", "*/", "\\", "é", "😀", "$1", "$$a"};
        StringBuilder sb = new StringBuilder();
        int k = r.nextInt(6);
        for (int i = 0; i < k; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static String fragment(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return "'" + junk(r).replace("'", "''") + "'";
            case 1:
                return "E'" + junk(r).replace("\\", "\\\\").replace("'", r.nextBoolean() ? "''" : "\\'") + "'";
            case 2:
                return "\"" + junk(r).replace("\"", "\"\"") + "\"";
            case 3: {
                String t = tag(r);
                String body = junk(r);
                while (body.contains(t) || (body + t).indexOf(t) < body.length()) {
                    body = body.replace("$", "");
                }
                return t + body + t;
            }
            case 4: {
                String body = junk(r).replace("/*", "").replace("*/", "").replace("*", "").replace("/", "");
                return r.nextBoolean() ? "/*" + body + "*/" : "/* " + body + " /* " + body + " */ */";
            }
            case 5:
                return "-- " + junk(r).replace("\n", " ") + "\n";
            case 6:
                return "U&'" + junk(r).replace("'", "''") + "'";
            default:
                return WORDS[r.nextInt(WORDS.length)];
        }
    }

    private static String fuzzStatement(Random r) {
        StringBuilder sb = new StringBuilder(WORDS[r.nextInt(4)]);
        int k = 1 + r.nextInt(8);
        for (int i = 0; i < k; i++) {
            sb.append(r.nextBoolean() ? " " : "\n  ").append(fragment(r));
        }
        sb.append(" ").append(WORDS[3 + r.nextInt(3)]);
        return sb.toString();
    }

    @Test
    void seededFuzzReturnsExactlyTheGeneratedStatements() throws Exception {
        Random r = new Random(20261124L);
        for (int round = 0; round < 2000; round++) {
            int count = r.nextInt(8);
            List<String> expected = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<List<String>> comments = new ArrayList<>();
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < count; i++) {
                script.append(r.nextBoolean() ? ";\n" : ";;\n");
                List<String> lead = new ArrayList<>();
                int nc = r.nextInt(3);
                for (int c = 0; c < nc; c++) {
                    String comment = r.nextBoolean() ? "-- pgops:ignore rule-" + c + " because"
                            : "/* " + c + "; /* ' */ */";
                    lead.add(comment);
                    script.append(comment).append("\n");
                }
                script.append(r.nextBoolean() ? "" : "  ");
                String st = fuzzStatement(r);
                lines.add((int) script.chars().filter(ch -> ch == '\n').count() + 1);
                expected.add(st);
                comments.add(lead);
                script.append(st);
            }
            script.append(r.nextBoolean() ? ";" : "\n");
            String sql = script.toString();
            List<SqlStatement> st = SqlSplitter.split("fuzz.sql", sql);
            assertThat(st).as("round %d:%n%s", round, sql).extracting(SqlStatement::text).containsExactlyElementsOf(expected);
            assertThat(st).as("round %d lines:%n%s", round, sql).extracting(SqlStatement::line).containsExactlyElementsOf(lines);
            assertThat(st).as("round %d comments:%n%s", round, sql).extracting(SqlStatement::leadingComments)
                    .containsExactlyElementsOf(comments);
            // the same script with CRLF line ends splits the same way
            assertThat(SqlSplitter.split("fuzz.sql", sql.replace("\n", "\r\n"))).extracting(SqlStatement::text)
                    .containsExactlyElementsOf(expected);
            // any prefix of the script either splits or fails with a SqlSplitException, never anything else
            int cut = r.nextInt(sql.length() + 1);
            try {
                SqlSplitter.split("fuzz.sql", sql.substring(0, cut));
            } catch (SqlSplitException e) {
                assertThat(e.getMessage()).matches("fuzz\\.sql:\\d+:\\d+: unterminated .* \\(opened here\\)");
            }
        }
    }

    // ---- corpus ----

    @Test
    void splitsTheMigrationCorpus() throws IOException {
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
        long t0 = System.nanoTime();
        int statements = 0;
        int meta = 0;
        long bytes = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try {
                List<SqlStatement> st = SqlSplitter.splitFile(f);
                statements += st.size();
                meta += (int) st.stream().filter(SqlStatement::metaCommand).count();
                bytes += Files.size(f);
            } catch (SqlSplitException e) {
                failures.add(e.getMessage());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("corpus %s: %d files, %d bytes, %d statements (%d meta-commands) in %d ms%n",
                corpus, files.size(), bytes, statements, meta, ms);
        assertThat(failures).isEmpty();
        assertThat(files).isNotEmpty();
    }
}
