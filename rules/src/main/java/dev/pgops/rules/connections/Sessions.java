package dev.pgops.rules.connections;

import dev.pgops.findings.Location;
import dev.pgops.snapshot.Activity.SessionInfo;

/** Shared helpers for session-level Connections rules. */
final class Sessions {
  private Sessions() {}

  /** At most this many per-session findings per rule; the rest are summarised in one finding. */
  static final int MAX_PER_SESSION = 20;

  static Location location(int pid) {
    return Location.object("session", null, "pid " + pid);
  }

  /** "app@app (web)" */
  static String who(SessionInfo s) {
    return nz(s.user()) + "@" + nz(s.database()) + (s.application() == null || s.application().isBlank() ? "" : " (" + s.application() + ")");
  }

  static String query(String q) {
    if (q == null) return "";
    String one = q.replaceAll("\\s+", " ").trim();
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  private static String nz(String s) {
    return s == null ? "?" : s;
  }
}
