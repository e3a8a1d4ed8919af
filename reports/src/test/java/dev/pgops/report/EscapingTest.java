package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Database-supplied text (a table and index named {@code <script>alert(1)</script>}, a column comment
 * {@code </style><img src=x onerror=alert(1)>}, pipes and newlines in evidence, backticks in remediation
 * SQL) reaches the reports only escaped.
 */
class EscapingTest {
  static String html;
  static String md;
  static ReportModel model;

  @BeforeAll
  static void render() throws Exception {
    model = Samples.model(Samples.xss(), "0".repeat(64), dev.pgops.rules.PgopsConfig.defaults());
    ReportWriter w = new ReportWriter();
    html = w.render(model, Format.HTML);
    md = w.render(model, Format.MARKDOWN);
  }

  @Test
  void hostileTextReallyIsInTheFindings() {
    assertThat(model.findings()).anySatisfy(f -> {
      assertThat(f.message()).contains(Samples.XSS_TABLE);
      assertThat(f.evidence()).anySatisfy(e -> assertThat(e.value()).contains(Samples.XSS_TABLE));
    });
    assertThat(model.findings()).anySatisfy(f ->
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo(Samples.XSS_COMMENT)));
  }

  @Test
  void htmlContainsOnlyEscapedForms() {
    assertThat(html).doesNotContain(Samples.XSS_TABLE, Samples.XSS_COMMENT, "<img", "<b>db</b>", "<i>me</i>",
        "<svg onload", "alert(5)</script>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;");
    // the only <script> element is ours, the only <style> is ours
    assertThat(count(html, "<script")).isEqualTo(1);
    assertThat(count(html, "</style")).isEqualTo(1);
    // and the SVG charts escaped the names they draw
    Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
    int charts = 0;
    while (svg.find()) {
      charts++;
      assertThat(svg.group()).doesNotContain("<script", "<img", "<svg onload");
    }
    assertThat(charts).isEqualTo(3);
  }

  @Test
  void htmlIsSelfContainedWithAStrictPolicy() {
    assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:|//)");
    assertThat(html).doesNotContainPattern("(?i)https?://");
    assertThat(html).doesNotContainPattern("(?i)url\\((?!#)");
    Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
    assertThat(csp.find()).isTrue();
    assertThat(csp.group(1)).startsWith("default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; script-src &#39;sha256-");
    Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
    assertThat(script.find()).isTrue();
    assertThat(csp.group(1)).contains(ReportWriter.sha256Source(script.group(1)));
  }

  @Test
  void markdownEscapesAngleBracketsAndPipes() {
    String prose = withoutFencedCode(md);
    // every < from the database is backslash-escaped
    assertThat(prose).doesNotContainPattern("(?<!\\\\)<(script|img|b>|i>|svg)");
    assertThat(prose).contains("\\<script\\>alert\\(1\\)\\</script\\>", "\\</style\\>\\<img src=x onerror=alert\\(1\\)\\>");
    assertThat(prose).contains("left \\| right");
  }

  @Test
  void pipesAndNewlinesDoNotBreakMarkdownTableRows() {
    for (String line : md.split("\n")) {
      if (line.startsWith("| comment") || line.startsWith("| Evidence |")) {
        assertThat(unescapedPipes(line)).as(line).isEqualTo(3);
      }
    }
    assertThat(md).contains("| comment\\.pipe | left \\| right |");
    // rendered by a GFM renderer that lets raw HTML through: still no element from the database
    MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    String rendered = HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(md));
    assertThat(rendered).doesNotContain("<script", "<img", "<svg", "<b>db");
    assertThat(rendered).contains("<td>left | right</td>");
  }

  @Test
  void remediationFenceIsLongerThanAnyBacktickRun() {
    assertThat(md).contains("````sql\n-- check replicas too: scans there do not show here\n"
        + "DROP INDEX CONCURRENTLY public.\"weird```idx\";\n");
    assertThat(ReportModel.fence("a ``` b ````` c")).isEqualTo("``````");
    assertThat(ReportModel.fence("none")).isEqualTo("```");
  }

  @Test
  void markdownFormatEscapesEveryMarkdownCharacter() {
    assertThat(MarkdownOutputFormat.INSTANCE.escapePlainText("a\\b`c*d_e{f}g[h]i(j)k<l>m#n+o-p.q!r|s~t&u\nv\r\nw"))
        .isEqualTo("a\\\\b\\`c\\*d\\_e\\{f\\}g\\[h\\]i\\(j\\)k\\<l\\>m\\#n\\+o\\-p\\.q\\!r\\|s\\~t\\&u v w");
  }

  static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }

  static int unescapedPipes(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\\') i++;
      else if (line.charAt(i) == '|') n++;
    }
    return n;
  }

  static String withoutFencedCode(String markdown) {
    return markdown.replaceAll("(?ms)^(`{3,})sql\\n.*?^\\1$", "");
  }
}
