package dev.pgops.rules.plans;

import static dev.pgops.rules.testing.Snap.snap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgops.plan.ExplainParser;
import dev.pgops.rules.testing.Snap;
import dev.pgops.snapshot.QueryPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The EXPLAIN JSON recorded from PostgreSQL 13–18 by the collectors' {@code PlanFixtureRecorder}
 * ({@code collectors/src/test/resources/dev/pgops/plan/}), read from the source tree, wrapped as
 * {@link QueryPlan}s for rule tests.
 */
final class PlanFixtures {
  static final List<Integer> MAJORS = List.of(13, 14, 15, 16, 17, 18);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = locate();

  private PlanFixtures() {}

  private static Path locate() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("collectors/src/test/resources/dev/pgops/plan");
      if (Files.isDirectory(d)) return d;
    }
    throw new IllegalStateException("plan fixtures not found above " + System.getProperty("user.dir"));
  }

  /** The fixture's top-level object (the single element of EXPLAIN's array). */
  static ObjectNode json(String name) {
    try {
      JsonNode n = JSON.readTree(Files.readString(DIR.resolve(name)));
      return (ObjectNode) (n.isArray() ? n.get(0) : n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture changed in place, e.g. to move a figure just across a threshold. */
  static ObjectNode edited(String name, Consumer<ObjectNode> edit) {
    ObjectNode n = json(name);
    edit.accept(n);
    return n;
  }

  static QueryPlan plan(String name) {
    return plan(name, json(name));
  }

  static QueryPlan plan(String id, JsonNode explain) {
    boolean analyzed = ExplainParser.parse(id, explain).analyzed();
    String method = id.contains("generic") ? "generic" : analyzed ? "analyze" : "generic-prepared";
    return new QueryPlan(id, "SELECT /* " + id + " */ 1", method, QueryPlan.OK, null, explain);
  }

  static Snap with(String... names) {
    Snap s = snap();
    for (String n : names) s.plan(plan(n));
    return s;
  }

  /** Every clean, analyzed fixture of every major: no rule may fire on these. */
  static Snap clean() {
    Snap s = snap();
    for (int m : MAJORS) {
      s.plan(plan("pg" + m + "-clean-pk-lookup.json"));
      s.plan(plan("pg" + m + "-clean-join.json"));
    }
    return s;
  }

  /** The node object at a path ("0.1.0") of a fixture's top-level object. */
  static ObjectNode node(ObjectNode top, String path) {
    JsonNode n = top.get("Plan");
    String[] parts = path.split("\\.");
    for (int i = 1; i < parts.length; i++) n = n.get("Plans").get(Integer.parseInt(parts[i]));
    return (ObjectNode) n;
  }
}
