package dev.pgops.migration;

import java.util.List;
import java.util.Set;

/**
 * A statement with its kind and the lock-relevant details read from its tokens.
 *
 * @param statement    the statement as split
 * @param kind         what it is
 * @param classifiedBy {@code "jsqlparser"} when JSqlParser parsed it to a statement class that agrees with the
 *                     token kind, {@code "tokens"} when only the tokens classified it, {@code "unknown"} for
 *                     {@link StatementKind#UNKNOWN}
 * @param targets      the objects acted on, schema-qualified as written, the locked relation first: the table of
 *                     ALTER TABLE / CREATE INDEX … ON (then the index name) / CREATE|DROP TRIGGER … ON (then the
 *                     trigger), the names of DROP / TRUNCATE / LOCK / VACUUM, the parameter of SET / RESET
 * @param flags        keywords read from the tokens (never from JSqlParser)
 * @param alterActions for ALTER TABLE, its actions in order; else empty
 * @param lockMode     for LOCK, the mode in upper case ({@code ACCESS EXCLUSIVE} when none is given); else null
 * @param columns      for CREATE TABLE, its column definitions (table constraints left out); else empty
 */
public record ClassifiedStatement(SqlStatement statement, StatementKind kind, String classifiedBy, List<String> targets,
                                  Set<Flag> flags, List<AlterAction> alterActions, String lockMode,
                                  List<ColumnDef> columns) {

    public ClassifiedStatement {
        targets = List.copyOf(targets);
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
        alterActions = List.copyOf(alterActions);
        columns = List.copyOf(columns);
    }

    public ClassifiedStatement(SqlStatement statement, StatementKind kind, String classifiedBy, List<String> targets,
                               Set<Flag> flags, List<AlterAction> alterActions, String lockMode) {
        this(statement, kind, classifiedBy, targets, flags, alterActions, lockMode, List.of());
    }

    /** The same statement, classified by {@code by} ({@link StatementClassifier#crossChecked}). */
    public ClassifiedStatement withClassifiedBy(String by) {
        return by.equals(classifiedBy) ? this
                : new ClassifiedStatement(statement, kind, by, targets, flags, alterActions, lockMode, columns);
    }

    /** The statement's text. */
    public String text() {
        return statement.text();
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** The first target, or null. */
    public String target() {
        return targets.isEmpty() ? null : targets.get(0);
    }

    public enum Flag { CONCURRENTLY, IF_EXISTS, IF_NOT_EXISTS, NOT_VALID, USING_INDEX, UNIQUE, CASCADE, ONLY, NOWAIT }
}
