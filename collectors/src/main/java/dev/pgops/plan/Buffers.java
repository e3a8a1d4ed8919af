package dev.pgops.plan;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A node's BUFFERS counters (blocks of 8 kB) and I/O times in ms (null without {@code track_io_timing}).
 * PostgreSQL reports them inclusive of the children; {@link PlanNode#exclusiveBuffers()} subtracts them.
 * PG ≤ 16 names the shared read/write times {@code I/O Read Time}/{@code I/O Write Time}; PG17 renamed
 * them {@code Shared I/O Read Time}/{@code Shared I/O Write Time}: both are read into {@code ioReadMs}/{@code ioWriteMs}.
 */
public record Buffers(
    long sharedHit, long sharedRead, long sharedDirtied, long sharedWritten,
    long localHit, long localRead, long localDirtied, long localWritten,
    long tempRead, long tempWritten,
    Double ioReadMs, Double ioWriteMs, Double tempIoReadMs, Double tempIoWriteMs) {

  public static final Buffers ZERO = new Buffers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null);

  static Buffers of(JsonNode n) {
    return new Buffers(l(n, "Shared Hit Blocks"), l(n, "Shared Read Blocks"), l(n, "Shared Dirtied Blocks"),
        l(n, "Shared Written Blocks"), l(n, "Local Hit Blocks"), l(n, "Local Read Blocks"),
        l(n, "Local Dirtied Blocks"), l(n, "Local Written Blocks"), l(n, "Temp Read Blocks"),
        l(n, "Temp Written Blocks"),
        d(n, "Shared I/O Read Time", "I/O Read Time"), d(n, "Shared I/O Write Time", "I/O Write Time"),
        d(n, "Temp I/O Read Time", null), d(n, "Temp I/O Write Time", null));
  }

  /** This minus {@code o}, each counter clamped at 0 (times are kept as they are: not attributable). */
  public Buffers minus(Buffers o) {
    return new Buffers(sub(sharedHit, o.sharedHit), sub(sharedRead, o.sharedRead), sub(sharedDirtied, o.sharedDirtied),
        sub(sharedWritten, o.sharedWritten), sub(localHit, o.localHit), sub(localRead, o.localRead),
        sub(localDirtied, o.localDirtied), sub(localWritten, o.localWritten), sub(tempRead, o.tempRead),
        sub(tempWritten, o.tempWritten), subD(ioReadMs, o.ioReadMs), subD(ioWriteMs, o.ioWriteMs),
        subD(tempIoReadMs, o.tempIoReadMs), subD(tempIoWriteMs, o.tempIoWriteMs));
  }

  public Buffers plus(Buffers o) {
    return new Buffers(sharedHit + o.sharedHit, sharedRead + o.sharedRead, sharedDirtied + o.sharedDirtied,
        sharedWritten + o.sharedWritten, localHit + o.localHit, localRead + o.localRead,
        localDirtied + o.localDirtied, localWritten + o.localWritten, tempRead + o.tempRead,
        tempWritten + o.tempWritten, addD(ioReadMs, o.ioReadMs), addD(ioWriteMs, o.ioWriteMs),
        addD(tempIoReadMs, o.tempIoReadMs), addD(tempIoWriteMs, o.tempIoWriteMs));
  }

  /** Shared hit / (hit + read), or null when no shared block was touched. */
  public Double sharedHitRatio() {
    long all = sharedHit + sharedRead;
    return all == 0 ? null : (double) sharedHit / all;
  }

  private static long sub(long a, long b) {
    return Math.max(0, a - b);
  }

  private static Double subD(Double a, Double b) {
    if (a == null) return null;
    return Math.max(0, a - (b == null ? 0 : b));
  }

  private static Double addD(Double a, Double b) {
    if (a == null) return b;
    return b == null ? a : a + b;
  }

  private static long l(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v != null && v.isNumber() ? v.asLong() : 0;
  }

  private static Double d(JsonNode n, String key, String oldKey) {
    JsonNode v = n.get(key);
    if ((v == null || !v.isNumber()) && oldKey != null) v = n.get(oldKey);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }
}
