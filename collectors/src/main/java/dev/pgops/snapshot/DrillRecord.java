package dev.pgops.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * The evidence of one restore drill (run by {@code pgops drill run} or imported with {@code pgops drill record}),
 * after the proposal in the reference's "restore-drill evidence record".
 *
 * @param drillId          unique id ("2026-11-24T10:00:00Z-main")
 * @param tool             backup tool restored from ({@code pgbackrest} …) or {@code manual}
 * @param name             stanza / server / instance
 * @param systemIdentifier of the restored cluster, or null
 * @param backupId         the backup restored (label), or null
 * @param backupStoppedAt  when that backup ended, or null
 * @param target           recovery target ("latest", "time 2026-11-24T09:00:00Z", "immediate")
 * @param pgVersion        server version of the restored cluster ("17.2"), or null
 * @param startedAt        drill start
 * @param restoredAt       restore of the files done, or null
 * @param recoveredAt      recovery finished (server accepts queries read-write / promoted), or null
 * @param verifiedAt       verification done, or null
 * @param rtoSeconds       measured: startedAt → verifiedAt (or → recoveredAt without verification), or null
 * @param rpoSeconds       measured: newest committed timestamp found vs the target (or backup end), or null
 * @param rtoTargetSeconds policy target at the time, or null
 * @param rpoTargetSeconds policy target at the time, or null
 * @param verification     each check with its result
 * @param outcome          {@code pass} or {@code fail}
 * @param failure          why it failed (one line), or null
 * @param operator         who ran it, or null
 * @param changeRecord     ticket / change id, or null
 */
public record DrillRecord(String drillId, String tool, String name, String systemIdentifier, String backupId,
    Instant backupStoppedAt, String target, String pgVersion, Instant startedAt, Instant restoredAt,
    Instant recoveredAt, Instant verifiedAt, Long rtoSeconds, Long rpoSeconds, Long rtoTargetSeconds,
    Long rpoTargetSeconds, List<Step> verification, String outcome, String failure, String operator,
    String changeRecord) {

  public DrillRecord {
    verification = List.copyOf(verification == null ? List.of() : verification);
  }

  public boolean passed() {
    return "pass".equals(outcome);
  }

  /** One verification step: what was checked, {@code ok} / {@code failed} / {@code skipped}, and details. */
  public record Step(String step, String result, String details) {}
}
