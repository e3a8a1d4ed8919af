package dev.pgops.migration;

import java.util.List;

/**
 * One statement (or psql meta-command) read from a migration script by {@link SqlSplitter}.
 *
 * @param file             the file name given to the splitter
 * @param line             1-based line of the statement's first token
 * @param column           1-based column (in code points) of the statement's first token
 * @param endLine          1-based line of the statement's last token
 * @param text             the statement without its terminating {@code ;}, trimmed; for a meta-command
 *                         the whole line starting with the backslash
 * @param leadingComments  the {@code --} / {@code /* *}{@code /} comments between the previous statement
 *                         and this one (where {@code -- pgops:ignore} directives live)
 * @param trailingComments comments that start on the line of this statement's terminator, after it
 *                         (where {@code -- expect:} markers of lint fixtures live)
 * @param metaCommand      true for a psql meta-command line ({@code \set}, {@code \i}, {@code \connect} …)
 */
public record SqlStatement(String file, int line, int column, int endLine, String text,
                           List<String> leadingComments, List<String> trailingComments, boolean metaCommand) {

    public SqlStatement {
        leadingComments = List.copyOf(leadingComments);
        trailingComments = List.copyOf(trailingComments);
    }

    /** A plain SQL statement without trailing comments. */
    public SqlStatement(String file, int line, int column, int endLine, String text, List<String> leadingComments) {
        this(file, line, column, endLine, text, leadingComments, List.of(), false);
    }

    /** {@code file:line:column}, the prefix of every message about this statement. */
    public String position() {
        return file + ":" + line + ":" + column;
    }
}
