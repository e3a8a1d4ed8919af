package dev.pgops.cli;

import dev.pgops.drill.DrillRecords;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Snapshot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --drills DIR}: drill records ({@code drill-*.json}, as {@code pgops drill run / record} write them) become
 * the snapshot's drills section. A missing directory makes the section unavailable with that reason; an existing
 * directory without records is collected and empty ("never restore-tested" is then a finding, not a gap).
 */
final class DrillsOption {
  static final String NOT_GIVEN = "no drill records given (--drills DIR)";

  @Option(names = "--drills", paramLabel = "DIR",
      description = "Directory of drill records (drill-*.json from `pgops drill run` / `record`) for the drills section.")
  Path dir;

  /** The snapshot with the drills read from {@code --drills}; without the option, {@code orElse} when not null. */
  Snapshot apply(Snapshot s, String orElse) {
    if (dir == null) {
      return orElse == null ? s : s.withBackups(s.control(), s.backupTools(), Section.unavailable(orElse));
    }
    return s.withBackups(s.control(), s.backupTools(), DrillRecords.section(dir));
  }
}
