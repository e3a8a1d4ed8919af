package dev.pgops.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgops.collect.catalog.TablesCollector;
import dev.pgops.collect.stats.ActivityCollector;
import dev.pgops.snapshot.PgVersion;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VersionedSqlTest {

  @Test
  void picksGreatestVariantNotAboveServerMajor() {
    VersionedSql sql = new VersionedSql("x", new TreeMap<>(Map.of(0, "base", 14, "v14", 16, "v16")));
    assertThat(sql.forMajor(13)).isEqualTo("base");
    assertThat(sql.forMajor(14)).isEqualTo("v14");
    assertThat(sql.forMajor(15)).isEqualTo("v14");
    assertThat(sql.forMajor(16)).isEqualTo("v16");
    assertThat(sql.forMajor(18)).isEqualTo("v16");
    assertThat(sql.forVersion(new PgVersion(170011))).isEqualTo("v16");
    assertThat(sql.fileFor(15)).isEqualTo("x.pg14.sql");
    assertThat(sql.fileFor(12)).isEqualTo("x.sql");
  }

  @Test
  void loadsResourcesNextToTheCollector() {
    VersionedSql tables = VersionedSql.of(TablesCollector.class, "tables");
    assertThat(tables.overrides()).containsExactly(16);
    assertThat(tables.forMajor(15)).contains("NULL::timestamptz AS last_seq_scan").doesNotContain("--");
    assertThat(tables.forMajor(16)).contains("s.last_seq_scan").doesNotContain("NULL::timestamptz AS last_seq_scan");
    assertThat(VersionedSql.of(TablesCollector.class, "databases").fileFor(14)).isEqualTo("databases.pg14.sql");
    assertThat(VersionedSql.of(TablesCollector.class, "databases").fileFor(13)).isEqualTo("databases.sql");
    assertThat(VersionedSql.of(ActivityCollector.class, "activity_summary").forMajor(17)).contains("reserved_connections')");
  }

  @Test
  void headerCommentsAndTrailingSemicolonAreDropped() {
    assertThat(VersionedSql.stripHeader("-- a.sql · pg_x\n-- why\n\nSELECT 1 -- keep\nFROM t;\n"))
        .isEqualTo("SELECT 1 -- keep\nFROM t");
  }

  @Test
  void everySqlFileOpensWithAHeaderNamingItself() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Path.of("src/main/resources/dev/pgops/collect");
    try (var files = java.nio.file.Files.walk(root)) {
      var sqlFiles = files.filter(f -> f.toString().endsWith(".sql")).toList();
      assertThat(sqlFiles).hasSizeGreaterThan(15);
      for (var f : sqlFiles) {
        String first = java.nio.file.Files.readAllLines(f).get(0);
        assertThat(first).as(f.toString()).startsWith("-- " + f.getFileName() + " · ");
      }
    }
  }

  @Test
  void missingBaseFails() {
    assertThatThrownBy(() -> VersionedSql.of(TablesCollector.class, "nope")).hasMessageContaining("nope.sql");
  }
}
