package dev.pgops.cli;

import dev.pgops.findings.Severity;
import dev.pgops.report.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which reports to write where, which pgops.yaml to apply, and what fails the run. */
final class ReportOptions {
  @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT",
      description = "Report formats, comma-separated: html, md, json (default: html,md,json).")
  List<String> formats = new ArrayList<>(List.of("html", "md", "json"));

  @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Directory for report.html / report.md / report.json (default: current directory).")
  Path outputDir;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "pgops.yaml with thresholds, disabled rules and waivers.")
  Path config;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 1 when a finding is at least this severe: critical, high, medium, low, info.")
  String failOn;

  Set<Format> formats() {
    Set<Format> out = EnumSet.noneOf(Format.class);
    for (String f : formats) {
      switch (f.trim().toLowerCase(Locale.ROOT)) {
        case "html" -> out.add(Format.HTML);
        case "md", "markdown" -> out.add(Format.MARKDOWN);
        case "json" -> out.add(Format.JSON);
        default -> throw new UserError(ExitCode.USAGE, "unknown --format '" + f + "' (valid: html, md, json)");
      }
    }
    return out;
  }

  Severity failOn() {
    return failOn(failOn);
  }

  /** Parses a --fail-on value; null stays null; a bad value is a usage error naming the valid ones. */
  static Severity failOn(String failOn) {
    if (failOn == null) return null;
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, "--fail-on: " + e.getMessage());
    }
  }
}
