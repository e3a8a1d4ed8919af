package dev.pgops.cli;

import dev.pgops.collect.CollectException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "pgops", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "PostgreSQL operations analyzer: health checks, reports and evidence.")
public final class Main implements Runnable {
  /** The commands in help order. */
  private static final List<String> COMMANDS = List.of("demo", "collect", "report", "check", "review", "explain", "drill",
      "rules");

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
    // Only the command being run is built: picocli reads every registered command's options up front, which
    // was a third of a review's start-up. Help, --version and unknown names get them all.
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      cl.addSubcommand(command(args[0]));
    } else {
      for (String name : COMMANDS) cl.addSubcommand(command(name));
    }
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

  private static Object command(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand();
      case "collect" -> new CollectCommand();
      case "report" -> new ReportCommand();
      case "check" -> new CheckCommand();
      case "review" -> new ReviewCommand();
      case "explain" -> new ExplainCommand();
      case "drill" -> new DrillCommand();
      case "rules" -> new RulesCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
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
