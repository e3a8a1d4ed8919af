package dev.pgops.plan;

/** The input is not an EXPLAIN (FORMAT JSON) plan; the message is one line naming the source and what is wrong. */
public final class ExplainFormatException extends RuntimeException {
  public ExplainFormatException(String source, String problem) {
    super(source + ": " + problem.replace('\n', ' '));
  }
}
