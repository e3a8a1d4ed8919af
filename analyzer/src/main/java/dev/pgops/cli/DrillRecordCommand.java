package dev.pgops.cli;

import dev.pgops.drill.DrillRecords;
import dev.pgops.snapshot.DrillRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "record", mixinStandardHelpOptions = true,
    description = {"Import a drill done by hand: FILE (JSON or YAML in the drill record shape) is validated and written",
        "as drill-<id>.json and drill-<id>.md. Exit 0 for a passed drill, 1 for a failed one, 3 for an invalid file."})
final class DrillRecordCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The drill record (.json, .yaml or .yml).")
  Path file;

  @Option(names = {"-o", "--output", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Where the drill files go (default: current directory).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DrillRecord r;
    try {
      r = DrillRecords.read(file);
    } catch (IOException e) {
      throw new UserError(ExitCode.RUNTIME, e.getMessage().startsWith(file.toString()) ? e.getMessage()
          : file + ": cannot read (" + e.getMessage() + ")");
    } catch (DrillRecords.InvalidRecordException e) {
      throw new UserError(ExitCode.RUNTIME, e.getMessage());
    }
    List<Path> files = DrillFiles.write(r, null, output);
    DrillFiles.summary(spec.commandLine().getOut(), r, files);
    return r.passed() ? ExitCode.OK.code() : ExitCode.FINDINGS.code();
  }
}
