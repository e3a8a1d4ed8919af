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
  void extensionVersionsCompareNumericallyNotAsText() {
    assertThat(VersionedSql.extensionKey("1.8")).isEqualTo(1008);
    assertThat(VersionedSql.extensionKey("1.10")).isEqualTo(1010).isGreaterThan(VersionedSql.extensionKey("1.9"));
    assertThat(VersionedSql.extensionKey("2")).isEqualTo(2000);
    assertThat(VersionedSql.extensionKey("1.4.1")).isEqualTo(1004);
    assertThat(VersionedSql.extensionKey(" 3.1beta ")).isEqualTo(3001);
    assertThatThrownBy(() -> VersionedSql.extensionKey("dev")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VersionedSql.extensionKey(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void picksGreatestExtensionVariantNotAboveInstalledVersion() {
    VersionedSql sql = new VersionedSql("s", new TreeMap<>(Map.of(0, "base", 1009, "v1.9", 1011, "v1.11")), true);
    assertThat(sql.forExtension("1.8")).isEqualTo("base");
    assertThat(sql.forExtension("1.7")).isEqualTo("base");
    assertThat(sql.forExtension("1.9")).isEqualTo("v1.9");
    assertThat(sql.forExtension("1.10")).isEqualTo("v1.9");
    assertThat(sql.forExtension("1.11")).isEqualTo("v1.11");
    assertThat(sql.forExtension("1.12")).isEqualTo("v1.11");
    assertThat(sql.forExtension("2.0")).isEqualTo("v1.11");
    assertThat(sql.fileForExtension("1.10")).isEqualTo("s.ext1_9.sql");
    assertThat(sql.fileForExtension("1.8")).isEqualTo("s.sql");
    assertThatThrownBy(() -> sql.forMajor(17)).isInstanceOf(IllegalStateException.class);
    VersionedSql byServer = new VersionedSql("x", new TreeMap<>(Map.of(0, "base")));
    assertThatThrownBy(() -> byServer.forExtension("1.8")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void loadsExtensionVariantsNextToTheCollector() {
    VersionedSql top = VersionedSql.ofExtension(dev.pgops.collect.statements.StatementsCollector.class, "statements");
    assertThat(top.overrides()).containsExactly(1009, 1010, 1011);
    assertThat(top.fileForExtension("1.8")).isEqualTo("statements.sql");
    assertThat(top.fileForExtension("1.9")).isEqualTo("statements.ext1_9.sql");
    assertThat(top.fileForExtension("1.10")).isEqualTo("statements.ext1_10.sql");
    assertThat(top.fileForExtension("1.12")).isEqualTo("statements.ext1_11.sql");
    assertThat(top.forExtension("1.8")).contains("blk_read_time AS shared_read_ms").contains("true AS toplevel");
    assertThat(top.forExtension("1.11")).contains("shared_blk_read_time AS shared_read_ms").contains("jit_deform_time");
    assertThat(VersionedSql.ofExtension(dev.pgops.collect.statements.StatementsCollector.class, "statements_totals")
        .forExtension("1.9")).contains("pg_stat_statements_info");
  }

  @Test
  void missingBaseFails() {
    assertThatThrownBy(() -> VersionedSql.of(TablesCollector.class, "nope")).hasMessageContaining("nope.sql");
  }
}
