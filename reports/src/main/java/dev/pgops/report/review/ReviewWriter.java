package dev.pgops.report.review;

import dev.pgops.report.ReportWriter;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link ReviewModel} in every {@link ReviewFormat}, and the migration plan
 * ({@code assets/migration-plan.md}). HTML is one self-contained file like the health report: the report CSS and
 * its one script inlined, a Content-Security-Policy that allows that script by hash and fetches nothing, every
 * SQL text and name escaped. Markdown stays under GitHub's comment limit ({@value #MARKDOWN_LIMIT} characters):
 * statements, then findings, are left out until it fits, with a note saying so.
 *
 * <pre>{@code
 * ReviewModel m = ReviewModel.build(result, BuiltInRules.MIGRATION, ToolInfo.pgops(version), Instant.now());
 * ReviewWriter w = new ReviewWriter(Path.of(""));          // SARIF URIs relative to the working directory
 * System.out.print(w.render(m, ReviewFormat.TEXT));
 * w.write(m, ReviewFormat.SARIF, dir.resolve("review.sarif"));   // atomic: all or nothing
 * w.writePlan(m, dir.resolve(ReportWriter.MIGRATION_PLAN_FILE));
 * }</pre>
 */
public final class ReviewWriter {
  /** GitHub's limit for a pull-request comment body. */
  public static final int MARKDOWN_LIMIT = 65_536;

  /** Loaded on first use: JSON, SARIF and text need neither Freemarker nor the HTML assets. */
  private static final class Templates {
    static final Configuration FM = ReportWriter.configuration();
    static final String CSS = ReportWriter.asset("report.css");
    static final String SCRIPT = ReportWriter.asset("report.js");
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '"
        + ReportWriter.sha256Source(SCRIPT) + "'; base-uri 'none'; form-action 'none'";
  }

  private final Path base;

  /** @param base the directory SARIF file URIs are relative to (the working directory) */
  public ReviewWriter(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  public String render(ReviewModel m, ReviewFormat format) throws IOException {
    return switch (format) {
      case TEXT -> ReviewText.render(m, false);
      case MARKDOWN -> markdown(m);
      case HTML -> process("review.ftlh", html(m), "HTML review");
      case JSON -> ReviewJson.render(m);
      case SARIF -> ReviewSarif.render(m, base);
    };
  }

  /** Terminal text, with ANSI colour when {@code colour}. */
  public String renderText(ReviewModel m, boolean colour) {
    return ReviewText.render(m, colour);
  }

  /** Renders to {@code file} atomically (a temporary file moved into place; nothing left behind on failure). */
  public void write(ReviewModel m, ReviewFormat format, Path file) throws IOException {
    String text = render(m, format);
    ReportWriter.atomically(file, w -> w.write(text));
  }

  /** The filled migration plan, as Markdown. */
  public String renderPlan(ReviewModel m) throws IOException {
    return process(ReportWriter.MIGRATION_PLAN_FILE, Map.of("r", m), "migration plan");
  }

  public void writePlan(ReviewModel m, Path file) throws IOException {
    String text = renderPlan(m);
    ReportWriter.atomically(file, w -> w.write(text));
  }

  /** The Content-Security-Policy of the HTML review. */
  public String contentSecurityPolicy() {
    return Templates.CSP;
  }

  private String markdown(ReviewModel m) throws IOException {
    int findings = m.findings().size();
    int statements = m.statements().size();
    while (true) {
      ReviewModel shown = findings == m.findings().size() && statements == m.statements().size() ? m
          : m.truncated(findings, statements);
      String out = process("review.md.ftlmd", Map.of("r", shown), "Markdown review");
      if (out.length() <= MARKDOWN_LIMIT) return out;
      if (statements > 0) statements /= 2;
      else if (findings > 0) findings /= 2;
      else {
        String note = "\n\n… truncated to fit a pull-request comment; review.html and review.json have everything.\n";
        return out.substring(0, MARKDOWN_LIMIT - note.length()) + note;
      }
    }
  }

  private Map<String, Object> html(ReviewModel m) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("r", m);
    root.put("css", Templates.CSS);
    root.put("script", Templates.SCRIPT);
    root.put("csp", Templates.CSP);
    return root;
  }

  private String process(String template, Map<String, Object> root, String what) throws IOException {
    Template t = Templates.FM.getTemplate(template);
    StringWriter out = new StringWriter(32 * 1024);
    try {
      t.process(root, out);
    } catch (TemplateException e) {
      throw new IOException("cannot render the " + what + ": " + e.getMessageWithoutStackTop(), e);
    }
    return out.toString();
  }
}
