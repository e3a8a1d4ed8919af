package dev.pgops.cli;

import dev.pgops.collect.CollectException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "pgops", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "PostgreSQL operations analyzer: health checks, reports and evidence.",
    subcommands = {DemoCommand.class, CollectCommand.class, ReportCommand.class, CheckCommand.class, ReviewCommand.class,
        ExplainCommand.class, DrillCommand.class, RulesCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code (tests call this). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(Main::exitCode);
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println("pgops: " + message(e));
      err.flush();
      return exitCode(e);
    });
    cl.setParameterExceptionHandler((e, args2) -> {
      err.println("pgops: " + e.getMessage());
      err.println("Try 'pgops " + (e.getCommandLine().getCommandName().equals("pgops") ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
      err.flush();
      return ExitCode.USAGE.code();
    });
    return cl.execute(args);
  }

  private static int exitCode(Throwable e) {
    if (e instanceof UserError u) return u.exitCode().code();
    return ExitCode.RUNTIME.code();
  }

  /** One line, never a stack trace; collector errors already carry a password-free message. */
  private static String message(Throwable e) {
    if (e instanceof UserError || e instanceof CollectException) return oneLine(e.getMessage());
    String m = e.getMessage();
    return oneLine(e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
  }

  private static String oneLine(String s) {
    return s == null ? "unknown error" : s.replaceAll("\\s+", " ").trim();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pgops " + ToolVersion.get()};
    }
  }
}
