package dev.pgops.rules;

/** One item of {@code references/checklist.md}. */
public record ChecklistItem(String id, Area area, String question) {}
