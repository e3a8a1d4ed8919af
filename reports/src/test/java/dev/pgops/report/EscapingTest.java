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
  static String triage;
  static String json;
  static ReportModel model;

  @BeforeAll
  static void render() throws Exception {
    model = Samples.perfModel(Samples.xss(), "0".repeat(64), List.of(Samples.xssStatementFinding()));
    ReportWriter w = new ReportWriter();
    html = w.render(model, Format.HTML);
    md = w.render(model, Format.MARKDOWN);
    triage = w.renderTriageLog(model);
    json = w.render(model, Format.JSON);
  }

  @Test
  void anUnreadablePlanIsAOneLineEscapedNote() {
    PlanTreeView.Tree t = model.plans().plans().get(2).tree();
    assertThat(t.hasNote()).isTrue();
    assertThat(t.note()).isEqualTo("unreadable plan: no \"Plan\" object at the top level (keys: </details><script>alert(7)</script>)");
    assertThat(html).contains("<p class=\"reason\">unreadable plan: no &quot;Plan&quot; object at the top level (keys: "
        + "&lt;/details&gt;&lt;script&gt;alert(7)&lt;/script&gt;)</p>");
    assertThat(gfm(md)).contains("unreadable plan: no").doesNotContain("<script");
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

  @Test
  void hostileQueryTextIsInTheModelVerbatim() {
    assertThat(model.statements().rows()).extracting(PerfModel.StatementRow::query).contains(Samples.XSS_QUERY);
    assertThat(model.statements().rows().get(0).queryTruncated()).isTrue();
    assertThat(model.plans().plans().get(0).tree().root().children().get(0).relation())
        .contains("</details><script>alert(1)</script>");
    assertThat(model.triage().actions()).extracting(PerfModel.Action::sql).contains("ANALYZE public.\"weird```idx\";");
  }

  @Test
  void hostileQueryTextCannotCloseTheCollapsibleBlocksInHtml() {
    assertThat(html).doesNotContain("</details><script>", "alert(1)</script>", "alert(2)</script>", "alert(6)</script>",
        "'</code></pre>'");
    assertThat(html).contains("&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "&#39;x|y&#39;", "&#39;```&#39;");
    assertThat(count(html, "<script")).isEqualTo(1);
    assertThat(count(html, "<details")).isEqualTo(count(html, "</details>")).isGreaterThanOrEqualTo(2);
    assertThat(count(html, "<pre")).isEqualTo(count(html, "</pre>"));
    assertThat(count(html, "<code")).isEqualTo(count(html, "</code>"));
  }

  @Test
  void hostileQueryTextStaysInsideItsFenceAndTableRowsInMarkdown() {
    // the query holds runs of 3 and 4 backticks: its fence is 5 long, and the text inside is verbatim
    assertThat(md).contains("`````sql\n" + Samples.XSS_QUERY + "\n`````\n");
    String prose = withoutFencedCode(md);
    assertThat(prose).doesNotContainPattern("(?<!\\\\)<(script|/details|details)");
    assertThat(prose).contains("\\</details\\>\\<script\\>alert\\(1\\)\\</script\\>");
    String header = md.lines().filter(l -> l.startsWith("| # | Query id |")).findFirst().orElseThrow();
    md.lines().filter(l -> l.matches("\\| [12] \\| .*")).forEach(row ->
        assertThat(unescapedPipes(row)).as(row).isEqualTo(unescapedPipes(header)));
    assertThat(gfm(md)).doesNotContain("<script", "<details", "</details", "<img");
  }

  @Test
  void triageLogEscapesHostileTextAndFencesRemediations() {
    String prose = withoutFencedCode(triage);
    assertThat(prose).doesNotContainPattern("(?<!\\\\)<(script|/details|details|img)");
    assertThat(prose).contains("\\</details\\>\\<script\\>alert\\(1\\)\\</script\\>");
    // the remediation holds a run of 3 backticks: fenced with 4
    assertThat(triage).contains("````sql\nANALYZE public.\"weird```idx\";\n````\n");
    // the verify query is built from the numeric query ids only (43: the plan rules report its unreadable plan)
    assertThat(triage).contains("WHERE queryid IN (-7, 42, 43)");
    String rendered = gfm(triage);
    assertThat(rendered).doesNotContain("<script", "<details", "</details", "<img");
    assertThat(rendered).contains("&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void jsonCarriesTheHostileQueryTextExactly() throws Exception {
    com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(doc.path("statements").get(0).path("query").asText()).isEqualTo(Samples.XSS_QUERY);
    assertThat(doc.path("plans").get(1).path("reason").asText()).contains("</details><script>alert(2)</script>\" | `");
    assertThat(doc.path("pressure").path("reason").asText()).endsWith("<script>alert(6)</script>");
  }

  static String gfm(String markdown) {
    MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
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
