package dev.pgops.drill;

/** Why a drill failed, in one line; the drill ends with a failed record carrying this message. */
public final class DrillFailure extends Exception {
  public DrillFailure(String message) {
    super(DrillRecords.oneLine(message), null, false, false);
  }
}
