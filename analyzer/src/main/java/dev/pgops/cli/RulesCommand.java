package dev.pgops.cli;

import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.Threshold;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules, or describe one.",
    subcommands = {RulesCommand.List.class, RulesCommand.Describe.class})
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or describe");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per rule: id, severity, area, checklist item, summary.")
  static final class List implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      for (RuleDescriptor r : BuiltInRules.CATALOG) {
        out.printf("%-34s %-8s %-14s %-6s %s%n", r.id(), r.severity().id(), r.area().id(), r.checklistItem(), r.summary());
      }
      out.printf("%d rules%n", BuiltInRules.CATALOG.size());
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true, description = "A rule's metadata, thresholds and documentation.")
  static final class Describe implements Runnable {
    @Parameters(paramLabel = "RULE-ID") String id;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      RuleDescriptor r = BuiltInRules.CATALOG.stream()
          .filter(d -> d.id().equals(id) || d.aliases().contains(id)).findFirst()
          .orElseThrow(() -> new UserError(ExitCode.USAGE, "unknown rule '" + id + "' (see `pgops rules list`)"));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s — %s%n", r.id(), r.summary());
      out.printf("severity: %s   area: %s   checklist: %s   since: %s%n", r.severity().id(), r.area().title(),
          r.checklistItem(), r.since());
      if (!r.thresholds().isEmpty()) {
        out.println("thresholds (pgops.yaml: rules." + r.id() + ".<name>):");
        for (Threshold t : r.thresholds()) {
          out.printf(Locale.ROOT, "  %-24s %-10s %s%n", t.name(), format(t.defaultValue()), t.description());
        }
      }
      out.println();
      out.println(r.doc().strip());
    }

    private static String format(double v) {
      return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
  }
}
