package dev.pgops.report;

/** The tool that wrote a report: name and version ("pgops", "0.1.0"). */
public record ToolInfo(String name, String version) {
  public ToolInfo {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("tool name is required");
    version = version == null ? "unknown" : version;
  }

  public static ToolInfo pgops(String version) {
    return new ToolInfo("pgops", version);
  }
}
