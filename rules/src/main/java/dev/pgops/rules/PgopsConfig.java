package dev.pgops.rules;

import dev.pgops.findings.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pgops.yaml}: per-rule switches, severity overrides and thresholds, waivers, the minimum
 * statistics window (days) under which usage-based findings are downgraded, and the backup policy.
 */
public record PgopsConfig(Map<String, RuleSettings> rules, List<Waiver> waivers, double statsWindowMinDays,
                          BackupPolicy backup) {

  public static final double DEFAULT_STATS_WINDOW_DAYS = 7;

  public PgopsConfig {
    rules = Map.copyOf(rules == null ? Map.of() : rules);
    waivers = List.copyOf(waivers == null ? List.of() : waivers);
    backup = backup == null ? BackupPolicy.defaults() : backup;
  }

  /** A configuration with the default backup policy. */
  public PgopsConfig(Map<String, RuleSettings> rules, List<Waiver> waivers, double statsWindowMinDays) {
    this(rules, waivers, statsWindowMinDays, BackupPolicy.defaults());
  }

  public static PgopsConfig defaults() {
    return new PgopsConfig(Map.of(), List.of(), DEFAULT_STATS_WINDOW_DAYS, BackupPolicy.defaults());
  }

  /** The same configuration with another backup policy. */
  public PgopsConfig withBackup(BackupPolicy policy) {
    return new PgopsConfig(rules, waivers, statsWindowMinDays, policy);
  }

  /** enabled null = default (on); severity null = the rule's own. */
  public record RuleSettings(Boolean enabled, Severity severity, Map<String, Double> thresholds) {
    public RuleSettings {
      thresholds = Map.copyOf(thresholds == null ? Map.of() : thresholds);
    }
  }

  /**
   * The {@code backup:} block: what the backup and restore-drill rules hold the catalogue to. Every duration is
   * positive. {@code retentionAge} and {@code drillRto} may be null: no such target, that part is not checked
   * (a drill's own recorded target still counts).
   *
   * @param rpo               recovery point objective: the most WAL that may be missing from the archive (archiving
   *                          stalled longer than max(rpo, 2 × archive_timeout) is a finding; a drill's measured RPO
   *                          above it too). Default 15 min (pg_gather's archive lag limit)
   * @param fullInterval      how often a full backup runs; the newest full is late after interval + 1 d (warn) and
   *                          interval + 2 d (critical), the grace being a threshold of {@code backup-full-too-old}.
   *                          Default 7 d (weekly: warn 8 d, critical 9 d)
   * @param anyBackupInterval how often any backup (full, differential or incremental) runs; late after interval + 2 h
   *                          (warn) and 2 × interval + 2 h (critical: a whole run missed). Default 1 d (26 h / 50 h)
   * @param retentionFullCount how many restorable full backups must be kept. Default 2
   * @param retentionAge      how far back a restore must reach (the oldest restorable backup at least this old), or
   *                          null. Default none
   * @param drillMaxAge       the newest passed restore drill must be younger than this. Default 90 d
   * @param drillRto          recovery time objective a drill's measured RTO is compared with, or null (then the
   *                          drill's own recorded target). Default none
   */
  public record BackupPolicy(Duration rpo, Duration fullInterval, Duration anyBackupInterval, int retentionFullCount,
                             Duration retentionAge, Duration drillMaxAge, Duration drillRto) {
    public static final Duration DEFAULT_RPO = Duration.ofMinutes(15);
    public static final Duration DEFAULT_FULL_INTERVAL = Duration.ofDays(7);
    public static final Duration DEFAULT_ANY_BACKUP_INTERVAL = Duration.ofDays(1);
    public static final int DEFAULT_RETENTION_FULL_COUNT = 2;
    public static final Duration DEFAULT_DRILL_MAX_AGE = Duration.ofDays(90);

    public BackupPolicy {
      rpo = positive(rpo, DEFAULT_RPO, "rpo");
      fullInterval = positive(fullInterval, DEFAULT_FULL_INTERVAL, "fullInterval");
      anyBackupInterval = positive(anyBackupInterval, DEFAULT_ANY_BACKUP_INTERVAL, "anyBackupInterval");
      drillMaxAge = positive(drillMaxAge, DEFAULT_DRILL_MAX_AGE, "drillMaxAge");
      if (retentionFullCount < 0) throw new IllegalArgumentException("retentionFullCount must not be negative");
      if (retentionAge != null) positive(retentionAge, null, "retentionAge");
      if (drillRto != null) positive(drillRto, null, "drillRto");
    }

    public static BackupPolicy defaults() {
      return new BackupPolicy(DEFAULT_RPO, DEFAULT_FULL_INTERVAL, DEFAULT_ANY_BACKUP_INTERVAL,
          DEFAULT_RETENTION_FULL_COUNT, null, DEFAULT_DRILL_MAX_AGE, null);
    }

    public Optional<Duration> retentionAgeTarget() {
      return Optional.ofNullable(retentionAge);
    }

    public Optional<Duration> drillRtoTarget() {
      return Optional.ofNullable(drillRto);
    }

    private static Duration positive(Duration d, Duration fallback, String name) {
      if (d == null) return fallback;
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
      return d;
    }
  }

  public boolean enabled(String ruleId) {
    RuleSettings s = rules.get(ruleId);
    return s == null || s.enabled() == null || s.enabled();
  }

  public Optional<Severity> severity(String ruleId) {
    return Optional.ofNullable(rules.get(ruleId)).map(RuleSettings::severity);
  }

  public Optional<Double> threshold(String ruleId, String name) {
    return Optional.ofNullable(rules.get(ruleId)).map(s -> s.thresholds().get(name));
  }
}
