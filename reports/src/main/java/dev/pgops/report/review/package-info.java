/**
 * The outputs of {@code pgops review}: a {@link dev.pgops.report.review.ReviewModel} built once from a
 * {@link dev.pgops.review.ReviewResult} (findings numbered in file and line order, statements with their lock,
 * rewrite/scan, transaction, table size and duration band, the migration plan's checklist, rollback and
 * verification), rendered by {@link dev.pgops.report.review.ReviewWriter} as terminal text, GitHub Markdown (cut
 * to fit a pull-request comment), a self-contained HTML page, the JSON contract
 * ({@link dev.pgops.report.review.ReviewJson}), SARIF 2.1.0 ({@link dev.pgops.report.review.ReviewSarif}) and the
 * filled {@code assets/migration-plan.md}.
 *
 * <pre>{@code
 * ReviewResult result = new ReviewEngine(BuiltInRules.MIGRATION).review(MigrationReader.read(paths), facts, options, config);
 * ReviewModel model = ReviewModel.build(result, BuiltInRules.MIGRATION, ToolInfo.pgops(version), Instant.now());
 * ReviewWriter writer = new ReviewWriter(Path.of(""));
 * writer.write(model, ReviewFormat.SARIF, dir.resolve("review.sarif"));
 * writer.writePlan(model, dir.resolve(ReportWriter.MIGRATION_PLAN_FILE));
 * }</pre>
 *
 * The inverse statements of the rollback section come from {@link dev.pgops.report.review.Rollback}, the
 * verification queries from {@link dev.pgops.report.review.Verification}; templates only loop and print. SQL and
 * names from the migration are attacker-controlled: {@code review.ftlh} auto-escapes HTML, the Markdown templates
 * escape Markdown and put SQL only in fences longer than any backtick run it holds, the text output replaces
 * control characters, and verification queries carry names only inside string literals.
 */
package dev.pgops.report.review;
