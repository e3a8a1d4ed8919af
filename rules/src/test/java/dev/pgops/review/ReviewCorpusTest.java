package dev.pgops.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.findings.Finding;
import dev.pgops.migration.CrossCheck;
import dev.pgops.migration.MigrationFile;
import dev.pgops.migration.MigrationReader;
import dev.pgops.migration.StatementKind;
import dev.pgops.rules.BuiltInRules;
import dev.pgops.rules.PgopsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reviews every project of {@code ../shared/corpus/migrations} (real migration histories) with every rule: no
 * crash, no unreadable file, at least 99 % of statements classified; prints the unknown ones and the findings per
 * rule (the material for judging false alarms). Skipped when the corpus is absent.
 */
class ReviewCorpusTest {

  static Path corpus() {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("shared/corpus/migrations"))) root = root.getParent();
    Assumptions.assumeTrue(root != null, "no shared/corpus/migrations above " + System.getProperty("user.dir")
        + "; corpus review skipped");
    return root.resolve("shared/corpus/migrations");
  }

  private static List<String> classifications(ReviewResult r) {
    return r.files().stream().flatMap(f -> f.statements().stream())
        .map(st -> st.sql().position() + " " + st.kind() + " " + st.classified().classifiedBy()).toList();
  }

  @Test
  void everyCorpusFileIsReviewedAndAtLeast99PercentClassified() throws Exception {
    Path corpus = corpus();
    List<Path> projects;
    try (Stream<Path> s = Files.list(corpus)) {
      projects = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(projects).isNotEmpty();
    int statements = 0;
    int files = 0;
    List<String> unknown = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> internalErrors = new ArrayList<>();
    Map<String, Integer> byRule = new TreeMap<>();
    for (Path project : projects) {
      List<MigrationFile> read = MigrationReader.read(List.of(project));
      ReviewResult r = new ReviewEngine(BuiltInRules.MIGRATION)
          .review(read, ReviewFacts.none(null), ReviewOptions.defaults(), PgopsConfig.defaults());
      // the CLI's pipeline (tokens, review while JSqlParser cross-checks, then classifiedBy) ends in the same place
      List<MigrationFile> byTokens = MigrationReader.readByTokens(List.of(project));
      CrossCheck check = CrossCheck.start(byTokens);
      ReviewResult pipelined = new ReviewEngine(BuiltInRules.MIGRATION)
          .review(byTokens, ReviewFacts.none(null), ReviewOptions.defaults(), PgopsConfig.defaults())
          .withClassified(check.join());
      assertThat(pipelined.findings()).isEqualTo(r.findings());
      assertThat(classifications(pipelined)).isEqualTo(classifications(r));
      files += r.files().size();
      statements += r.statementCount();
      r.failedFiles().forEach(f -> failed.add(f.error()));
      for (ReviewFile f : r.files()) {
        for (ReviewStatement st : f.statements()) {
          if (st.kind() == StatementKind.UNKNOWN) {
            String text = st.text().replaceAll("\\s+", " ");
            unknown.add(st.sql().position() + " " + text.substring(0, Math.min(100, text.length())));
          }
        }
      }
      for (Finding fi : r.findings()) {
        byRule.merge(fi.ruleId(), 1, Integer::sum);
        if (fi.message().startsWith("rule " + fi.ruleId() + " failed")) internalErrors.add(fi.location().key() + " " + fi.message());
      }
    }
    double classified = statements == 0 ? 1 : (statements - unknown.size()) / (double) statements;
    System.out.printf("corpus review: %d projects, %d files, %d statements, %.2f %% classified, %d unknown%n",
        projects.size(), files, statements, classified * 100, unknown.size());
    unknown.forEach(u -> System.out.println("UNKNOWN " + u));
    byRule.forEach((k, v) -> System.out.println("FINDINGS " + k + " " + v));
    assertThat(failed).as("files that could not be read").isEmpty();
    assertThat(internalErrors).as("rules that threw").isEmpty();
    assertThat(classified).isGreaterThanOrEqualTo(0.99);
  }
}
