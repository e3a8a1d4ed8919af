package dev.pgops.review;

/**
 * What one statement does to the table it touches, from {@link LockModel}.
 *
 * @param operation      the lock model row it matched, e.g. "ALTER TABLE ADD COLUMN volatile default"
 * @param lock           the strongest lock taken on the target table
 * @param rewrite        the table (and its indexes) is rewritten while the lock is held
 * @param scan           the whole table is read while the lock is held (validation, index build)
 * @param indexBuild     an index is built (time grows with table size; sorts)
 * @param transactional  false for statements PostgreSQL refuses inside a transaction block
 * @param otherLock      a lock also taken on another table (the referenced table of a foreign key), or NONE
 * @param note           the version nuance or condition that applies, or ""
 */
public record LockImpact(String operation, LockLevel lock, boolean rewrite, boolean scan, boolean indexBuild,
    boolean transactional, LockLevel otherLock, String note) {

  public static final LockImpact NONE = new LockImpact("none", LockLevel.NONE, false, false, false, true,
      LockLevel.NONE, "");

  /** True when the statement's run time grows with the table (rewrite, scan or index build). */
  public boolean sizeDependent() {
    return rewrite || scan || indexBuild;
  }

  /** Combines the actions of one ALTER TABLE: the strongest lock and every cost. */
  LockImpact merge(LockImpact o) {
    String n = note.isEmpty() ? o.note : o.note.isEmpty() || o.note.equals(note) ? note : note + "; " + o.note;
    return new LockImpact(operation + ", " + o.operation.replaceFirst("^ALTER TABLE ", ""), lock.max(o.lock),
        rewrite || o.rewrite, scan || o.scan, indexBuild || o.indexBuild, transactional && o.transactional,
        otherLock.max(o.otherLock), n);
  }
}
