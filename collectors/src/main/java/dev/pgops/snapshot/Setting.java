package dev.pgops.snapshot;

/** A row of {@code pg_settings}: the value in its own unit, where it came from, and whether a restart is pending. */
public record Setting(
    String name, String setting, String unit, String vartype, String context, String source,
    String bootValue, String resetValue, String minValue, String maxValue, boolean pendingRestart) {}
