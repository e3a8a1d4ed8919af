package dev.pgops.review;

import dev.pgops.findings.Finding;
import dev.pgops.migration.ClassifiedStatement;
import dev.pgops.migration.MigrationFile;
import java.util.ArrayList;
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

  /**
   * The same review with every statement as {@code files} classify it: the files it was run on, cross-checked
   * since ({@link dev.pgops.migration.MigrationReader#crossChecked}). Only {@code classifiedBy} may differ.
   */
  public ReviewResult withClassified(List<MigrationFile> files) {
    if (files.size() != this.files.size()) throw new IllegalArgumentException("not the reviewed files");
    List<ReviewFile> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      ReviewFile rf = this.files.get(i);
      List<ClassifiedStatement> cs = files.get(i).statements();
      if (cs.size() != rf.statements().size()) throw new IllegalArgumentException("not the reviewed file: " + rf.file());
      List<ReviewStatement> rs = new ArrayList<>(cs.size());
      for (int j = 0; j < cs.size(); j++) rs.add(rf.statements().get(j).withClassified(cs.get(j)));
      out.add(new ReviewFile(rf.file(), rf.mode(), rs, rf.error()));
    }
    return new ReviewResult(out, findings, suppressed, facts, options);
  }

  public int statementCount() {
    return files.stream().mapToInt(f -> f.statements().size()).sum();
  }

  /** Files that could not be read or split. */
  public List<ReviewFile> failedFiles() {
    return files.stream().filter(ReviewFile::failed).toList();
  }
}
