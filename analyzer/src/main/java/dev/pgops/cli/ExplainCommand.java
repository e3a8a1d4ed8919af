package dev.pgops.cli;

import dev.pgops.plan.ExplainFormatException;
import dev.pgops.plan.ExplainParser;
import dev.pgops.plan.ExplainPlan;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.snapshot.CollectorRun;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.QueryPlan;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Check EXPLAIN (FORMAT JSON) output from files — psql, auto_explain logs or other tools — "
        + "with the plan rules, and render the plan report.")
final class ExplainCommand implements Callable<Integer> {
  static final String PLAN_ITEM = "PRF-10";

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "EXPLAIN JSON: [ {\"Plan\": …} ], {\"Plan\": …}, "
      + "auto_explain's {\"Query Text\": …, \"Plan\": …}, or psql's framed output of any of them.")
  List<Path> files;

  @Mixin ReportOptions report;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var formats = report.formats();
    var failOn = report.failOn();
    var config = Pipeline.config(report.config);
    List<QueryPlan> plans = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Path f : files) {
      try {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        ExplainPlan plan = ExplainParser.parse(f.toString(), text);
        plans.add(new QueryPlan(f.toString(), plan.queryText(), "file", QueryPlan.OK, "", plan.raw()));
      } catch (NoSuchFileException e) {
        errors.add(f + ": no such file");
      } catch (IOException | ExplainFormatException e) {
        errors.add(oneLine(e.getMessage()));
      }
    }
    // unreadable files are reported and skipped; the others are still checked
    for (String e : errors) spec.commandLine().getErr().println("pgops: " + e);
    if (plans.isEmpty()) throw new UserError(ExitCode.RUNTIME, "no readable plan among " + files.size() + " file(s)");
    Snapshot snapshot = snapshotOf(plans, errors, Clock.systemUTC().instant());
    String sha = SnapshotJson.sha256(SnapshotJson.toBytes(snapshot));
    // only the plan rules: the other checklist items have no evidence here and show as not evaluated
    List<RuleDescriptor> planRules = BuiltInRules.ALL.stream().filter(r -> r.checklistItem().equals(PLAN_ITEM)).toList();
    Pipeline.Result result = Pipeline.run(snapshot, sha, config, formats, report.outputDir, Clock.systemUTC().instant(),
        planRules);
    Summary.print(spec.commandLine().getOut(), snapshot, result, List.of());
    int code = ExitCode.of(result.evaluation().findings(), failOn).code();
    return errors.isEmpty() ? code : Math.max(code, ExitCode.RUNTIME.code());
  }

  /** A snapshot holding only the plans: every database section is "not collected", so only plan rules run. */
  static Snapshot snapshotOf(List<QueryPlan> plans, List<String> errors, Instant now) {
    String reason = "not collected: plans read from files";
    List<CollectorRun> runs = List.of(new CollectorRun("plans", errors.isEmpty() ? CollectorRun.Status.OK
        : CollectorRun.Status.FAILED, String.join("; ", errors), 0, 0));
    Meta meta = new Meta(Meta.SCHEMA_VERSION, ToolVersion.get(), now, "unknown (plans from files)", new PgVersion(0),
        "files", "", false, List.of(), false, null, null, Map.of(), new Meta.Timeouts(0, 0, Map.of()), runs);
    return Snapshot.unavailable(meta, reason).withPlans(Section.of(plans));
  }

  private static String oneLine(String s) {
    return s == null ? "unreadable" : s.replaceAll("\\s+", " ").trim();
  }
}
