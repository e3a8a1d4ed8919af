package dev.pgops.review;

/** PostgreSQL table-level lock modes, weakest first, with what each blocks for the application. */
public enum LockLevel {
  NONE("no table lock", false, false),
  ACCESS_SHARE("only ACCESS EXCLUSIVE", false, false),
  ROW_SHARE("only EXCLUSIVE and ACCESS EXCLUSIVE", false, false),
  ROW_EXCLUSIVE("SHARE and stronger locks (index builds, validating constraints)", false, false),
  SHARE_UPDATE_EXCLUSIVE("VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY and other DDL; not reads or writes", false, false),
  SHARE("writes (INSERT, UPDATE, DELETE); reads continue", false, true),
  SHARE_ROW_EXCLUSIVE("writes (INSERT, UPDATE, DELETE); reads continue", false, true),
  EXCLUSIVE("writes and SELECT … FOR UPDATE; plain reads continue", false, true),
  ACCESS_EXCLUSIVE("all reads and writes", true, true);

  private final String blocks;
  private final boolean blocksReads;
  private final boolean blocksWrites;

  LockLevel(String blocks, boolean blocksReads, boolean blocksWrites) {
    this.blocks = blocks;
    this.blocksReads = blocksReads;
    this.blocksWrites = blocksWrites;
  }

  /** The SQL name: "ACCESS EXCLUSIVE". */
  public String sqlName() {
    return this == NONE ? "none" : name().replace('_', ' ');
  }

  /** What the lock blocks, for messages: "all reads and writes". */
  public String blocks() {
    return blocks;
  }

  public boolean blocksReads() {
    return blocksReads;
  }

  public boolean blocksWrites() {
    return blocksWrites;
  }

  public LockLevel max(LockLevel other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Parses "ACCESS EXCLUSIVE", "share row exclusive"; unknown text → ACCESS_EXCLUSIVE (the safe assumption). */
  public static LockLevel parse(String mode) {
    if (mode == null) return ACCESS_EXCLUSIVE;
    String k = mode.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "_");
    try {
      return valueOf(k);
    } catch (IllegalArgumentException e) {
      return ACCESS_EXCLUSIVE;
    }
  }
}
