package dev.pgops.cli;

import dev.pgops.collect.SnapshotCollector;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
    description = "Connect read-only and write a snapshot (.json or .json.gz) that `pgops report` can score later.")
final class CollectCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin BackupToolMixin backup;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "snapshot.json.gz",
      description = "Snapshot file; .json.gz is compressed (default: ${DEFAULT-VALUE}).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var backupTool = backup.options();
    Snapshot snapshot = SnapshotCollector.collect(connection.spec(),
        connection.options(Clock.systemUTC()).withBackupTool(backupTool));
    SnapshotJson.write(snapshot, output);
    PrintWriter out = spec.commandLine().getOut();
    printCollectors(out, snapshot);
    out.println("wrote " + output);
    return ExitCode.OK.code();
  }

  static void printCollectors(PrintWriter out, Snapshot snapshot) {
    for (CollectorRun c : snapshot.meta().collectors()) {
      out.printf("  %-12s %-7s %5d ms  %s%n", c.name(), c.status().name().toLowerCase(), c.durationMs(), c.reason());
    }
  }
}
