package dev.pgops.report.review;

import dev.pgops.report.review.ReviewModel.FindingView;

/**
 * The review for a terminal: one block per finding ({@code file:line:col  severity  rule-id  message}, then the
 * safe alternative indented), then a summary. Plain text; ANSI colour only when asked for. Control characters from
 * the SQL (escape sequences in a hostile file) are shown as {@code ?} so they cannot drive the terminal.
 */
public final class ReviewText {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private ReviewText() {}

  public static String render(ReviewModel m, boolean colour) {
    StringBuilder b = new StringBuilder(4096);
    for (FindingView f : m.findings()) {
      b.append(paint(colour, BOLD, clean(f.position()))).append("  ")
          .append(paint(colour, colourOf(f.severity()), f.severity())).append("  ")
          .append(paint(colour, BOLD, f.ruleId())).append("  ")
          .append(clean(f.message())).append('\n');
      if (f.hasRemediation()) {
        b.append("    safe alternative:\n");
        for (String line : f.remediation().strip().split("\n", -1)) {
          b.append("      ").append(clean(line)).append('\n');
        }
      }
      b.append('\n');
    }
    ReviewModel.Header h = m.header();
    b.append(paint(colour, BOLD, "pgops review:")).append(' ')
        .append(h.fileCount()).append(h.fileCount() == 1 ? " file, " : " files, ")
        .append(h.statementCount()).append(h.statementCount() == 1 ? " statement, " : " statements, ")
        .append(h.findingCount()).append(h.findingCount() == 1 ? " finding" : " findings");
    StringBuilder sev = new StringBuilder();
    for (ReviewModel.SeverityCount c : m.severityCounts()) {
      sev.append(sev.length() == 0 ? "" : ", ").append(c.count()).append(' ').append(c.severity());
    }
    b.append(" (").append(sev).append("), ").append(h.suppressedCount()).append(" suppressed\n");
    b.append("database: ").append(clean(h.databaseLabel())).append('\n');
    b.append("runner: ").append(h.runner()).append(", transaction mode ").append(h.transactionLabel()).append('\n');
    for (ReviewModel.FileView f : m.failedFiles()) {
      b.append(paint(colour, colourOf("high"), "could not read: ")).append(clean(f.error())).append('\n');
    }
    for (String n : m.notes()) b.append(paint(colour, DIM, "note: ")).append(clean(n)).append('\n');
    return b.toString();
  }

  private static String colourOf(String severity) {
    return switch (severity) {
      case "critical" -> "\u001b[1;35m";
      case "high" -> "\u001b[1;31m";
      case "medium" -> "\u001b[33m";
      case "low" -> "\u001b[36m";
      default -> "\u001b[34m";
    };
  }

  private static String paint(boolean colour, String code, String text) {
    return colour ? code + text + RESET : text;
  }

  /** Control characters (ESC, CR, BEL …) become '?'; tabs stay. */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c == '\t' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) ? c : c == '\n' ? ' ' : '?');
    }
    return b.toString();
  }
}
