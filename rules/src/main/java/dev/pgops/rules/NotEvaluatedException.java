package dev.pgops.rules;

/** Thrown through {@link RuleContext#require} when a rule's input is missing; carries the reason. */
public final class NotEvaluatedException extends RuntimeException {
  public NotEvaluatedException(String reason) {
    super(reason, null, false, false);
  }
}
