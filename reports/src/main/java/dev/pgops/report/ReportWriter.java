package dev.pgops.report;

import dev.pgops.files.AtomicFiles;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.OrMatcher;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders a {@link ReportModel} as HTML, Markdown or JSON. HTML is one self-contained file: the CSS
 * ({@code assets/report.css}) and the one script ({@code assets/report.js}) are inlined, and a
 * Content-Security-Policy allows that script only, by its SHA-256, and no fetch of anything.
 *
 * <pre>{@code
 * ReportWriter writer = new ReportWriter();
 * writer.write(model, Format.HTML, Path.of("report.html"));   // atomic: all or nothing
 * String md = writer.render(model, Format.MARKDOWN);
 * writer.writeTriageLog(model, dir.resolve(ReportWriter.TRIAGE_LOG_FILE));   // perf-triage-log.md, atomic too
 * }</pre>
 *
 * The triage log is not a {@link Format}: it is a second document from the same model, written next to
 * the report (its template is {@code assets/perf-triage-log.md}, Markdown-escaped like the report).
 *
 * Instances are immutable and thread-safe.
 */
public final class ReportWriter {
  static final String TEMPLATES = "/dev/pgops/report/templates";
  static final String ASSETS = "/dev/pgops/assets/";
  /** The triage log's file name, and its template in {@code assets/}. */
  public static final String TRIAGE_LOG_FILE = "perf-triage-log.md";
  /** The migration plan's file name, and its template in {@code assets/} (filled by {@code pgops review}). */
  public static final String MIGRATION_PLAN_FILE = "migration-plan.md";

  private final Configuration fm;
  private final String css;
  private final String script;
  private final String csp;

  public ReportWriter() {
    this.fm = configuration();
    this.css = asset("report.css");
    this.script = asset("report.js");
    this.csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '" + sha256Source(script)
        + "'; base-uri 'none'; form-action 'none'";
  }

  /** The Freemarker configuration every pgops template runs under (HTML auto-escaping, Markdown escaping). */
  public static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
        new ClassTemplateLoader(ReportWriter.class, TEMPLATES), new ClassTemplateLoader(ReportWriter.class, ASSETS)}));
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setLocale(Locale.ROOT);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    c.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
    TemplateConfiguration md = new TemplateConfiguration();
    md.setOutputFormat(MarkdownOutputFormat.INSTANCE);
    c.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(
        new OrMatcher(new FileExtensionMatcher("ftlmd"), new FileNameGlobMatcher(TRIAGE_LOG_FILE),
            new FileNameGlobMatcher(MIGRATION_PLAN_FILE)), md));
    return c;
  }

  /** The report as text. */
  public String render(ReportModel model, Format format) throws IOException {
    StringWriter out = new StringWriter(64 * 1024);
    render(model, format, out);
    return out.toString();
  }

  public void render(ReportModel model, Format format, Writer out) throws IOException {
    if (format == Format.JSON) {
      out.write(JsonReport.render(model));
      return;
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("r", model);
    if (format == Format.HTML) {
      root.put("css", css);
      root.put("script", script);
      root.put("csp", csp);
      Map<String, String> svg = new LinkedHashMap<>();
      svg.put("areas", SvgCharts.areaScores(model.charts().areaScores()));
      svg.put("tables", model.charts().largestTables().isEmpty() ? "" : SvgCharts.largestTables(model.charts().largestTables()));
      svg.put("xid", model.charts().xid().databases().isEmpty() ? "" : SvgCharts.xidAge(model.charts().xid()));
      root.put("svg", svg);
      root.put("backupTimelines", model.backups().catalogs().stream()
          .map(c -> SvgCharts.backupTimeline(c.timeline())).toList());
    }
    process(format.template(), root, out, format.name().toLowerCase(Locale.ROOT) + " report");
  }

  /**
   * The performance triage log ({@code assets/perf-triage-log.md} filled from the model: symptom,
   * evidence, hypotheses, actions with SQL, how to verify), as Markdown.
   */
  public String renderTriageLog(ReportModel model) throws IOException {
    StringWriter out = new StringWriter(16 * 1024);
    renderTriageLog(model, out);
    return out.toString();
  }

  public void renderTriageLog(ReportModel model, Writer out) throws IOException {
    process(TRIAGE_LOG_FILE, Map.of("r", model), out, "triage log");
  }

  /** Writes the triage log to {@code file} atomically, like {@link #write}. */
  public void writeTriageLog(ReportModel model, Path file) throws IOException {
    atomically(file, w -> renderTriageLog(model, w));
  }

  private void process(String template, Map<String, Object> root, Writer out, String what) throws IOException {
    Template t = fm.getTemplate(template);
    try {
      t.process(root, out);
    } catch (TemplateException e) {
      throw new IOException("cannot render the " + what + ": " + e.getMessageWithoutStackTop(), e);
    }
  }

  /** What {@link #atomically} writes. */
  public interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /**
   * Renders to {@code file} atomically: a temporary file in the same directory, moved into place. On
   * any failure no file is left behind (an existing {@code file} is left untouched).
   */
  public void write(ReportModel model, Format format, Path file) throws IOException {
    atomically(file, w -> render(model, format, w));
  }

  /** Writes {@code file} as UTF-8 text through {@link AtomicFiles}: all or nothing. */
  public static void atomically(Path file, Body body) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      body.writeTo(w);
      w.flush();
    });
  }

  /** The Content-Security-Policy the HTML report carries. */
  public String contentSecurityPolicy() {
    return csp;
  }

  /** A file of {@code assets/} (report.css, report.js, the evidence templates) from the classpath. */
  public static String asset(String name) {
    try (InputStream in = ReportWriter.class.getResourceAsStream(ASSETS + name)) {
      if (in == null) throw new IllegalStateException("report asset missing from the classpath: " + ASSETS + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read report asset " + ASSETS + name, e);
    }
  }

  /** A CSP source for an inline script: {@code sha256-<base64 of the UTF-8 bytes>}. */
  public static String sha256Source(String inlineScript) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(inlineScript.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
