package dev.pgops.cli;

import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotFormatException;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Score a snapshot against the checklist and render HTML / Markdown / JSON reports.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SNAPSHOT", description = "A snapshot written by `pgops collect` or `pgops check`.")
  Path snapshot;

  @Mixin ReportOptions report;
  @Mixin DrillsOption drills;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var formats = report.formats();
    var failOn = report.failOn();
    var config = Pipeline.config(report.config);
    SnapshotJson.Loaded loaded = read(snapshot);
    Snapshot s = loaded.snapshot();
    String sha256 = loaded.sha256();
    if (drills.dir != null) {
      // the report is about the snapshot plus the drill records: its hash is of that combination
      s = drills.apply(s, null);
      sha256 = SnapshotJson.sha256(SnapshotJson.toBytes(s));
    }
    Pipeline.Result result = Pipeline.run(s, sha256, config, formats, report.outputDir, Clock.systemUTC().instant());
    Summary.print(spec.commandLine().getOut(), s, result, List.of());
    return ExitCode.of(result.evaluation().findings(), failOn).code();
  }

  static SnapshotJson.Loaded read(Path file) {
    try {
      return SnapshotJson.read(file);
    } catch (NoSuchFileException e) {
      throw new UserError(ExitCode.RUNTIME, file + ": no such file");
    } catch (IOException e) {
      throw new UserError(ExitCode.RUNTIME, file + ": cannot read (" + e.getMessage() + ")");
    } catch (SnapshotFormatException e) {
      throw new UserError(ExitCode.RUNTIME, e.getMessage());
    }
  }
}
