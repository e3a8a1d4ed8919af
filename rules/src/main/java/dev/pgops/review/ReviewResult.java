package dev.pgops.review;

import dev.pgops.findings.Finding;
import java.util.List;

/**
 * The outcome of a review.
 *
 * @param files      every file with its statements in context (failed files carry their error)
 * @param findings   the findings left after ignore directives, in file and line order
 * @param suppressed findings silenced by a {@code pgops:ignore} directive, with the reason as evidence
 * @param facts      what was known about the database
 * @param options    how the review ran
 */
public record ReviewResult(List<ReviewFile> files, List<Finding> findings, List<Finding> suppressed, ReviewFacts facts,
    ReviewOptions options) {

  public ReviewResult {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    suppressed = List.copyOf(suppressed);
  }

  public int statementCount() {
    return files.stream().mapToInt(f -> f.statements().size()).sum();
  }

  /** Files that could not be read or split. */
  public List<ReviewFile> failedFiles() {
    return files.stream().filter(ReviewFile::failed).toList();
  }
}
