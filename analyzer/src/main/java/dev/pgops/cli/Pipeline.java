package dev.pgops.cli;

import dev.pgops.report.Format;
import dev.pgops.report.ReportModel;
import dev.pgops.report.ReportWriter;
import dev.pgops.report.ToolInfo;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.Checklist;
import dev.pgops.rules.ConfigException;
import dev.pgops.rules.ConfigLoader;
import dev.pgops.rules.Evaluation;
import dev.pgops.rules.PgopsConfig;
import dev.pgops.rules.RuleDescriptor;
import dev.pgops.rules.RuleEngine;
import dev.pgops.rules.Scorecard;
import dev.pgops.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Snapshot → rules → scorecard → report files: the part every command shares. */
final class Pipeline {
  /** Built on first use: Freemarker's set-up is not needed by commands that only read the config (review). */
  private static final class Writer {
    static final ReportWriter INSTANCE = new ReportWriter();
  }

  private Pipeline() {}

  record Result(Evaluation evaluation, Scorecard scorecard, List<Path> files) {}

  static PgopsConfig config(Path file) {
    if (file == null) return PgopsConfig.defaults();
    try {
      return new ConfigLoader(BuiltInRules.CATALOG).load(file);
    } catch (ConfigException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  static Result run(Snapshot snapshot, String sha256, PgopsConfig config, Set<Format> formats, Path dir,
                    Instant generatedAt) throws IOException {
    return run(snapshot, sha256, config, formats, dir, generatedAt, BuiltInRules.ALL);
  }

  /** As above with a subset of the rules (e.g. only the plan rules for `pgops explain`). */
  static Result run(Snapshot snapshot, String sha256, PgopsConfig config, Set<Format> formats, Path dir,
                    Instant generatedAt, List<RuleDescriptor> rules) throws IOException {
    Evaluation evaluation = new RuleEngine(rules).evaluate(snapshot, config);
    Scorecard scorecard = Scorecard.of(Checklist.builtIn(), evaluation);
    ReportModel model = ReportModel.build(snapshot, sha256, evaluation, scorecard,
        new ToolInfo("pgops", ToolVersion.get()), generatedAt, config);
    List<Path> files = new ArrayList<>();
    for (Format f : formats) {
      Path out = dir.resolve(fileName(f));
      Writer.INSTANCE.write(model, f, out);
      files.add(out);
    }
    if (formats.contains(Format.HTML) || formats.contains(Format.MARKDOWN)) {
      // the filled performance-triage log goes with the human-readable reports
      Path triage = dir.resolve(ReportWriter.TRIAGE_LOG_FILE);
      Writer.INSTANCE.writeTriageLog(model, triage);
      files.add(triage);
    }
    return new Result(evaluation, scorecard, files);
  }

  static String fileName(Format f) {
    return switch (f) {
      case HTML -> "report.html";
      case MARKDOWN -> "report.md";
      case JSON -> "report.json";
    };
  }
}
