package dev.pgops.rules.testing;

import dev.pgops.snapshot.Activity;
import dev.pgops.snapshot.ExtensionInfo;
import java.util.List;

/** Extra fixtures for the Performance and Connections rule tests. */
public final class PerfFixtures {
  private PerfFixtures() {}

  public static ExtensionInfo extension(String name) {
    return new ExtensionInfo(name, "public", "1.10", "1.10");
  }

  /** A session with every field the session rules read. */
  public static Activity.SessionInfo session(int pid, String state, String backendType, long xactAgeSec,
      long queryAgeSec, long stateAgeSec, List<Integer> blockedBy) {
    return new Activity.SessionInfo(pid, "app", "web", "app", state, backendType, xactAgeSec, queryAgeSec,
        stateAgeSec, 0, blockedBy.isEmpty() ? null : "Lock", blockedBy.isEmpty() ? null : "transactionid",
        blockedBy, "UPDATE orders SET status = 'x' WHERE id = 1");
  }
}
