package dev.pgops.rules;

import dev.pgops.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A rule with its metadata read from {@link RuleInfo} and its side-car Markdown doc. */
public record RuleDescriptor(
    String id, Area area, String checklistItem, Severity severity, String summary, String since,
    List<String> aliases, List<Threshold> thresholds, String doc, RuleImplementation rule) {

  public static RuleDescriptor of(RuleImplementation rule) {
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(rule.getClass().getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(info.id(), info.area(), info.checklist(), info.severity(), info.summary(),
        info.since(), List.of(info.aliases()), List.copyOf(rule.thresholds()), loadDoc(rule, info.id()), rule);
  }

  /** The side-car {@code <id>.md} next to the rule class, or "" when it is missing. */
  private static String loadDoc(RuleImplementation rule, String id) {
    try (InputStream in = rule.getClass().getResourceAsStream(id + ".md")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The snapshot rule; IllegalStateException for a migration rule. */
  public Rule snapshotRule() {
    if (rule instanceof Rule r) return r;
    throw new IllegalStateException(id + " is not a snapshot rule");
  }

  public boolean hasDoc() {
    return !doc.isBlank();
  }
}
