package dev.pgops.collect;

import dev.pgops.snapshot.Section;
import java.sql.SQLException;

/**
 * One source of one snapshot section. A collector sends a fixed number of statements whatever the
 * number of objects (one query per catalog area, never one per object), reads user objects only, and
 * orders its rows in SQL so the output is deterministic.
 *
 * <p>Throwing is fine: {@link SnapshotCollector} turns SQLState 42501 and {@link CollectorSkipped}
 * into SKIPPED, anything else into FAILED, and never aborts the run.
 */
public interface Collector<T> {

  /** The snapshot section this collector fills, e.g. "tables". */
  String name();

  Section<T> collect(PgSession session) throws SQLException;

  /** A statement timeout this collector needs instead of the session default; 0 keeps the default. */
  default long timeoutMs() {
    return 0;
  }
}
