package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.report.review.ReviewFormat;
import dev.pgops.report.review.ReviewSamples;
import dev.pgops.report.review.ReviewWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Loads the HTML reports in headless Chromium over the DevTools protocol and checks what a browser
 * does with them: the hostile names in the XSS snapshot never run (no dialog, no exception, no console
 * error), nothing is fetched but the file itself, the one inline script is allowed by the CSP and
 * sorts tables. Saves full-page screenshots to {@code reports/target/}.
 */
class HtmlReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reportsLoadWithoutRunningInjectedScriptOrFetchingAnything() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed at /usr/bin/chromium: skipping the browser test");
    Path target = Path.of("target").toAbsolutePath();
    Files.createDirectories(target);
    ReportWriter writer = new ReportWriter();
    Path xssHtml = target.resolve("xss-report.html");
    writer.write(Samples.model(Samples.xss(), "0".repeat(64), dev.pgops.rules.PgopsConfig.defaults()), Format.HTML, xssHtml);
    Path basicHtml = target.resolve("basic-report.html");
    writer.write(Samples.model(Samples.basic(), "0".repeat(64), Samples.basicConfig()), Format.HTML, basicHtml);
    Path perfHtml = target.resolve("perf-report.html");
    writer.write(Samples.perfModel(Samples.perf(), "0".repeat(64)), Format.HTML, perfHtml);
    Path backupsHtml = target.resolve("backups-report.html");
    writer.write(Samples.backupsModel(Samples.backups(), "0".repeat(64)), Format.HTML, backupsHtml);
    ReviewWriter reviews = new ReviewWriter(target);
    Path reviewHtml = target.resolve("review.html");
    reviews.write(ReviewSamples.sample(), ReviewFormat.HTML, reviewHtml);
    Path hostileReviewHtml = target.resolve("review-xss.html");
    reviews.write(ReviewSamples.hostile(), ReviewFormat.HTML, hostileReviewHtml);

    Path profile = Files.createTempDirectory("pgops-chromium-");
    Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Cdp page = null;
    try {
      String browserWs = devToolsUrl(chromium);
      int port = URI.create(browserWs).getPort();
      HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
      HttpResponse<String> created = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
          .timeout(WAIT).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      String pageWs = JSON.readTree(created.body()).get("webSocketDebuggerUrl").asText();
      page = Cdp.connect(http, pageWs);
      for (String domain : List.of("Runtime", "Log", "Network", "Page")) page.call(domain + ".enable", Map.of());
      page.call("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));

      load(page, xssHtml);
      assertThat(eval(page, "document.querySelectorAll('table').length > 0").asBoolean()).isTrue();
      assertThat(eval(page, "document.querySelectorAll('script').length").asInt()).isEqualTo(1);
      assertThat(eval(page, "document.querySelectorAll('img').length").asInt()).isZero();
      assertThat(eval(page, "document.querySelectorAll('button.copy:not([hidden])').length > 0").asBoolean())
          .as("the inline script ran (CSP hash matches)").isTrue();
      JsonNode sort = JSON.readTree(eval(page, """
          (() => {
            const t = document.querySelector('#collectors table.sortable');
            const names = () => Array.from(t.tBodies[0].rows).map(r => r.cells[0].textContent).join(',');
            const before = names();
            t.tHead.rows[0].cells[0].click();
            const asc = names();
            t.tHead.rows[0].cells[0].click();
            return JSON.stringify({before, asc, desc: names()});
          })()""").asText());
      assertThat(sort.get("before").asText()).isEqualTo("tables,indexes,roles");
      assertThat(sort.get("asc").asText()).isEqualTo("indexes,roles,tables");
      assertThat(sort.get("desc").asText()).isEqualTo("tables,roles,indexes");
      screenshot(page, target.resolve("report-screenshot.png"));
      assertQuiet(page, xssHtml);

      page.events.clear();
      load(page, basicHtml);
      assertThat(eval(page, "document.querySelectorAll('article.finding').length").asInt()).isGreaterThan(5);
      assertThat(eval(page, "document.querySelectorAll('svg.chart').length").asInt()).isEqualTo(3);
      screenshot(page, target.resolve("report-basic-screenshot.png"));
      assertQuiet(page, basicHtml);

      page.events.clear();
      load(page, perfHtml);
      JsonNode perf = JSON.readTree(eval(page, """
          (() => {
            const tree = document.querySelectorAll('#plans .plan-tree details.node');
            const first = document.querySelector('#plans .plan-tree details.node > summary');
            const wasOpen = first.parentElement.open;
            first.click();
            const closed = !first.parentElement.open;
            first.click();
            const t = document.querySelector('#statements table.sortable');
            const ids = () => Array.from(t.tBodies[0].rows).map(r => r.cells[1].textContent.replace('plan', '').trim()).join(',');
            const totalHead = t.tHead.rows[0].cells[2];
            totalHead.click();
            const asc = ids();
            const trunc = document.querySelector('#statements td.query details');
            return JSON.stringify({details: tree.length, wasOpen, closed, reopened: first.parentElement.open,
              hot: document.querySelectorAll('#plans .plan-tree .node.hot').length,
              misestimate: document.querySelectorAll('#plans .plan-tree .node.misestimate').length,
              legend: document.querySelectorAll('#plans p.legend .badge').length,
              asc, scripts: document.querySelectorAll('script').length,
              truncatedQueries: document.querySelectorAll('#statements td.query details').length,
              statementLinks: document.querySelectorAll('#statements a[href^="#f-"]').length,
              pressureTables: document.querySelectorAll('#pressure table').length});
          })()""").asText());
      assertThat(perf.get("details").asInt()).as("collapsible plan tree").isGreaterThanOrEqualTo(5);
      assertThat(perf.get("wasOpen").asBoolean()).isTrue();
      assertThat(perf.get("closed").asBoolean()).as("a click on a node folds it, without script").isTrue();
      assertThat(perf.get("reopened").asBoolean()).isTrue();
      assertThat(perf.get("hot").asInt()).isEqualTo(2);
      assertThat(perf.get("misestimate").asInt()).isEqualTo(2);
      assertThat(perf.get("legend").asInt()).isEqualTo(3);
      assertThat(perf.get("asc").asText()).as("numeric sort by total time").isEqualTo(String.join(",",
          Samples.UTILITY, Samples.WRITER, Samples.POOR_CACHE, Samples.SPILLING, Samples.DOMINANT));
      assertThat(perf.get("scripts").asInt()).isEqualTo(1);
      assertThat(perf.get("truncatedQueries").asInt()).isEqualTo(1);
      assertThat(perf.get("statementLinks").asInt()).isGreaterThanOrEqualTo(5);
      assertThat(perf.get("pressureTables").asInt()).isEqualTo(4);
      // back to rank order (total time descending) for the screenshot, with the long query unfolded
      eval(page, "document.querySelector('#statements table.sortable').tHead.rows[0].cells[2].click()");
      eval(page, "document.querySelector('#statements td.query details').open = true");
      eval(page, "window.scrollTo(0, 0)");
      screenshot(page, target.resolve("report-perf-screenshot.png"));
      assertQuiet(page, perfHtml);

      // backups: two catalogue timelines (a hostile Barman server name), failed and running backups, drills
      page.events.clear();
      load(page, backupsHtml);
      JsonNode backups = JSON.readTree(eval(page, """
          (() => {
            const s = document.querySelector('#backups');
            const verdicts = s.querySelector('table.sortable:last-of-type');
            return JSON.stringify({
              timelines: s.querySelectorAll('figure svg.chart').length,
              failed: s.querySelectorAll('svg.chart rect.bk.bk-failed').length,
              running: s.querySelectorAll('svg.chart rect.bk.bk-running').length,
              drills: s.querySelectorAll('svg.chart polygon.drill-pass').length,
              titles: Array.from(s.querySelectorAll('.catalog > h3')).map(h => h.textContent).join(' / '),
              img: document.querySelectorAll('img').length,
              scripts: document.querySelectorAll('script').length,
              failedCheck: Array.from(s.querySelectorAll('td')).some(td => td.textContent.includes('<script>alert(8)</script>')),
              width: Math.round(s.querySelector('figure svg.chart').getBoundingClientRect().width)});
          })()""").asText());
      assertThat(backups.get("timelines").asInt()).isEqualTo(2);
      assertThat(backups.get("failed").asInt()).isEqualTo(1);
      assertThat(backups.get("running").asInt()).isEqualTo(1);
      assertThat(backups.get("drills").asInt()).isEqualTo(1);
      assertThat(backups.get("titles").asText()).contains("pgBackRest stanza 'main'", "Barman server '" + Samples.HOSTILE_SERVER + "'");
      assertThat(backups.get("failedCheck").asBoolean()).as("hostile tool text shown as text").isTrue();
      assertThat(backups.get("img").asInt()).isZero();
      assertThat(backups.get("scripts").asInt()).isEqualTo(1);
      assertThat(backups.get("width").asInt()).isPositive();
      eval(page, "document.querySelector('#backups').scrollIntoView()");
      screenshot(page, target.resolve("report-backups-screenshot.png"));
      assertQuiet(page, backupsHtml);

      // pgops review: hostile SQL never runs, the CSP lets the one script run (copy buttons, sorting), nothing fetched
      page.events.clear();
      load(page, hostileReviewHtml);
      assertThat(eval(page, "document.querySelectorAll('script').length").asInt()).isEqualTo(1);
      assertThat(eval(page, "document.querySelectorAll('img').length").asInt()).isZero();
      assertThat(eval(page, "document.querySelector('.banner code').textContent").asText()).contains("unterminated");
      assertThat(eval(page, "document.querySelector('#statements td.query pre').textContent").asText())
          .contains(ReviewSamples.XSS);
      assertQuiet(page, hostileReviewHtml);

      page.events.clear();
      load(page, reviewHtml);
      JsonNode review = JSON.readTree(eval(page, """
          (() => {
            const t = document.querySelector('#statements table.sortable');
            const first = () => t.tBodies[0].rows[0].cells[0].textContent;
            const before = first();
            const size = t.tHead.rows[0].cells[5];
            size.click(); size.click();
            const biggest = first();
            return JSON.stringify({before, biggest, rows: t.tBodies[0].rows.length,
              findings: document.querySelectorAll('article.finding').length,
              copies: document.querySelectorAll('button.copy:not([hidden])').length,
              links: document.querySelectorAll('#statements a.sev[href^="#f-"]').length});
          })()""").asText());
      assertThat(review.get("before").asText()).isEqualTo("migrations/V1__customers.sql:2:1");
      assertThat(review.get("biggest").asText()).as("numeric sort by table size, largest first").startsWith("migrations/V2__orders.sql:");
      assertThat(review.get("rows").asInt()).isEqualTo(27);
      assertThat(review.get("findings").asInt()).isGreaterThanOrEqualTo(4);
      assertThat(review.get("copies").asInt()).as("the inline script ran (CSP hash matches)").isGreaterThanOrEqualTo(4);
      assertThat(review.get("links").asInt()).isGreaterThanOrEqualTo(4);
      eval(page, "document.querySelector('#statements table.sortable').tHead.rows[0].cells[0].click()");
      eval(page, "window.scrollTo(0, 0)");
      screenshot(page, target.resolve("review-screenshot.png"));
      assertQuiet(page, reviewHtml);
    } finally {
      if (page != null) page.close();
      chromium.descendants().forEach(ProcessHandle::destroy);
      chromium.destroy();
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      deleteTree(profile);
    }
  }

  private static void load(Cdp page, Path html) throws Exception {
    CompletableFuture<JsonNode> loaded = page.next("Page.loadEventFired");
    JsonNode nav = page.call("Page.navigate", Map.of("url", html.toUri().toString()));
    assertThat(nav.has("errorText")).as("navigation: %s", nav).isFalse();
    loaded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // let late script errors and console messages arrive
    eval(page, "new Promise(r => setTimeout(() => r(true), 300))");
  }

  /** No exception, no console error/warning, no dialog, nothing fetched but the file itself. */
  private static void assertQuiet(Cdp page, Path html) {
    String self = html.toUri().toString();
    for (JsonNode e : page.events) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      switch (method) {
        case "Runtime.exceptionThrown" -> throw new AssertionError("script exception: " + p);
        case "Page.javascriptDialogOpening" -> throw new AssertionError("a dialog opened (injected script ran): " + p);
        case "Runtime.consoleAPICalled" -> assertThat(p.path("type").asText()).as("console: %s", p).isNotIn("error", "warning", "assert");
        case "Log.entryAdded" -> assertThat(p.path("entry").path("level").asText()).as("log: %s", p).isNotIn("error", "warning");
        case "Network.requestWillBeSent" -> {
          String url = p.path("request").path("url").asText();
          assertThat(url.equals(self) || url.startsWith("data:")).as("request to %s", url).isTrue();
        }
        default -> { }
      }
    }
    assertThat(page.events).anySatisfy(e -> assertThat(e.path("method").asText()).isEqualTo("Network.requestWillBeSent"));
  }

  private static JsonNode eval(Cdp page, String expression) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("expression", expression);
    params.put("returnByValue", true);
    params.put("awaitPromise", true);
    params.put("userGesture", true);
    JsonNode r = page.call("Runtime.evaluate", params);
    assertThat(r.has("exceptionDetails")).as("evaluate %s: %s", expression, r).isFalse();
    return r.path("result").path("value");
  }

  private static void screenshot(Cdp page, Path png) throws Exception {
    JsonNode size = page.call("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    ObjectNode clip = JSON.createObjectNode();
    clip.put("x", 0);
    clip.put("y", 0);
    clip.put("width", Math.ceil(size.path("width").asDouble(1280)));
    clip.put("height", Math.min(16000, Math.ceil(size.path("height").asDouble(900))));
    clip.put("scale", 1);
    ObjectNode params = JSON.createObjectNode();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    params.set("clip", clip);
    String data = page.call("Page.captureScreenshot", params).path("data").asText();
    Files.write(png, Base64.getDecoder().decode(data));
  }

  /** Reads chromium's stderr until the "DevTools listening on ws://…" line; keeps draining it afterwards. */
  private static String devToolsUrl(Process chromium) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    List<String> lines = new CopyOnWriteArrayList<>();
    Pattern p = Pattern.compile("DevTools listening on (ws://\\S+)");
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (lines.size() < 200) lines.add(line);
          Matcher m = p.matcher(line);
          if (m.find()) url.complete(m.group(1));
        }
      } catch (IOException ignored) {
        // the process went away
      }
      url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools URL: " + lines));
    }, "chromium-stderr");
    t.setDaemon(true);
    t.start();
    return url.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp dir
    }
  }

  /** A minimal DevTools protocol client: numbered calls with futures, every event recorded. */
  static final class Cdp implements WebSocket.Listener {
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<JsonNode>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static Cdp connect(HttpClient http, String url) throws Exception {
      Cdp cdp = new Cdp();
      cdp.ws = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(URI.create(url), cdp)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return cdp;
    }

    JsonNode call(String method, Object params) throws Exception {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(id, f);
      ObjectNode msg = JSON.createObjectNode();
      msg.put("id", id);
      msg.put("method", method);
      msg.set("params", JSON.valueToTree(params));
      ws.sendText(JSON.writeValueAsString(msg), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      JsonNode reply = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) throw new IllegalStateException(method + " failed: " + reply.get("error"));
      return reply.path("result");
    }

    /** Completes with the next event of this method (register before triggering it). */
    CompletableFuture<JsonNode> next(String method) {
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      waiters.computeIfAbsent(method, k -> new CopyOnWriteArrayList<>()).add(f);
      return f;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) f.complete(msg);
          } else {
            events.add(msg);
            List<CompletableFuture<JsonNode>> ws = waiters.remove(msg.path("method").asText());
            if (ws != null) ws.forEach(f -> f.complete(msg));
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "unparseable").put("text", text));
        }
      }
      webSocket.request(1);
      return null;
    }

    void close() {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        ws.abort();
      }
    }
  }
}
