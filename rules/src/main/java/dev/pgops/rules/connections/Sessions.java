package dev.pgops.rules.connections;

import dev.pgops.findings.Location;
import dev.pgops.snapshot.Activity.SessionInfo;
import java.time.Duration;
import java.util.Locale;

/** Shared helpers for session-level Connections rules. */
final class Sessions {
  private Sessions() {}

  /** At most this many per-session findings per rule; the rest are summarised in one finding. */
  static final int MAX_PER_SESSION = 20;

  static Location location(int pid) {
    return Location.object("session", null, "pid " + pid);
  }

  static String age(long seconds) {
    return dev.pgops.rules.RuleContext.human(Duration.ofSeconds(seconds));
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

  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  private static String nz(String s) {
    return s == null ? "?" : s;
  }
}
