package dev.pgops.report;

import dev.pgops.snapshot.DrillRecord;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a restore drill's log: {@code assets/backup-restore-drill.md} filled from a {@link DrillModel}
 * (Markdown-escaped like the other evidence documents), for {@code pgops drill run} and {@code pgops drill record}.
 *
 * <pre>{@code
 * DrillWriter w = new DrillWriter(ToolInfo.pgops(version));
 * w.write(record, dir.resolve("drill-" + record.drillId() + ".md"));   // atomic: all or nothing
 * }</pre>
 */
public final class DrillWriter {
  /** The template in {@code assets/}. */
  public static final String TEMPLATE = "backup-restore-drill.md";

  private final Configuration fm = ReportWriter.configuration();
  private final ToolInfo tool;

  public DrillWriter(ToolInfo tool) {
    this.tool = tool;
  }

  public String render(DrillRecord record) throws IOException {
    Template t = fm.getTemplate(TEMPLATE);
    StringWriter out = new StringWriter(8 * 1024);
    try {
      t.process(Map.of("d", DrillModel.of(record, tool)), out);
    } catch (TemplateException e) {
      throw new IOException("cannot render the restore-drill log: " + e.getMessageWithoutStackTop(), e);
    }
    return out.toString();
  }

  /** Writes the log to {@code file} atomically (nothing is left behind on failure). */
  public void write(DrillRecord record, Path file) throws IOException {
    String text = render(record);
    ReportWriter.atomically(file, w -> w.write(text));
  }
}
