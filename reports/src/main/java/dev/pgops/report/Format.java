package dev.pgops.report;

import java.util.Locale;

/** The report formats. HTML and Markdown are Freemarker templates, JSON is the machine-readable contract. */
public enum Format {
  HTML("html", "report.ftlh"),
  MARKDOWN("md", "report.md.ftlmd"),
  JSON("json", null);

  private final String extension;
  private final String template;

  Format(String extension, String template) {
    this.extension = extension;
    this.template = template;
  }

  /** File extension without the dot: "html", "md", "json". */
  public String extension() {
    return extension;
  }

  /** The top-level template, or null for JSON. */
  String template() {
    return template;
  }

  /** "html", "md", "markdown", "json" (any case); throws IllegalArgumentException naming the valid values. */
  public static Format parse(String s) {
    String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "html" -> HTML;
      case "md", "markdown" -> MARKDOWN;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("unknown report format '" + s + "' (valid: html, md, json)");
    };
  }
}
