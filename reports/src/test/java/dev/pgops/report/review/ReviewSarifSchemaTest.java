package dev.pgops.report.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF output validates against the official OASIS SARIF 2.1.0 JSON schema (vendored next to this test, see
 * its NOTICE), and the validator does reject documents that break it, so the test can fail.
 */
class ReviewSarifSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = ReviewSarifSchemaTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
      assertThat(in).as("vendored schema").isNotNull();
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
  }

  private static List<String> errors(JsonNode doc) {
    return schema.validate(doc).stream().map(Error::toString).toList();
  }

  private static JsonNode sarif(ReviewModel m) throws Exception {
    return JSON.readTree(ReviewSarif.render(m, Path.of("")));
  }

  @Test
  void sampleReviewIsValidSarif() throws Exception {
    JsonNode doc = sarif(ReviewSamples.sample());
    assertThat(errors(doc)).isEmpty();
    JsonNode run = doc.path("runs").get(0);
    assertThat(doc.path("version").asText()).isEqualTo("2.1.0");
    assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("pgops");
    JsonNode rules = run.path("tool").path("driver").path("rules");
    assertThat(rules.size()).isGreaterThan(3);
    assertThat(rules.get(0).path("shortDescription").path("text").asText()).isNotBlank();
    assertThat(rules.get(0).path("help").path("markdown").asText()).contains("## Problem");
    JsonNode results = run.path("results");
    assertThat(results.size()).isGreaterThan(3);
    for (JsonNode r : results) {
      int index = r.path("ruleIndex").asInt();
      assertThat(rules.get(index).path("id").asText()).isEqualTo(r.path("ruleId").asText());
      JsonNode loc = r.path("locations").get(0).path("physicalLocation");
      assertThat(loc.path("artifactLocation").path("uri").asText()).startsWith("migrations/").doesNotContain("\\");
      assertThat(loc.path("region").path("startLine").asInt()).isPositive();
      assertThat(r.path("partialFingerprints").size()).isEqualTo(1);
    }
    // the pgops:ignore'd index build is a result with an in-source suppression carrying the reason
    assertThat(results).filteredOn(r -> r.has("suppressions")).singleElement().satisfies(r -> {
      assertThat(r.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
      assertThat(r.path("suppressions").get(0).path("justification").asText()).contains("small lookup table");
    });
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void hostileNamesAndAnUnreadableFileAreStillValidSarif() throws Exception {
    JsonNode doc = sarif(ReviewSamples.hostile());
    assertThat(errors(doc)).isEmpty();
    JsonNode inv = doc.path("runs").get(0).path("invocations").get(0);
    assertThat(inv.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(inv.path("toolExecutionNotifications").get(0).path("message").path("text").asText())
        .contains("unterminated");
    // URIs are percent-encoded references, never raw names
    assertThat(doc.path("runs").get(0).path("results").get(0).path("locations").get(0).path("physicalLocation")
        .path("artifactLocation").path("uri").asText()).startsWith("migrations/%3Cscript%3E");
  }

  @Test
  void brokenDocumentsAreRejected() throws Exception {
    ObjectNode noVersion = (ObjectNode) sarif(ReviewSamples.sample());
    noVersion.remove("version");
    assertThat(errors(noVersion)).isNotEmpty();

    ObjectNode badLevel = (ObjectNode) sarif(ReviewSamples.sample());
    ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    assertThat(errors(badLevel)).anySatisfy(e -> assertThat(e).contains("level"));

    ObjectNode lineZero = (ObjectNode) sarif(ReviewSamples.sample());
    ((ObjectNode) lineZero.path("runs").get(0).path("results").get(0).path("locations").get(0)
        .path("physicalLocation").path("region")).put("startLine", 0);
    assertThat(errors(lineZero)).anySatisfy(e -> assertThat(e).contains("startLine"));

    ObjectNode badSuppression = (ObjectNode) sarif(ReviewSamples.sample());
    for (JsonNode r : badSuppression.path("runs").get(0).path("results")) {
      if (r.has("suppressions")) ((ObjectNode) ((ArrayNode) r.path("suppressions")).get(0)).put("kind", "byComment");
    }
    assertThat(errors(badSuppression)).anySatisfy(e -> assertThat(e).contains("kind"));

    ObjectNode noTool = (ObjectNode) sarif(ReviewSamples.sample());
    ((ObjectNode) noTool.path("runs").get(0)).remove("tool");
    assertThat(errors(noTool)).anySatisfy(e -> assertThat(e).contains("tool"));
  }

  @Test
  void uriIsRelativeWithForwardSlashes() {
    Path base = Path.of("/work/repo");
    assertThat(ReviewSarif.uri("/work/repo/db/migrations/V1__x.sql", base)).isEqualTo("db/migrations/V1__x.sql");
    assertThat(ReviewSarif.uri("db\\migrations\\V1 x.sql", base)).isEqualTo("db/migrations/V1%20x.sql");
    assertThat(ReviewSarif.uri("./V1.sql", base)).isEqualTo("V1.sql");
    assertThat(ReviewSarif.uri("/elsewhere/V1.sql", base)).isEqualTo("file:///elsewhere/V1.sql");
    assertThat(ReviewSarif.uri("c:odd.sql", base)).isEqualTo("./c:odd.sql");
  }
}
