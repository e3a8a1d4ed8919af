package dev.pgops.rules;

import dev.pgops.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A rule with its metadata read from {@link RuleInfo} and its side-car Markdown doc ({@link #doc()}, read from the
 * classpath on first use: a review or a check should not read some 180 documents it never shows).
 */
public record RuleDescriptor(
    String id, Area area, String checklistItem, Severity severity, String summary, String since,
    List<String> aliases, List<Threshold> thresholds, SideCarDoc sideCarDoc, RuleImplementation rule) {

  public static RuleDescriptor of(RuleImplementation rule) {
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(rule.getClass().getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(info.id(), info.area(), info.checklist(), info.severity(), info.summary(),
        info.since(), List.of(info.aliases()), List.copyOf(rule.thresholds()), new SideCarDoc(rule.getClass(), info.id()),
        rule);
  }

  /** The side-car {@code <id>.md} next to the rule class, or "" when it is missing. */
  public String doc() {
    return sideCarDoc.text();
  }

  /** {@code <id>.md} next to a rule class, read once on first use. */
  public static final class SideCarDoc {
    private final Class<?> owner;
    private final String name;
    private volatile String text;

    SideCarDoc(Class<?> owner, String id) {
      this.owner = owner;
      this.name = id + ".md";
    }

    public String text() {
      String t = text;
      if (t == null) {
        try (InputStream in = owner.getResourceAsStream(name)) {
          t = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        text = t;
      }
      return t;
    }
  }

  /** The snapshot rule; IllegalStateException for a migration rule. */
  public Rule snapshotRule() {
    if (rule instanceof Rule r) return r;
    throw new IllegalStateException(id + " is not a snapshot rule");
  }

  public boolean hasDoc() {
    return !doc().isBlank();
  }
}
