package dev.pgops.review;

import java.util.Locale;

/** Migration runners and how each executes a SQL file (their documented defaults). */
public enum Runner {
  PLAIN(TransactionMode.NONE, "psql -f: autocommit, only explicit BEGIN … COMMIT groups statements"),
  FLYWAY(TransactionMode.PER_FILE, "one transaction per migration; a script made only of statements that cannot run in a"
      + " transaction (CREATE INDEX CONCURRENTLY …) runs without one"),
  LIQUIBASE(TransactionMode.PER_FILE, "one transaction per changeset (runInTransaction: true)"),
  GOLANG_MIGRATE(TransactionMode.IMPLICIT, "the file is one multi-statement query: one implicit transaction"),
  RAILS(TransactionMode.PER_FILE, "one transaction per migration unless disable_ddl_transaction!"),
  DJANGO(TransactionMode.PER_FILE, "one transaction per migration (atomic = True)"),
  ALEMBIC(TransactionMode.PER_FILE, "transactional DDL: migrations run inside a transaction"),
  PRISMA(TransactionMode.IMPLICIT, "migration.sql runs as one multi-statement script: one implicit transaction"),
  SQITCH(TransactionMode.NONE, "runs scripts with psql; deploy scripts carry their own BEGIN … COMMIT");

  private final TransactionMode mode;
  private final String description;

  Runner(TransactionMode mode, String description) {
    this.mode = mode;
    this.description = description;
  }

  public TransactionMode mode() {
    return mode;
  }

  public String description() {
    return description;
  }

  /** "golang-migrate" / "golang_migrate" / "Flyway" → the runner; IllegalArgumentException naming the valid ones. */
  public static Runner parse(String s) {
    String k = s == null ? "" : s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Runner r : values()) if (r.name().equals(k)) return r;
    throw new IllegalArgumentException("unknown runner '" + s + "' (valid: " + validNames() + ")");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String validNames() {
    StringBuilder b = new StringBuilder();
    for (Runner r : values()) b.append(b.length() == 0 ? "" : ", ").append(r.id());
    return b.toString();
  }
}
