package dev.pgops.rules;

import dev.pgops.findings.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata. The id is kebab-case and never changes once released (old ids go to aliases).
 * The side-car doc {@code <id>.md} sits next to the class as a resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  Area area();

  /** Checklist item id, e.g. "MNT-1". */
  String checklist();

  Severity severity();

  /** One line, no trailing period. */
  String summary();

  String since() default "0.1.0";

  String[] aliases() default {};
}
