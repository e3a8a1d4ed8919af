package dev.pgops.rules.backups;

import dev.pgops.rules.internal.SettingValues;
import dev.pgops.snapshot.Snapshot;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WAL segment file name, {@code TTTTTTTTXXXXXXXXYYYYYYYY}: timeline, then the segment number as "log" and
 * "segment within log" (both hex). Files such as {@code 000000010000000000000003.00000028.backup} or
 * {@code .partial} name the segment of their first 24 characters; history files ({@code 00000002.history}) name none.
 */
record WalSegment(long timeline, long log, long seg) implements Comparable<WalSegment> {
  private static final Pattern NAME = Pattern.compile("[0-9A-Fa-f]{24}([.].*)?");
  static final long DEFAULT_SEGMENT_BYTES = 16L * 1024 * 1024;

  static Optional<WalSegment> parse(String name) {
    if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
    return Optional.of(new WalSegment(Long.parseLong(name.substring(0, 8), 16), Long.parseLong(name.substring(8, 16), 16),
        Long.parseLong(name.substring(16, 24), 16)));
  }

  /** The segment size of the server ({@code wal_segment_size}), 16 MB when not known. */
  static long segmentBytes(Snapshot s) {
    long v = SettingValues.bytes(s, "wal_segment_size").orElse(DEFAULT_SEGMENT_BYTES);
    return v > 0 ? v : DEFAULT_SEGMENT_BYTES;
  }

  /** The segment's number in the WAL stream, ignoring the timeline. */
  long number(long segmentBytes) {
    return log * (0x1_0000_0000L / segmentBytes) + seg;
  }

  /** WAL position order (log, segment), then timeline. */
  @Override
  public int compareTo(WalSegment o) {
    int c = Long.compare(log, o.log);
    if (c == 0) c = Long.compare(seg, o.seg);
    return c != 0 ? c : Long.compare(timeline, o.timeline);
  }

  /** True when this segment lies before {@code o} in the WAL stream (the timeline does not count). */
  boolean before(WalSegment o) {
    return log < o.log || (log == o.log && seg < o.seg);
  }
}
