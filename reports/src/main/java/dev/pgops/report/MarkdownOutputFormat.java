package dev.pgops.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub-flavoured Markdown as a Freemarker output format, bound to {@code *.ftlmd} templates: every
 * interpolation backslash-escapes Markdown punctuation (so {@code |} cannot add a table column and
 * {@code <script>} cannot become raw HTML) and turns line breaks into spaces (so a value cannot end a
 * table row or start a block). {@code ?no_esc} is only for fenced code.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Md> {
  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();
  private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&";

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  @Override
  public String escapePlainText(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
        b.append(' ');
      } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Md newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Md(plainTextContent, markupContent);
  }

  /** A piece of Markdown text in a template. */
  public static final class Md extends CommonTemplateMarkupOutputModel<Md> {
    Md(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
