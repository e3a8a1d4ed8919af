package dev.pgops.report;

import dev.pgops.report.ReportModel.AreaBar;
import dev.pgops.report.ReportModel.TableBar;
import dev.pgops.report.ReportModel.XidBar;
import dev.pgops.report.ReportModel.XidChart;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, built from {@link ReportModel.ChartData}. Every piece of text
 * (table and database names come from the database) goes through {@link Xml#escape}, so the markup can
 * be passed to the template with {@code ?no_esc}. Colours come from CSS classes in {@code report.css}.
 */
public final class SvgCharts {
  private static final int LABEL_CHARS = 34;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SvgCharts() {}

  /** Horizontal bars, one per area, 0–100; areas without a score say "not evaluated". */
  public static String areaScores(List<AreaBar> bars) {
    int labelW = 150, barW = 380, rowH = 26, top = 8;
    int width = labelW + barW + 60;
    int height = top + rowH * Math.max(1, bars.size()) + 22;
    StringBuilder s = open(width, height, "Area scores, 0 to 100");
    for (int x = 0; x <= 100; x += 25) {
      int gx = labelW + barW * x / 100;
      s.append(line(gx, top - 2, gx, top + rowH * bars.size(), "grid"));
      s.append(text(gx, height - 6, "middle", "axis", Integer.toString(x)));
    }
    int y = top;
    for (AreaBar b : bars) {
      s.append(text(labelW - 8, y + 17, "end", "label", b.title()));
      if (b.score() == null) {
        s.append(text(labelW + 4, y + 17, "start", "muted", "not evaluated"));
      } else {
        int w = Math.max(2, barW * b.score() / 100);
        s.append("<rect class=\"bar ").append(scoreClass(b.score())).append("\" x=\"").append(labelW)
            .append("\" y=\"").append(y + 5).append("\" width=\"").append(w).append("\" height=\"16\" rx=\"2\">")
            .append("<title>").append(Xml.escape(b.title() + ": " + b.score())).append("</title></rect>");
        s.append(text(labelW + w + 6, y + 17, "start", "value", Integer.toString(b.score())));
      }
      y += rowH;
    }
    return s.append("</svg>").toString();
  }

  /** The largest tables by total size: heap, indexes and TOAST stacked, estimated heap bloat hatched. */
  public static String largestTables(List<TableBar> tables) {
    int labelW = 230, barW = 360, rowH = 26, top = 34;
    int width = labelW + barW + 90;
    int height = top + rowH * Math.max(1, tables.size()) + 8;
    StringBuilder s = open(width, height, "Largest tables by total size");
    s.append("<defs><pattern id=\"pgops-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs>");
    int lx = labelW;
    lx = legend(s, lx, "seg-table", "table");
    lx = legend(s, lx, "seg-index", "indexes");
    lx = legend(s, lx, "seg-toast", "TOAST");
    legendHatch(s, lx, "estimated bloat");
    long max = tables.stream().mapToLong(TableBar::totalBytes).max().orElse(1);
    if (max <= 0) max = 1;
    int y = top;
    for (TableBar t : tables) {
      s.append("<g><title>").append(Xml.escape(t.name() + ": total " + Human.bytes(t.totalBytes())
          + ", table " + Human.bytes(t.tableBytes()) + ", indexes " + Human.bytes(t.indexesBytes())
          + ", TOAST " + Human.bytes(t.toastBytes())
          + (t.bloatBytes() == null ? "" : ", estimated bloat " + Human.bytes(t.bloatBytes())))).append("</title>");
      s.append(text(labelW - 8, y + 17, "end", "label", shorten(t.name())));
      double x = labelW;
      double heapW = scale(t.tableBytes(), max, barW);
      s.append(rect(x, y + 5, heapW, "seg-table"));
      if (t.bloatBytes() != null && t.bloatBytes() > 0) {
        double bw = scale(Math.min(t.bloatBytes(), t.tableBytes()), max, barW);
        s.append("<rect x=\"").append(num(x + heapW - bw)).append("\" y=\"").append(y + 5).append("\" width=\"")
            .append(num(bw)).append("\" height=\"16\" fill=\"url(#pgops-hatch)\"/>");
      }
      x += heapW;
      double idxW = scale(t.indexesBytes(), max, barW);
      s.append(rect(x, y + 5, idxW, "seg-index"));
      x += idxW;
      double toastW = scale(t.toastBytes(), max, barW);
      s.append(rect(x, y + 5, toastW, "seg-toast"));
      x += toastW;
      s.append(text((int) Math.round(x) + 6, y + 17, "start", "value", Human.bytes(t.totalBytes())));
      s.append("</g>");
      y += rowH;
    }
    return s.append("</svg>").toString();
  }

  /** Each database's transaction ID age on a 0–2^31 axis, with the freeze, failsafe and wraparound marks. */
  public static String xidAge(XidChart chart) {
    List<XidBar> dbs = chart.databases().stream().limit(10).toList();
    int labelW = 150, barW = 440, rowH = 26, top = 40;
    int width = labelW + barW + 70;
    int height = top + rowH * Math.max(1, dbs.size()) + 24;
    double max = chart.wraparound();
    StringBuilder s = open(width, height, "Database transaction ID age against the wraparound limits");
    int bottom = top + rowH * dbs.size();
    for (long v = 0; v < chart.wraparound(); v += 500_000_000L) {
      int gx = (int) Math.round(labelW + scale(v, max, barW));
      s.append(line(gx, top - 2, gx, bottom, "grid"));
      s.append(text(gx, height - 6, "middle", "axis", Human.shortCount(v)));
    }
    marker(s, labelW + scale(chart.freezeMaxAge(), max, barW), top - 4, bottom, 12,
        "autovacuum_freeze_max_age " + Human.shortCount(chart.freezeMaxAge()), "limit-freeze");
    marker(s, labelW + scale(chart.failsafeAge(), max, barW), top - 4, bottom, 26,
        "failsafe " + Human.shortCount(chart.failsafeAge()), "limit-failsafe");
    marker(s, labelW + barW, top - 4, bottom, 12, "wraparound 2^31", "limit-wrap");
    int y = top;
    for (XidBar d : dbs) {
      String cls = d.xidAge() >= chart.failsafeAge() ? "bad" : d.xidAge() >= chart.freezeMaxAge() ? "warn" : "good";
      double w = Math.max(2, scale(Math.min(d.xidAge(), chart.wraparound()), max, barW));
      s.append("<g><title>").append(Xml.escape(d.database() + ": XID age " + Human.count(d.xidAge())))
          .append("</title>");
      s.append(text(labelW - 8, y + 17, "end", "label", shorten(d.database())));
      s.append("<rect class=\"bar ").append(cls).append("\" x=\"").append(labelW).append("\" y=\"").append(y + 5)
          .append("\" width=\"").append(num(w)).append("\" height=\"16\" rx=\"2\"/>");
      s.append(text((int) Math.round(labelW + w) + 6, y + 17, "start", "value", Human.shortCount(d.xidAge())));
      s.append("</g>");
      y += rowH;
    }
    return s.append("</svg>").toString();
  }

  /**
   * A backup catalogue's timeline: one lane per backup kind (full, differential, incremental, others) with each
   * backup as a bar from its start to its end, failed ones red and crossed, running ones hollow up to the collection
   * time; a lane of restore drills (diamonds, red when failed); the time axis ends at the collection time.
   */
  public static String backupTimeline(BackupsModel.Timeline t) {
    List<String> lanes = new ArrayList<>();
    for (String k : List.of("full", "differential", "incremental")) {
      if (t.marks().stream().anyMatch(m -> m.kind().equals(k))) lanes.add(k);
    }
    t.marks().stream().map(BackupsModel.Mark::kind).filter(k -> !lanes.contains(k)).distinct().sorted().forEach(lanes::add);
    lanes.add("drills");
    int labelW = 100, plotW = 600, rowH = 26, top = 30;
    int width = labelW + plotW + 70;
    int height = top + rowH * lanes.size() + 26;
    int bottom = top + rowH * lanes.size();
    long from = t.from().getEpochSecond(), to = Math.max(from + 1, t.to().getEpochSecond());
    StringBuilder s = open(width, height, t.caption());
    int lx = labelW;
    lx = legend(s, lx, "bk-full", "full");
    lx = legend(s, lx, "bk-differential", "differential");
    lx = legend(s, lx, "bk-incremental", "incremental");
    lx = legend(s, lx, "bk-failed", "failed");
    lx = legend(s, lx, "bk-running", "running");
    legend(s, lx, "drill-pass", "restore drill");
    long step = tickDays(to - from) * 86_400L;
    for (long d = (from / 86_400L + 1) * 86_400L; d < to; d += step) {
      double x = labelW + (double) (d - from) * plotW / (to - from);
      s.append(line((int) Math.round(x), top - 2, (int) Math.round(x), bottom, "grid"));
      s.append(text((int) Math.round(x), height - 8, "middle", "axis",
          DAY.format(Instant.ofEpochSecond(d))));
    }
    s.append("<line class=\"limit-now\" x1=\"").append(labelW + plotW).append("\" y1=\"").append(top - 6)
        .append("\" x2=\"").append(labelW + plotW).append("\" y2=\"").append(bottom).append("\"/>");
    s.append(text(labelW + plotW + 4, bottom, "start", "axis", "collected"));
    int y = top;
    for (String lane : lanes) {
      s.append(text(labelW - 8, y + 17, "end", "label", lane));
      s.append(line(labelW, y + 13, labelW + plotW, y + 13, "grid"));
      if (lane.equals("drills")) {
        for (BackupsModel.DrillMark d : t.drills()) {
          double x = labelW + (double) (d.at().getEpochSecond() - from) * plotW / (to - from);
          s.append("<polygon class=\"").append(d.passed() ? "drill-pass" : "drill-fail").append("\" points=\"")
              .append(num(x)).append(',').append(y + 5).append(' ').append(num(x + 7)).append(',').append(y + 13).append(' ')
              .append(num(x)).append(',').append(y + 21).append(' ').append(num(x - 7)).append(',').append(y + 13)
              .append("\"><title>").append(Xml.escape(d.label())).append("</title></polygon>");
        }
        if (t.drills().isEmpty()) s.append(text(labelW + 4, y + 17, "start", "muted", "no restore drill in this period"));
      } else {
        for (BackupsModel.Mark m : t.marks()) {
          if (!m.kind().equals(lane)) continue;
          double x1 = labelW + (double) (m.start().getEpochSecond() - from) * plotW / (to - from);
          double x2 = labelW + (double) (m.stop().getEpochSecond() - from) * plotW / (to - from);
          double w = Math.max(3, x2 - x1);
          String cls = "bk bk-" + cssWord(m.kind()) + (m.statusClass().equals("ok") ? "" : " bk-" + m.statusClass());
          s.append("<g><title>").append(Xml.escape(m.label())).append("</title><rect class=\"").append(cls)
              .append("\" x=\"").append(num(x1)).append("\" y=\"").append(y + 5).append("\" width=\"").append(num(w))
              .append("\" height=\"16\" rx=\"1\"/>");
          if (m.statusClass().equals("failed")) {
            double cx = x1 + w / 2;
            s.append("<path class=\"bk-cross\" d=\"M").append(num(cx - 4)).append(' ').append(y + 9).append(" L")
                .append(num(cx + 4)).append(' ').append(y + 17).append(" M").append(num(cx + 4)).append(' ').append(y + 9)
                .append(" L").append(num(cx - 4)).append(' ').append(y + 17).append("\"/>");
          }
          s.append("</g>");
        }
      }
      y += rowH;
    }
    return s.append("</svg>").toString();
  }

  /** Days between axis ticks: at most about eight ticks. */
  private static long tickDays(long spanSeconds) {
    long days = Math.max(1, spanSeconds / 86_400L);
    for (long step : new long[] {1, 2, 7, 14, 30, 61, 91, 182, 365}) {
      if (days / step <= 8) return step;
    }
    return 365 * Math.max(1, days / 365 / 8);
  }

  /** A CSS class word from a tool's kind ("incremental"); anything else becomes "other". */
  private static String cssWord(String kind) {
    return kind.matches("[a-z]+") ? kind : "other";
  }

  private static StringBuilder open(int width, int height, String title) {
    return new StringBuilder(4096)
        .append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"").append(Xml.escape(title)).append("\"><title>")
        .append(Xml.escape(title)).append("</title>");
  }

  private static void marker(StringBuilder s, double x, int y1, int y2, int labelY, String label, String cls) {
    s.append("<line class=\"").append(cls).append("\" x1=\"").append(num(x)).append("\" y1=\"").append(y1)
        .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(y2).append("\"/>");
    s.append(text((int) Math.round(x), labelY, "middle", "axis " + cls, label));
  }

  private static int legend(StringBuilder s, int x, String cls, String label) {
    s.append("<rect class=\"").append(cls).append("\" x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\"/>");
    s.append(text(x + 16, 18, "start", "axis", label));
    return x + 22 + label.length() * 7;
  }

  private static void legendHatch(StringBuilder s, int x, String label) {
    s.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"url(#pgops-hatch)\"/>");
    s.append(text(x + 16, 18, "start", "axis", label));
  }

  private static String rect(double x, int y, double w, String cls) {
    if (w <= 0) return "";
    return "<rect class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + y + "\" width=\"" + num(w) + "\" height=\"16\"/>";
  }

  private static String line(int x1, int y1, int x2, int y2, String cls) {
    return "<line class=\"" + cls + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
  }

  private static String text(int x, int y, String anchor, String cls, String text) {
    return "<text class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">"
        + Xml.escape(text) + "</text>";
  }

  private static double scale(long v, double max, int width) {
    return max <= 0 ? 0 : Math.max(0, v) * width / max;
  }

  /** One decimal, fixed locale: deterministic markup. */
  private static String num(double d) {
    long tenths = Math.round(d * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
  }

  private static String shorten(String name) {
    return name.length() <= LABEL_CHARS ? name : name.substring(0, LABEL_CHARS - 1) + "\u2026";
  }

  private static String scoreClass(int score) {
    return score >= 90 ? "good" : score >= 60 ? "warn" : "bad";
  }
}
