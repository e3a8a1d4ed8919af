package dev.pgops.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every recorded fixture (PostgreSQL 13–18) parses, and its normalised facts hold. */
class ExplainParserTest {
  static final Path DIR = PlanFixtureRecorder.DIR;
  static final int[] MAJORS = {13, 14, 15, 16, 17, 18};

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  static Stream<Integer> majors() {
    return Stream.of(13, 14, 15, 16, 17, 18);
  }

  static ExplainPlan load(String name) {
    try {
      return ExplainParser.parse(name, Files.readString(DIR.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PlanNode first(ExplainPlan p, String type) {
    return p.nodes().stream().filter(n -> n.nodeType().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in plan"));
  }

  @Test
  void everyMajorAndCaseWasRecorded() throws IOException {
    List<String> names = fixtures().toList();
    assertThat(names).hasSizeGreaterThan(200);
    for (int m : MAJORS) {
      for (PlanFixtureRecorder.Case c : PlanFixtureRecorder.CASES) {
        if (m < c.minMajor()) continue;
        assertThat(names).contains("pg" + m + "-" + c.name() + ".json", "pg" + m + "-" + c.name() + "-plain.json");
      }
    }
    assertThat(names).contains("pg16-seq-scan-selective-generic.json", "pg18-nested-loop-generic.json");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFixtureParsesWithStablePathsAndOptionFlags(String name) {
    ExplainPlan p = load(name);
    assertThat(p.root().path()).isEqualTo("0");
    Set<String> paths = new HashSet<>();
    for (PlanNode n : p.nodes()) {
      assertThat(paths.add(n.path())).as("unique path " + n.path()).isTrue();
      n.parent().ifPresent(par -> assertThat(n.path()).startsWith(par.path() + "."));
      assertThat(n.label()).isNotBlank();
      assertThat(n.exclusiveCost()).isBetween(0.0, n.totalCost() + 1e-9);
    }
    boolean estimatesOnly = name.endsWith("-plain.json") || name.endsWith("-generic.json");
    assertThat(p.analyzed()).as("analyzed").isEqualTo(!estimatesOnly);
    if (estimatesOnly) {
      assertThat(p.nodes()).allSatisfy(n -> assertThat(n.actualRows()).isNull());
      assertThat(p.executionTimeMs()).isNull();
      assertThat(p.timing()).isFalse();
      assertThat(p.buffers()).isFalse();
      assertThat(p.hasSettings()).as("SETTINGS option").isTrue();
    } else if (!name.contains("default-options")) {
      assertThat(p.timing()).isTrue();
      assertThat(p.buffers()).isTrue();
      assertThat(p.verbose()).isTrue();
      assertThat(p.executionTimeMs()).isPositive();
      for (PlanNode n : p.nodes()) {
        if (n.neverExecuted()) continue;
        assertThat(n.exclusiveTimeMs()).isBetween(0.0, n.totalTimeMs() + 1e-9);
        Buffers ex = n.exclusiveBuffers();
        assertThat(ex.sharedHit()).isBetween(0L, n.buffers().sharedHit());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("majors")
  void bufferOutputIsOnByDefaultWithAnalyzeOnlyFrom18(int major) {
    ExplainPlan p = load("pg" + major + "-default-options.json");
    assertThat(p.analyzed()).isTrue();
    assertThat(p.verbose()).isFalse();
    assertThat(p.buffers()).isEqualTo(major >= 18);
  }

  @ParameterizedTest
  @MethodSource("majors")
  void ioTimingKeysAreReadUnderTheirOldAndNewNames(int major) {
    ExplainPlan p = load("pg" + major + "-seq-scan-selective.json");
    assertThat(p.ioTiming()).isTrue();
    PlanNode scan = p.root();
    assertThat(scan.raw().has(major >= 17 ? "Shared I/O Read Time" : "I/O Read Time")).isTrue();
    assertThat(scan.buffers().ioReadMs()).isNotNull();
  }

  @Test
  void pg18ReportsFractionalRowsPerLoop() {
    ExplainPlan p = load("pg18-nested-loop.json");
    assertThat(p.nodes()).anySatisfy(n -> {
      assertThat(n.actualRows()).isNotNull();
      assertThat(n.actualRows() % 1).isNotZero();
      assertThat(n.totalRows()).isCloseTo(n.actualRows() * n.loops(), within(1e-9));
    });
    // before 18 the same per-loop figure is rounded to an integer
    assertThat(load("pg17-nested-loop.json").nodes()).allSatisfy(n -> assertThat(n.actualRows() % 1).isZero());
  }

  @ParameterizedTest
  @MethodSource("majors")
  void recordedProblemsShowInTheNormalisedFacts(int major) {
    String pg = "pg" + major + "-";
    PlanNode sort = first(load(pg + "sort-spill.json"), "Sort");
    assertThat(sort.sortDiskKb()).isGreaterThan(1000);
    assertThat(sort.sortMethod()).startsWith("external");
    assertThat(sort.exclusiveTimeMs()).isCloseTo(sort.totalTimeMs() - sort.children().get(0).totalTimeMs(), within(1e-6));

    PlanNode mis = first(load(pg + "misestimate.json"), "Seq Scan");
    assertThat(mis.misestimateFactor()).isGreaterThanOrEqualTo(100);
    assertThat(mis.underestimated()).isTrue();
    assertThat(mis.qualifiedRelation()).isEqualTo("public.orders");
    assertThat(mis.label()).isEqualTo("Aggregate > Seq Scan on public.orders");
    assertThat(mis.path()).isEqualTo("0.0");

    PlanNode seq = first(load(pg + "seq-scan-selective.json"), "Seq Scan");
    assertThat(seq.totalRowsRemovedByFilter()).isEqualTo(199800);
    assertThat(seq.totalRows()).isEqualTo(200);

    ExplainPlan nl = load(pg + "nested-loop.json");
    PlanNode join = first(nl, "Nested Loop");
    PlanNode inner = join.children().stream().filter(c -> "Inner".equals(c.parentRelationship())).findFirst().orElseThrow();
    assertThat(inner.loops()).isGreaterThanOrEqualTo(1000);

    assertThat(first(load(pg + "hash-batches.json"), "Hash").hashBatches()).isGreaterThan(1);
    PlanNode agg = first(load(pg + "hashagg-spill.json"), "Aggregate");
    assertThat(agg.strategy()).isEqualTo("Hashed");
    assertThat(agg.hashAggBatches()).isGreaterThan(1);
    assertThat(agg.diskUsageKb()).isPositive();
    assertThat(first(load(pg + "lossy-bitmap.json"), "Bitmap Heap Scan").lossyHeapBlocks()).isPositive();

    ExplainPlan gather = load(pg + "gather.json");
    PlanNode g = first(gather, "Gather");
    assertThat(g.workersLaunched()).isEqualTo(2);
    PlanNode par = first(gather, "Seq Scan");
    assertThat(par.parallelAware()).isTrue();
    assertThat(par.gatherAbove()).contains(g);
    assertThat(par.processes()).isEqualTo(3);
    assertThat(par.totalTimeMs()).isCloseTo(par.actualTotalTimeMs() * par.loops() / 3, within(1e-9));
    assertThat(par.description()).startsWith("Parallel Seq Scan on public.orders");
    assertThat(first(load(pg + "workers-not-launched.json"), "Gather").workersLaunched()).isZero();

    ExplainPlan trig = load(pg + "trigger-time.json");
    assertThat(trig.triggers()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("audited_slow");
      assertThat(t.calls()).isEqualTo(200);
    });
    PlanNode fn = first(load(pg + "function-scan.json"), "Function Scan");
    assertThat(fn.planRows()).isEqualTo(1000);
    assertThat(fn.functionName()).isEqualTo("few_rows");
    assertThat(load(pg + "sort-spill-plain.json").settings()).containsEntry("work_mem", "64kB");
  }

  @Test
  void genericPlansHaveEstimatesOnly() {
    ExplainPlan p = load("pg16-seq-scan-selective-generic.json");
    assertThat(p.analyzed()).isFalse();
    assertThat(p.root().filter()).contains("$1");
    assertThat(p.root().neverExecuted()).isFalse();
    assertThat(p.root().misestimateFactor()).isNull();
  }

  @Test
  void initPlansAreNotSubtractedFromTheirParent() {
    ExplainPlan p = load("pg13-cte-materialized.json");
    PlanNode cteScan = first(p, "CTE Scan");
    PlanNode init = cteScan.children().get(0);
    assertThat(init.isInitPlan()).isTrue();
    assertThat(init.subplanName()).isEqualTo("CTE x");
    assertThat(cteScan.exclusiveTimeMs()).isEqualTo(cteScan.totalTimeMs());
    assertThat(cteScan.description()).isEqualTo("CTE Scan on x");
  }

  @Test
  void acceptsTheAutoExplainShapeAndABarePlanObject() throws Exception {
    ExplainPlan a = load("auto-explain.json");
    assertThat(a.queryText()).startsWith("SELECT * FROM orders");
    assertThat(a.root().nodeType()).isEqualTo("Seq Scan");
    assertThat(a.analyzed()).isTrue();
    var bare = new ObjectMapper().readTree(Files.readString(DIR.resolve("pg17-sort-spill.json"))).get(0);
    assertThat(ExplainParser.parse(bare).root().nodeType()).isEqualTo("Sort");
    // an auto_explain log line keeps its prefix before the JSON
    assertThat(ExplainParser.parse("LOG:  duration: 30.1 ms  plan:\n" + Files.readString(DIR.resolve("auto-explain.json")))
        .root().nodeType()).isEqualTo("Seq Scan");
  }

  @Test
  void stripsPsqlFraming() {
    ExplainPlan p = load("psql-framed.txt");
    assertThat(p.root().nodeType()).isEqualTo("Sort");
    assertThat(p.root().sortDiskKb()).isPositive();
    String boxed = """
        ╔════════════════════════════════╗
        ║ QUERY PLAN                     ║
        ╠════════════════════════════════╣
        ║ [{"Plan": {"Node Type": "Custom Scan", "Custom Plan Provider": "Citus Adaptive", ║
        ║  "Total Cost": 0, "Plan Rows": 100}}]   ║
        ╚════════════════════════════════╝
        (1 row)
        """;
    ExplainPlan citus = ExplainParser.parse("boxed", boxed.replace("╔", "").replace("╗", "").replace("╚", "").replace("╝", "").replace("╠", "").replace("╣", ""));
    assertThat(citus.root().nodeType()).isEqualTo("Custom Scan"); // unknown node types pass through
    assertThat(citus.root().text("Custom Plan Provider")).isEqualTo("Citus Adaptive");
    assertThat(ExplainParser.parse("|-framed", "| [{\"Plan\": {\"Node Type\": \"Result\"}}] |\n").root().nodeType()).isEqualTo("Result");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Seq Scan on orders  (cost=0.00..10.00 rows=100 width=4)", "[{\"Plan\": {\"Node Type\": ", "[]",
      "[{\"Plan\": {\"Node Type\": \"Result\"}}, {\"Plan\": {\"Node Type\": \"Result\"}}]", "{\"Query Text\": \"x\"}", "42"})
  void rejectsWhatIsNotAPlanWithOneLineNamingTheSource(String text) {
    assertThatThrownBy(() -> ExplainParser.parse("slow.json", text))
        .isInstanceOf(ExplainFormatException.class)
        .hasMessageStartingWith("slow.json: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void textFormatIsNamedAsSuch() {
    assertThatThrownBy(() -> ExplainParser.parse("q.txt", "Sort  (cost=1.00..2.00 rows=1 width=4)\n  ->  Seq Scan on t"))
        .hasMessageContaining("text-format EXPLAIN");
  }
}
