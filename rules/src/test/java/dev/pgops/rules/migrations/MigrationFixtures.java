package dev.pgops.rules.migrations;

import dev.pgops.findings.Finding;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.review.ReviewEngine;
import dev.pgops.review.ReviewFacts;
import dev.pgops.review.ReviewOptions;
import dev.pgops.review.ReviewResult;
import dev.pgops.review.Runner;
import dev.pgops.review.TableFacts;
import dev.pgops.review.TransactionMode;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.PgopsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lint fixtures: {@code fixtures/<rule-id>[.<variant>].sql} with {@code -- expect: <rule-id>[, …]} after the
 * offending statement's semicolon. Header lines set up the review:
 * <pre>
 * -- fixture: pg-version=12 runner=flyway transaction=per-file|none
 * -- fixture-table: public.orders bytes=40GB rows=300000000 indexes=6 index-bytes=18GB writes=120 columns=id:bigint,email:varchar(50) not-null-checks=email inbound-fks=public.items.order_fk
 * -- fixture-table: public.items bytes=2GB indexes=2 index-columns=items_pkey:id|items_order_created_idx:order_id+created_at
 * </pre>
 * {@code index-columns} lists the valid non-partial indexes, {@code |}-separated, as {@code name:col+col}
 * (a bare {@code col+col} is named {@code index1}, {@code index2} …).
 * A fixture-table line makes the review "connected" with those facts; without one there is no database.
 */
final class MigrationFixtures {
  static final Pattern EXPECT = Pattern.compile("--\\s*expect:\\s*(.+)");
  private static final Pattern HEADER = Pattern.compile("(?m)^--\\s*fixture:\\s*(.+)$");
  private static final Pattern TABLE = Pattern.compile("(?m)^--\\s*fixture-table:\\s*(\\S+)\\s*(.*)$");

  private MigrationFixtures() {}

  static Path dir() {
    try {
      return Path.of(MigrationFixtures.class.getResource("fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> all() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule a fixture is for: the file name up to the first dot. */
  static String ruleOf(Path fixture) {
    String n = fixture.getFileName().toString();
    return n.substring(0, n.indexOf('.'));
  }

  /** Reviews one fixture with every migration rule. */
  static ReviewResult review(Path fixture) throws IOException {
    String text = Files.readString(fixture);
    MigrationFile f = MigrationReader.read(fixture.getFileName().toString(), text);
    return review(List.of(f), text);
  }

  static ReviewResult review(List<MigrationFile> files, String headerText) {
    Map<String, String> h = new HashMap<>();
    Matcher m = HEADER.matcher(headerText);
    while (m.find()) for (String kv : m.group(1).trim().split("\\s+")) {
      String[] p = kv.split("=", 2);
      h.put(p[0], p.length > 1 ? p[1] : "");
    }
    ReviewOptions opts = ReviewOptions.defaults();
    if (h.containsKey("runner")) opts = opts.withRunner(Runner.parse(h.get("runner")));
    if (h.containsKey("transaction")) {
      opts = opts.withTransactionMode(h.get("transaction").equals("none") ? TransactionMode.NONE : TransactionMode.PER_FILE);
    }
    Integer major = h.containsKey("pg-version") ? Integer.valueOf(h.get("pg-version").split("\\.")[0]) : null;
    int versionNum = 0;
    if (h.containsKey("pg-version") && h.get("pg-version").contains(".")) {
      String[] v = h.get("pg-version").split("\\.");
      versionNum = Integer.parseInt(v[0]) * 10000 + Integer.parseInt(v[1]);
    }
    Map<String, TableFacts> tables = new LinkedHashMap<>();
    Map<String, String> timeouts = new LinkedHashMap<>();
    if (h.containsKey("role-lock-timeout")) timeouts.put("lock_timeout", "role migrator: " + h.get("role-lock-timeout"));
    if (h.containsKey("role-statement-timeout")) timeouts.put("statement_timeout", "role migrator: " + h.get("role-statement-timeout"));
    Matcher t = TABLE.matcher(headerText);
    while (t.find()) tables.put(t.group(1), table(t.group(1), t.group(2)));
    ReviewFacts facts = tables.isEmpty() && timeouts.isEmpty() && versionNum == 0
        ? ReviewFacts.none(major)
        : new ReviewFacts("fixture", major == null ? ReviewFacts.DEFAULT_MAJOR : major, versionNum, major != null,
            tables, timeouts, List.of());
    return new ReviewEngine(BuiltInRules.MIGRATION).review(files, facts, opts, PgopsConfig.defaults());
  }

  private static TableFacts table(String name, String spec) {
    Map<String, String> kv = new HashMap<>();
    for (String p : spec.trim().split("\\s+")) {
      if (p.isEmpty()) continue;
      String[] x = p.split("=", 2);
      kv.put(x[0], x.length > 1 ? x[1] : "");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    if (kv.containsKey("columns")) {
      for (String c : kv.get("columns").split(",(?![^(]*\\))")) {
        String[] x = c.split(":", 2);
        columns.put(x[0], x[1].replace('_', ' '));
      }
    }
    long bytes = bytes(kv.getOrDefault("bytes", "0"));
    Map<String, List<String>> indexColumns = indexColumns(kv.getOrDefault("index-columns", ""));
    return new TableFacts(name, bytes, bytes - bytes(kv.getOrDefault("index-bytes", "0")),
        Long.parseLong(kv.getOrDefault("rows", "0")),
        Integer.parseInt(kv.getOrDefault("indexes", String.valueOf(indexColumns.size()))),
        bytes(kv.getOrDefault("index-bytes", "0")),
        kv.containsKey("writes") ? Double.valueOf(kv.get("writes")) : null,
        kv.containsKey("inbound-fks") ? List.of(kv.get("inbound-fks").split(",")) : List.of(), columns,
        kv.containsKey("not-null-checks") ? List.of(kv.get("not-null-checks").split(",")) : List.of(),
        kv.containsKey("sessions") ? List.of(kv.get("sessions").replace('_', ' ')) : List.of(),
        indexColumns);
  }

  static Map<String, List<String>> indexColumns(String spec) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (spec.isEmpty()) return out;
    for (String index : spec.split("\\|")) {
      String[] x = index.split(":", 2);
      String name = x.length > 1 ? x[0] : "index" + (out.size() + 1);
      out.put(name, List.of((x.length > 1 ? x[1] : x[0]).split("\\+")));
    }
    return out;
  }

  static long bytes(String s) {
    Matcher m = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?").matcher(s.trim());
    if (!m.matches()) throw new IllegalArgumentException("bad size " + s);
    double n = Double.parseDouble(m.group(1));
    String u = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    long f = switch (u) {
      case "KB" -> 1L << 10;
      case "MB" -> 1L << 20;
      case "GB" -> 1L << 30;
      case "TB" -> 1L << 40;
      default -> 1;
    };
    return (long) (n * f);
  }

  /** Rule ids expected at each statement position "line:column". */
  static Map<String, List<String>> expectations(ReviewResult r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    r.files().forEach(f -> f.statements().forEach(s -> {
      for (String c : s.sql().trailingComments()) {
        Matcher m = EXPECT.matcher(c);
        if (!m.find()) continue;
        for (String id : m.group(1).split(",")) {
          out.computeIfAbsent(s.sql().line() + ":" + s.sql().column(), k -> new ArrayList<>()).add(id.trim().split("\\s+")[0]);
        }
      }
    }));
    return out;
  }

  static String position(Finding f) {
    var loc = (dev.pgops.findings.Location.SqlFile) f.location();
    return loc.line() + ":" + loc.column();
  }
}
