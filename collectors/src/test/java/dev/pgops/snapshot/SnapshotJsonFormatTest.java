package dev.pgops.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonFormatTest {
  @TempDir Path dir;

  static Snapshot sample() {
    Meta meta = new Meta(Meta.SCHEMA_VERSION, "test", Instant.parse("2026-11-23T10:00:00Z"), "PostgreSQL 17.11",
        new PgVersion(170011), "app", "mon", false, List.of("pg_monitor"), false,
        Instant.parse("2026-11-20T10:00:00Z"), null, new TreeMap<>(Map.of("plpgsql", "1.0")),
        new Meta.Timeouts(5000, 100, new TreeMap<>(Map.of("tables", 15000L))),
        List.of(new CollectorRun("settings", CollectorRun.Status.OK, "", 3, 1)));
    return new Snapshot(meta, Section.of(List.of(new Setting("work_mem", "4096", "kB", "integer", "user",
        "default", "4096", "4096", "64", "2147483647", false))), null, null, null, null, null, null, null, null,
        null, null, null, Section.unavailable("permission denied for table pg_authid (needs pg_monitor)"), null,
        null, null, null);
  }

  @Test
  void roundTripPlainAndGzip() throws Exception {
    for (String name : List.of("s.json", "s.json.gz")) {
      Path f = dir.resolve(name);
      String written = SnapshotJson.write(sample(), f);
      SnapshotJson.Loaded loaded = SnapshotJson.read(f);
      assertThat(loaded.snapshot()).isEqualTo(sample());
      // the hash check/demo put in the report without re-reading the file is the file's own hash
      assertThat(written).isEqualTo(loaded.sha256()).hasSize(64);
    }
  }

  @Test
  void truncatedGzipIsAOneLineFormatError() throws Exception {
    Path f = dir.resolve("s.json.gz");
    SnapshotJson.write(sample(), f);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> SnapshotJson.read(f))
        .isInstanceOf(SnapshotFormatException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("s.json.gz: "));
  }

  @Test
  void unsupportedSchemaVersionIsAOneLineFormatError() throws IOException {
    String json = new String(SnapshotJson.toBytes(sample()), StandardCharsets.UTF_8)
        .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99");
    assertThat(json).contains("\"schemaVersion\" : 99");
    Path f = dir.resolve("future.json");
    Files.writeString(f, json);
    assertThatThrownBy(() -> SnapshotJson.read(f))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("future.json: snapshot schemaVersion 99 is not supported (this pgops reads schemaVersion 1)");
  }
}
