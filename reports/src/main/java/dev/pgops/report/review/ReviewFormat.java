package dev.pgops.report.review;

import java.util.Locale;

/** The outputs of {@code pgops review}: text for the terminal, and the files. */
public enum ReviewFormat {
  TEXT(null),
  MARKDOWN("review.md"),
  HTML("review.html"),
  JSON("review.json"),
  SARIF("review.sarif");

  public static final String VALID = "text, md, html, json, sarif";

  private final String fileName;

  ReviewFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The file written into the output directory, or null for TEXT (printed to stdout). */
  public String fileName() {
    return fileName;
  }

  /** "text", "md", "markdown", "html", "json", "sarif" (any case); IllegalArgumentException naming the valid ones. */
  public static ReviewFormat parse(String s) {
    String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "text", "txt" -> TEXT;
      case "md", "markdown" -> MARKDOWN;
      case "html" -> HTML;
      case "json" -> JSON;
      case "sarif" -> SARIF;
      default -> throw new IllegalArgumentException("unknown format '" + s + "' (valid: " + VALID + ")");
    };
  }
}
