package dev.pgops.migration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PostgreSQL migration script into statements, keeping each statement's file:line:column.
 *
 * <p>A single-pass lexer in the spirit of psql's {@code psqlscan.l}. A {@code ;} ends a statement
 * only outside of: {@code '…'} strings ({@code ''} escapes), {@code E'…'} strings (backslash
 * escapes), {@code U&'…'} strings, {@code "…"} identifiers ({@code ""} escapes), dollar quotes
 * ({@code $$…$$}, {@code $tag$…$tag$}; {@code $1} is a parameter), {@code --} comments, nested
 * {@code /* … *}{@code /} comments, parentheses, and the {@code BEGIN ATOMIC … END} body of a
 * SQL-standard function (PG14+). A line whose first non-blank character is {@code \} is a psql
 * meta-command and becomes its own statement with {@link SqlStatement#metaCommand()} set.
 *
 * <p>Empty statements are skipped; an empty or comment-only script yields an empty list. A UTF-8
 * byte order mark and CRLF line ends are accepted; columns count code points.
 */
public final class SqlSplitter {

    static final String BINARY = "not a text file (binary content)";

    private SqlSplitter() {
    }

    /** Reads a script as strict UTF-8; NUL bytes or invalid UTF-8 are a {@link SqlSplitException}. */
    public static String read(Path path) throws IOException, SqlSplitException {
        byte[] bytes = Files.readAllBytes(path);
        String file = path.toString();
        for (byte b : bytes) {
            if (b == 0) {
                throw new SqlSplitException(file, BINARY);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SqlSplitException(file, BINARY);
        }
    }

    /** {@link #read(Path)} then {@link #split(String, String)}, naming the file by its path. */
    public static List<SqlStatement> splitFile(Path path) throws IOException, SqlSplitException {
        return split(path.toString(), read(path));
    }

    /** Splits {@code text}; {@code file} only names the source in statements and errors. */
    public static List<SqlStatement> split(String file, String text) throws SqlSplitException {
        if (text.indexOf('\0') >= 0) {
            throw new SqlSplitException(file, BINARY);
        }
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (src.indexOf('\r') >= 0) {
            src = src.replace("\r\n", "\n");
        }
        return new Lexer(file, src).run();
    }

    private static final class Pending {
        final int line;
        final int column;
        final int endLine;
        final String text;
        final List<String> leading;
        final List<String> trailing = new ArrayList<>(0);
        final boolean meta;

        Pending(int line, int column, int endLine, String text, List<String> leading, boolean meta) {
            this.line = line;
            this.column = column;
            this.endLine = endLine;
            this.text = text;
            this.leading = leading;
            this.meta = meta;
        }
    }

    private static final class Lexer {
        private final String file;
        private final String src;
        private final char[] s;
        private final int n;

        // lazily advanced position tracker (monotonic in practice)
        private int trIdx;
        private int trLine = 1;
        private int trCol = 1;

        private final List<Pending> out = new ArrayList<>();
        private Pending last;
        private int lastTermLine = -1;
        private List<String> leading = new ArrayList<>(2);

        // current statement
        private int stmtStart = -1;
        private int stmtLine;
        private int stmtCol;
        private List<String> stmtLeading;
        private int lastTokEnd;
        private int parenDepth;
        private int atomicDepth;
        private int wordCount;
        private boolean isCreate;
        private boolean isRoutine;
        private int prevWordStart;
        private int prevWordLen;

        Lexer(String file, String src) {
            this.file = file;
            this.src = src;
            this.s = src.toCharArray();
            this.n = s.length;
        }

        List<SqlStatement> run() throws SqlSplitException {
            int i = 0;
            while (i < n) {
                char c = s[i];
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
                    i++;
                    continue;
                }
                if (c == '\\' && atLineStart(i)) {
                    finishStatement();
                    int eol = src.indexOf('\n', i);
                    if (eol < 0) {
                        eol = n;
                    }
                    seek(i);
                    out.add(last = new Pending(trLine, trCol, trLine, src.substring(i, eol).strip(), leading, true));
                    leading = new ArrayList<>(2);
                    lastTermLine = trLine;
                    i = eol;
                    continue;
                }
                int tokStart = i;
                if (c == '-' && i + 1 < n && s[i + 1] == '-') {
                    int eol = src.indexOf('\n', i);
                    i = eol < 0 ? n : eol;
                } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                    i = skipBlockComment(i);
                } else {
                    if (stmtStart < 0) {
                        if (c == ';') { // empty statement
                            i++;
                            continue;
                        }
                        startStatement(i);
                    }
                    if (!isIdentStart(c)) {
                        prevWordLen = 0; // BEGIN and ATOMIC must be adjacent tokens
                    }
                    switch (c) {
                        case ';' -> {
                            if (parenDepth == 0 && atomicDepth == 0) {
                                finishStatement();
                                seek(i);
                                lastTermLine = trLine;
                                i++;
                                continue;
                            }
                            i++;
                        }
                        case '\'' -> i = skipQuoted(i, i, '\'', false);
                        case '"' -> i = skipQuoted(i, i, '"', false);
                        case '$' -> i = dollar(i);
                        case '(' -> {
                            parenDepth++;
                            i++;
                        }
                        case ')' -> {
                            if (parenDepth > 0) {
                                parenDepth--;
                            }
                            i++;
                        }
                        default -> i = isIdentStart(c) ? word(i) : i + 1;
                    }
                    lastTokEnd = i;
                    continue;
                }
                // a comment
                if (stmtStart >= 0) {
                    lastTokEnd = i;
                } else {
                    String comment = src.substring(tokStart, i).strip();
                    seek(tokStart);
                    if (last != null && trLine == lastTermLine) {
                        last.trailing.add(comment);
                    } else {
                        leading.add(comment);
                        lastTermLine = -1;
                    }
                }
            }
            finishStatement();
            List<SqlStatement> result = new ArrayList<>(out.size());
            for (Pending p : out) {
                result.add(new SqlStatement(file, p.line, p.column, p.endLine, p.text, p.leading, p.trailing, p.meta));
            }
            return result;
        }

        private void startStatement(int i) {
            stmtStart = i;
            seek(i);
            stmtLine = trLine;
            stmtCol = trCol;
            stmtLeading = leading;
            leading = new ArrayList<>(2);
            parenDepth = 0;
            atomicDepth = 0;
            wordCount = 0;
            isCreate = false;
            isRoutine = false;
            prevWordLen = 0;
            lastTermLine = -1;
        }

        private void finishStatement() {
            if (stmtStart < 0) {
                return;
            }
            seek(lastTokEnd - 1);
            out.add(last = new Pending(stmtLine, stmtCol, trLine, src.substring(stmtStart, lastTokEnd).strip(),
                    stmtLeading, false));
            stmtStart = -1;
        }

        private void seek(int k) {
            if (k < trIdx) {
                trIdx = 0;
                trLine = 1;
                trCol = 1;
            }
            for (; trIdx < k; trIdx++) {
                char c = s[trIdx];
                if (c == '\n') {
                    trLine++;
                    trCol = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    trCol++;
                }
            }
        }

        private SqlSplitException error(int at, String what) {
            seek(at);
            return new SqlSplitException(file, trLine, trCol, what);
        }

        private boolean atLineStart(int i) {
            int j = i - 1;
            while (j >= 0 && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\f')) {
                j--;
            }
            return j < 0 || s[j] == '\n';
        }

        private int skipBlockComment(int open) throws SqlSplitException {
            int depth = 1;
            int j = open + 2;
            while (j < n) {
                char c = s[j];
                if (c == '/' && j + 1 < n && s[j + 1] == '*') {
                    depth++;
                    j += 2;
                } else if (c == '*' && j + 1 < n && s[j + 1] == '/') {
                    j += 2;
                    if (--depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            throw error(open, "unterminated block comment (opened here)");
        }

        /** Skips a quoted string or identifier whose opening quote is at {@code quote}; returns the index after it. */
        private int skipQuoted(int open, int quote, char q, boolean backslash) throws SqlSplitException {
            int j = quote + 1;
            while (j < n) {
                char c = s[j];
                if (backslash && c == '\\') {
                    j += 2;
                } else if (c == q) {
                    if (j + 1 < n && s[j + 1] == q) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            throw error(open, q == '"' ? "unterminated quoted identifier (opened here)"
                    : "unterminated quoted string (opened here)");
        }

        private int dollar(int i) throws SqlSplitException {
            int j = i + 1;
            while (j < n && isIdentStart(s[j]) || j > i + 1 && j < n && isDigit(s[j])) {
                j++;
            }
            if (j >= n || s[j] != '$') {
                return i + 1; // $1 parameter or a lone $
            }
            String tag = src.substring(i, j + 1);
            int close = src.indexOf(tag, j + 1);
            if (close < 0) {
                throw error(i, "unterminated dollar-quoted string " + tag + " (opened here)");
            }
            return close + tag.length();
        }

        private int word(int i) throws SqlSplitException {
            int j = i + 1;
            while (j < n && isIdentPart(s[j])) {
                j++;
            }
            int len = j - i;
            if (len == 1 && j < n) {
                char c = s[i];
                if ((c == 'E' || c == 'e') && s[j] == '\'') {
                    return skipQuoted(i, j, '\'', true);
                }
                if ((c == 'U' || c == 'u') && s[j] == '&' && j + 1 < n && (s[j + 1] == '\'' || s[j + 1] == '"')) {
                    return skipQuoted(i, j + 1, s[j + 1], false);
                }
            }
            wordCount++;
            if (wordCount == 1) {
                isCreate = is(i, len, "CREATE");
            } else if (isCreate && !isRoutine && wordCount <= 4) {
                // CREATE [OR REPLACE] FUNCTION | PROCEDURE
                isRoutine = is(i, len, "FUNCTION") || is(i, len, "PROCEDURE");
            } else if (isRoutine) {
                if (atomicDepth == 0) {
                    if (is(i, len, "ATOMIC") && is(prevWordStart, prevWordLen, "BEGIN")) {
                        atomicDepth = 1;
                    }
                } else if (is(i, len, "CASE")) {
                    atomicDepth++;
                } else if (is(i, len, "END")) {
                    atomicDepth--;
                }
            }
            prevWordStart = i;
            prevWordLen = len;
            return j;
        }

        private boolean is(int start, int len, String keyword) {
            return len == keyword.length() && src.regionMatches(true, start, keyword, 0, len);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentStart(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
        }

        private static boolean isIdentPart(char c) {
            return isIdentStart(c) || isDigit(c) || c == '$';
        }
    }
}
