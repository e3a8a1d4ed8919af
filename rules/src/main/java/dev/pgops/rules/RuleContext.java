package dev.pgops.rules;

import dev.pgops.findings.Finding;
import dev.pgops.findings.Location;
import dev.pgops.findings.Severity;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a rule gets besides the snapshot: its metadata, configured thresholds, the collection time
 * ("now" for every age), the statistics window, and a builder that fills a finding's id, severity,
 * area and checklist item from the metadata.
 */
public final class RuleContext {
  private final RuleDescriptor rule;
  private final Snapshot snapshot;
  private final PgopsConfig config;

  public RuleContext(RuleDescriptor rule, Snapshot snapshot, PgopsConfig config) {
    this.rule = rule;
    this.snapshot = snapshot;
    this.config = config;
  }

  public RuleDescriptor rule() {
    return rule;
  }

  /** The section's value, or ends this rule's evaluation as "not evaluated: reason". */
  public <T> T require(Section<T> section, String what) {
    if (section instanceof Section.Collected<T> c) return c.value();
    throw new NotEvaluatedException(what + " not collected: " + section.unavailableReason().orElse("unknown"));
  }

  /** Ends this rule's evaluation as "not evaluated" with the reason. */
  public NotEvaluatedException notEvaluated(String reason) {
    return new NotEvaluatedException(reason);
  }

  /** The configured value of a threshold the rule declared, else its default. */
  public double value(Threshold t) {
    if (!rule.thresholds().contains(t)) {
      throw new IllegalStateException(rule.id() + " reads undeclared threshold " + t.name());
    }
    return config.threshold(rule.id(), t.name()).orElse(t.defaultValue());
  }

  /** The {@code backup:} policy of pgops.yaml (defaults when absent). */
  public PgopsConfig.BackupPolicy backupPolicy() {
    return config.backup();
  }

  /** Collection time of the snapshot: the "now" every age is measured against. */
  public Instant now() {
    return snapshot.meta().collectedAt();
  }

  /**
   * How long the cumulative statistics cover: since the last stats reset of the database, or, when it
   * was never reset, since the server started (a lower bound). Empty when neither is known.
   */
  public Optional<Duration> statsWindow() {
    return statsWindow(snapshot.meta());
  }

  /** {@link #statsWindow()} of a snapshot's meta block, up to its collection time. */
  public static Optional<Duration> statsWindow(Meta meta) {
    Instant since = meta.statsReset() != null ? meta.statsReset() : meta.postmasterStartedAt();
    return since == null ? Optional.empty() : Optional.of(Duration.between(since, meta.collectedAt()));
  }

  /** True when usage statistics are too young to trust (window unknown counts as short). */
  public boolean statsWindowShort() {
    return statsWindow().map(this::windowShort).orElse(true);
  }

  /** True when a statistics window of this length is below the configured minimum ({@code statsWindowMinDays}). */
  public boolean windowShort(Duration window) {
    return window.toMinutes() < config.statsWindowMinDays() * 24 * 60;
  }

  public FindingBuilder finding(Location location, String message) {
    return new FindingBuilder(location, message);
  }

  /** Fills id, area and checklist item from the metadata; severity defaults to the rule's (or config's). */
  public final class FindingBuilder {
    private final Location location;
    private String message;
    private Severity severity = config.severity(rule.id()).orElse(rule.severity());
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private String remediation = "";
    private boolean usageBased;

    private FindingBuilder(Location location, String message) {
      this.location = location;
      this.message = message;
    }

    public FindingBuilder severity(Severity s) {
      this.severity = config.severity(rule.id()).orElse(s);
      return this;
    }

    public FindingBuilder evidence(String key, Object value) {
      evidence.put(key, value == null ? "" : String.valueOf(value));
      return this;
    }

    public FindingBuilder remediation(String text) {
      this.remediation = text;
      return this;
    }

    /** Marks a finding that rests on usage counters: it carries the window and is lowered when short. */
    public FindingBuilder usageBased() {
      this.usageBased = true;
      return this;
    }

    public Finding build() {
      Severity sev = severity;
      String msg = message;
      if (usageBased) {
        String window = statsWindow().map(RuleContext::human).orElse("unknown");
        evidence.put("statsWindow", window);
        if (statsWindowShort()) {
          sev = sev.lower().compareTo(Severity.LOW) < 0 ? Severity.LOW : sev.lower();
          msg = msg + " (statistics cover only " + window + ": confirm over a longer window)";
        }
      }
      return new Finding(rule.id(), sev, rule.area().id(), rule.checklistItem(), location, msg,
          new TreeMap<>(evidence), remediation, null);
    }
  }

  /** "3 d 4 h", "2 h 5 min", "40 s". */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s >= 86400) return (s / 86400) + " d " + (s % 86400) / 3600 + " h";
    if (s >= 3600) return (s / 3600) + " h " + (s % 3600) / 60 + " min";
    if (s >= 60) return (s / 60) + " min";
    return s + " s";
  }
}
