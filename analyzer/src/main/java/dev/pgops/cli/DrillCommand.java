package dev.pgops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "Run a restore drill (restore, verify, time, record) or record a manual one.",
    subcommands = {DrillRunCommand.class, DrillRecordCommand.class})
final class DrillCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new UserError(ExitCode.USAGE, "drill: say run or record");
  }
}
