package dev.pgops.migration;

/**
 * One comma-separated action of an {@code ALTER TABLE}, read from the tokens.
 *
 * @param kind           what the action does
 * @param constraintType for {@link Kind#ADD_CONSTRAINT}, the constraint's type; else null
 * @param name           the column (column actions, RENAME COLUMN: the old name), the constraint (constraint
 *                       actions, when named), the new name (RENAME_TABLE), the partition (ATTACH/DETACH) or the
 *                       tablespace (SET_TABLESPACE), as written; null when absent
 * @param text           the action's tokens joined by single spaces
 * @param column         for ADD COLUMN the column definition, for ALTER COLUMN … TYPE the column with its new
 *                       type; else null
 */
public record AlterAction(Kind kind, ConstraintType constraintType, String name, String text, ColumnDef column) {

    public AlterAction(Kind kind, ConstraintType constraintType, String name, String text) {
        this(kind, constraintType, name, text, null);
    }

    public enum Kind {
        ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT,
        ADD_CONSTRAINT, DROP_CONSTRAINT, VALIDATE_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE, SET_TABLESPACE,
        SET_LOGGED, SET_UNLOGGED, ATTACH_PARTITION, DETACH_PARTITION, SET_STATISTICS, OTHER
    }

    public enum ConstraintType { FK, CHECK, UNIQUE, PK, EXCLUDE, OTHER }
}
