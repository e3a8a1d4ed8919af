package dev.pgops.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan display tree: JSON shapes, exclusive shares, loops, misestimates, depth and count limits. */
class PlanTreeViewTest {

  @Test
  void readsTheArrayTheObjectWithPlanAndTheBarePlanNode() {
    String node = "{\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\", \"Startup Cost\": 0, \"Total Cost\": 10, \"Plan Rows\": 5}";
    for (String json : new String[] {"[{\"Plan\": " + node + "}]", "{\"Plan\": " + node + "}", node}) {
      PlanTreeView.Tree t = PlanTreeView.of(Samples.json(json));
      assertThat(t).as(json).isNotNull();
      assertThat(t.root().label()).isEqualTo("Seq Scan on t");
      assertThat(t.root().hot()).as("the only node has all the cost").isTrue();
    }
    assertThat(PlanTreeView.of(null)).isNull();
  }

  @Test
  void aPlanTheParserRejectsBecomesAOneLineNote() {
    PlanTreeView.Tree empty = PlanTreeView.of(Samples.json("[]"));
    assertThat(empty.hasNote()).isTrue();
    assertThat(empty.note()).isEqualTo("unreadable plan: empty JSON array, expected [ {\"Plan\": …} ]");
    assertThat(empty.root()).isNull();
    assertThat(empty.nodes()).isZero();
    PlanTreeView.Tree noPlan = PlanTreeView.of(Samples.json("{\"Query Text\": \"select 1\"}"));
    assertThat(noPlan.note()).startsWith("unreadable plan: no \"Plan\" object").doesNotContain("\n");
    assertThat(noPlan.mdLines()).extracting(PlanTreeView.Line::text).containsExactly(noPlan.note());
    PlanTreeView.Tree ok = PlanTreeView.of(Samples.json("{\"Plan\": {\"Node Type\": \"Result\", \"Total Cost\": 0.01}}"));
    assertThat(ok.hasNote()).isFalse();
    assertThat(ok.note()).isEmpty();
  }

  @Test
  void exclusiveTimeCountsEveryLoopOfTheInnerSide() {
    // nested loop 100 ms; outer 5 ms once; inner 0.09 ms x 1000 loops = 90 ms: the inner index scan is hot
    PlanTreeView.Tree t = PlanTreeView.of(Samples.json("""
        {"Plan": {"Node Type": "Nested Loop", "Join Type": "Left", "Startup Cost": 0, "Total Cost": 500, "Plan Rows": 10,
          "Actual Total Time": 100, "Actual Rows": 1000, "Actual Loops": 1,
          "Plans": [
            {"Node Type": "Seq Scan", "Relation Name": "a", "Startup Cost": 0, "Total Cost": 20, "Plan Rows": 10,
             "Actual Total Time": 5, "Actual Rows": 1000, "Actual Loops": 1},
            {"Node Type": "Index Scan", "Relation Name": "b", "Index Name": "b_pkey", "Startup Cost": 0, "Total Cost": 4,
             "Plan Rows": 1, "Actual Total Time": 0.09, "Actual Rows": 1, "Actual Loops": 1000},
            {"Node Type": "Seq Scan", "Relation Name": "c", "Startup Cost": 0, "Total Cost": 4, "Plan Rows": 1,
             "Actual Total Time": 0, "Actual Rows": 0, "Actual Loops": 0}]},
         "Execution Time": 101}"""));
    assertThat(t.timed()).isTrue();
    assertThat(t.root().type()).isEqualTo("Nested Loop (Left)");
    PlanTreeView.Node outer = t.root().children().get(0);
    PlanTreeView.Node inner = t.root().children().get(1);
    PlanTreeView.Node never = t.root().children().get(2);
    // the parser's description (as PostgreSQL's text format): "using <index>" before "on <relation>"
    assertThat(inner.label()).isEqualTo("Index Scan using b_pkey on b");
    assertThat(inner.type()).isEqualTo("Index Scan");
    assertThat(inner.relation()).isEqualTo("using b_pkey on b");
    assertThat(inner.hot()).isTrue();
    // 90 ms of the plan's runtime, the Execution Time of 101 ms
    assertThat(inner.shareLabel()).isEqualTo("89.1 % of time");
    assertThat(inner.actualLabel()).isEqualTo("actual 1 rows × 1,000 loops, 0.090 ms per loop");
    assertThat(t.root().hot()).as("5 ms of its own").isFalse();
    assertThat(outer.misestimate()).as("1000 vs 10 rows").isTrue();
    assertThat(outer.estimateLabel()).isEqualTo("under-estimated 100×");
    assertThat(inner.misestimate()).isFalse();
    assertThat(never.misestimate()).as("never executed: no estimate to judge").isFalse();
    assertThat(t.misestimates()).isEqualTo(2);
  }

  @Test
  void parallelWorkersShareTheTimeBelowAGather() {
    // 2 workers launched: the scan ran in 3 processes, 90 ms per loop x 3 loops / 3 = 90 ms of wall time
    PlanTreeView.Tree t = PlanTreeView.of(Samples.json("""
        [{"Plan": {"Node Type": "Gather", "Startup Cost": 0, "Total Cost": 900, "Plan Rows": 300, "Workers Planned": 2,
          "Workers Launched": 2, "Actual Total Time": 100, "Actual Rows": 300, "Actual Loops": 1,
          "Plans": [
            {"Node Type": "Seq Scan", "Parallel Aware": true, "Relation Name": "t", "Startup Cost": 0, "Total Cost": 800,
             "Plan Rows": 100, "Actual Total Time": 90, "Actual Rows": 100, "Actual Loops": 3}]},
          "Execution Time": 100}]"""));
    PlanTreeView.Node scan = t.root().children().get(0);
    assertThat(scan.label()).isEqualTo("Parallel Seq Scan on t");
    assertThat(scan.shareLabel()).isEqualTo("90.0 % of time");
    assertThat(t.root().shareLabel()).isEqualTo("10.0 % of time");
    assertThat(t.hotNodes()).isEqualTo(1);
  }

  @Test
  void fractionalRowCountsOfPg18AndOverEstimates() {
    PlanTreeView.Tree t = PlanTreeView.of(Samples.json("""
        [{"Plan": {"Node Type": "Index Scan", "Relation Name": "t", "Startup Cost": 0, "Total Cost": 8,
          "Plan Rows": 5000, "Actual Total Time": 0.2, "Actual Rows": 2.50, "Actual Loops": 4}}]"""));
    assertThat(t.root().actualLabel()).startsWith("actual 2.50 rows × 4 loops");
    assertThat(t.root().misestimate()).isTrue();
    assertThat(t.root().estimateLabel()).isEqualTo("over-estimated 2,000×");
  }

  @Test
  void markdownListIsLimitedInDepthAndCount() {
    StringBuilder json = new StringBuilder();
    int depth = 80;
    for (int i = 0; i < depth; i++) {
      json.append("{\"Node Type\": \"Materialize\", \"Startup Cost\": 0, \"Total Cost\": ").append(depth - i)
          .append(", \"Plan Rows\": 1").append(i + 1 < depth ? ", \"Plans\": [" : "");
    }
    for (int i = 0; i < depth; i++) json.append(i == 0 ? "}" : "]}");
    PlanTreeView.Tree t = PlanTreeView.of(Samples.json(json.toString()));
    assertThat(t.nodes()).isEqualTo(80);
    assertThat(t.mdLines()).hasSize(PlanTreeView.MD_MAX_DEPTH);
    assertThat(t.mdLines().get(11).indent()).hasSize(22);
    assertThat(t.mdOmitted()).isEqualTo(80 - PlanTreeView.MD_MAX_DEPTH);
    assertThat(t.hotNodes()).as("each node has 1/80 of the cost").isZero();
  }
}
