package dev.pgops.migration;

import java.util.List;

/**
 * One migration script, read and classified, or the reason it could not be read.
 *
 * @param file       the name used in messages (the path as given)
 * @param statements its statements in order; empty when {@code error} is set or the file has none
 * @param error      one line naming file:line:column and what is wrong, or null
 */
public record MigrationFile(String file, List<ClassifiedStatement> statements, String error) {

    public MigrationFile {
        statements = List.copyOf(statements);
    }

    public boolean failed() {
        return error != null;
    }
}
