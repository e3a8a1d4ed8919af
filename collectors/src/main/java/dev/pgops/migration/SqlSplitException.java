package dev.pgops.migration;

/**
 * A migration script that cannot be split: an unterminated quote, dollar quote or block comment
 * (positioned where it was opened), or a file that is not text. The message is one line:
 * {@code file:line:column: unterminated quoted string (opened here)} or
 * {@code file: not a text file (binary content)}.
 */
public final class SqlSplitException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    SqlSplitException(String file, int line, int column, String what) {
        super(file + ":" + line + ":" + column + ": " + what);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    SqlSplitException(String file, String what) {
        super(file + ": " + what);
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    public String file() { return file; }

    /** 1-based line where the offending construct was opened, 0 for a whole-file problem. */
    public int line() { return line; }

    /** 1-based column (code points), 0 for a whole-file problem. */
    public int column() { return column; }
}
