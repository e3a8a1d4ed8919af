/**
 * Reports: a {@link dev.pgops.report.ReportModel} built once from a snapshot, its evaluation and
 * scorecard, rendered by {@link dev.pgops.report.ReportWriter} as a self-contained HTML page, GitHub
 * Markdown or the JSON contract ({@link dev.pgops.report.JsonReport}).
 *
 * <pre>{@code
 * SnapshotJson.Loaded in = SnapshotJson.read(Path.of("snapshot.json"));
 * Evaluation ev = BuiltInRules.engine().evaluate(in.snapshot(), config);
 * Scorecard sc = Scorecard.of(Checklist.builtIn(), ev);
 * ReportModel model = ReportModel.build(in.snapshot(), in.sha256(), ev, sc, ToolInfo.pgops(version), Instant.now(clock));
 * new ReportWriter().write(model, Format.HTML, Path.of("report.html"));
 * new ReportWriter().writeTriageLog(model, Path.of(ReportWriter.TRIAGE_LOG_FILE));
 * }</pre>
 *
 * The performance part of the model ({@link dev.pgops.report.PerfModel}: top statements, plans, instance
 * pressure, the triage log's symptom, evidence, hypotheses, actions and checks) is built in the same
 * pass; {@link dev.pgops.report.PlanTreeView} turns the parsed plan ({@link dev.pgops.plan.ExplainParser}) into the display tree (hot nodes,
 * misestimates) that the HTML prints as nested {@code <details>}, without script.
 *
 * Templates live in {@code dev/pgops/report/templates/} and only loop and print: every string, count,
 * order and flag they need is precomputed in the model. {@code *.ftlh} escapes HTML, {@code *.ftlmd}
 * escapes Markdown ({@link dev.pgops.report.MarkdownOutputFormat}); {@code ?no_esc} is used only for
 * the inlined CSS and script, the SVG charts (escaped in Java) and fenced code (query texts and SQL,
 * fenced longer than any backtick run they hold).
 */
package dev.pgops.report;
