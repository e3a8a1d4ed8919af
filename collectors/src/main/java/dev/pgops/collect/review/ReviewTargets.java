package dev.pgops.collect.review;

import java.util.List;

/**
 * What a live connection adds to a pre-migration review.
 *
 * @param sessions      sessions holding or waiting for locks on the reviewed tables, and long transactions
 * @param sessionsRead  false when the sessions statement failed (then {@code sessions} is empty and a note says why)
 * @param timeouts      per parameter, every level that sets it for the migration role, the one in force first
 *                      (ALTER ROLE … IN DATABASE, ALTER ROLE, ALTER DATABASE, ALTER ROLE ALL, server configuration)
 * @param timeoutsRead  false when the timeouts statement failed
 * @param notes         what could not be read, one line each
 */
public record ReviewTargets(List<TargetSession> sessions, boolean sessionsRead, List<TimeoutSetting> timeouts,
    boolean timeoutsRead, List<String> notes) {
  public ReviewTargets {
    sessions = List.copyOf(sessions == null ? List.of() : sessions);
    timeouts = List.copyOf(timeouts == null ? List.of() : timeouts);
    notes = List.copyOf(notes == null ? List.of() : notes);
  }
}
