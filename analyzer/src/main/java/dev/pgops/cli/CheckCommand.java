package dev.pgops.cli;

import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Collect and report in one run (the weekly job); --fail-on sets the exit code.")
final class CheckCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin BackupToolMixin backup;
  @Mixin ReportOptions report;
  @Mixin DrillsOption drills;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "Where to keep the snapshot (default: snapshot.json.gz in the output directory).")
  Path snapshotFile;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var formats = report.formats();
    var failOn = report.failOn();
    var config = Pipeline.config(report.config);
    var backupTool = backup.options();
    Snapshot snapshot = drills.apply(SnapshotCollector.collect(connection.spec(),
        connection.options(Clock.systemUTC()).withBackupTool(backupTool)), DrillsOption.NOT_GIVEN);
    Path file = snapshotFile != null ? snapshotFile : report.outputDir.resolve("snapshot.json.gz");
    String sha256 = SnapshotJson.write(snapshot, file);
    Pipeline.Result result = Pipeline.run(snapshot, sha256, config, formats, report.outputDir,
        Clock.systemUTC().instant());
    Summary.print(spec.commandLine().getOut(), snapshot, result, List.of(file));
    return ExitCode.of(result.evaluation().findings(), failOn).code();
  }
}
