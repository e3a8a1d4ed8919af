package dev.pgops.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSpecTest {
  @TempDir Path home;

  private static final String OS_USER = System.getProperty("user.name");

  @Test
  void defaultsLikeLibpq() {
    ConnectionSpec s = ConnectionSpec.resolve(null, Map.of(), home);
    assertThat(s.host()).isEqualTo("localhost");
    assertThat(s.port()).isEqualTo(5432);
    assertThat(s.user()).isEqualTo(OS_USER);
    assertThat(s.database()).isEqualTo(OS_USER);
    assertThat(s.password()).isNull();
    assertThat(s.sslMode()).isNull();
  }

  @Test
  void libpqUriWithEverything() {
    ConnectionSpec s = ConnectionSpec.resolve("postgresql://alice:s%40cret@db1:6543/app?sslmode=require", Map.of(), home);
    assertThat(s).isEqualTo(new ConnectionSpec("db1", 6543, "app", "alice", "s@cret", "require"));
    assertThat(s.toString()).isEqualTo("postgresql://alice@db1:6543/app");
  }

  @Test
  void postgresSchemeAndQueryParameters() {
    ConnectionSpec s = ConnectionSpec.resolve("postgres:///app?host=db2&port=7000&user=bob&password=pw", Map.of(), home);
    assertThat(s).isEqualTo(new ConnectionSpec("db2", 7000, "app", "bob", "pw", null));
  }

  @Test
  void ipv6Host() {
    ConnectionSpec s = ConnectionSpec.resolve("postgresql://u@[::1]:5433/d", Map.of(), home);
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(5433);
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/d");
  }

  @Test
  void jdbcUrl() {
    ConnectionSpec s = ConnectionSpec.resolve("jdbc:postgresql://db3:5433/shop?user=carol&password=x&sslmode=verify-full", Map.of(), home);
    assertThat(s).isEqualTo(new ConnectionSpec("db3", 5433, "shop", "carol", "x", "verify-full"));
    assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db3:5433/shop");
    assertThat(ConnectionSpec.resolve("jdbc:postgresql://db3/shop?ssl=true", Map.of(), home).sslMode()).isEqualTo("require");
    assertThat(ConnectionSpec.resolve("jdbc:postgresql:shop", Map.of("PGUSER", "u"), home).database()).isEqualTo("shop");
  }

  @Test
  void environmentFillsWhatTheUrlLeavesOut() {
    Map<String, String> env = Map.of("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser",
        "PGDATABASE", "envdb", "PGPASSWORD", "envpw", "PGSSLMODE", "disable");
    assertThat(ConnectionSpec.resolve(null, env, home))
        .isEqualTo(new ConnectionSpec("envhost", 6000, "envdb", "envuser", "envpw", "disable"));
    assertThat(ConnectionSpec.resolve("postgresql://urluser@urlhost/urldb", env, home))
        .isEqualTo(new ConnectionSpec("urlhost", 6000, "urldb", "urluser", "envpw", "disable"));
  }

  @Test
  void explicitBeatsUriBeatsEnv() {
    Map<String, String> env = Map.of("PGUSER", "envuser", "PGHOST", "envhost");
    ConnectionSpec s = ConnectionSpec.resolve("postgresql://urluser@urlhost/urldb",
        Map.of("user", "cliuser"), env, home);
    assertThat(s.user()).isEqualTo("cliuser");
    assertThat(s.host()).isEqualTo("urlhost");
    assertThat(s.database()).isEqualTo("urldb");
  }

  @Test
  void databaseDefaultsToUser() {
    assertThat(ConnectionSpec.resolve(null, Map.of("PGUSER", "dave"), home).database()).isEqualTo("dave");
    assertThat(ConnectionSpec.resolve("postgresql://erin@h", Map.of(), home).database()).isEqualTo("erin");
  }

  @Test
  void pgpassLookupWithWildcardsAndEscapes() throws IOException {
    pgpass("""
        # comment
        otherhost:5432:*:alice:wrong
        db1:5432:app:alice:first\\:match
        db1:*:*:alice:later
        *:*:*:*:fallback
        """);
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1/app", Map.of(), home).password()).isEqualTo("first:match");
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1:6000/app", Map.of(), home).password()).isEqualTo("later");
    assertThat(ConnectionSpec.resolve("postgresql://zed@elsewhere/x", Map.of(), home).password()).isEqualTo("fallback");
  }

  @Test
  void pgpassSkippedWhenNoLineMatchesOrPasswordGiven() throws IOException {
    pgpass("db1:5432:app:alice:pw\n");
    assertThat(ConnectionSpec.resolve("postgresql://bob@db1/app", Map.of(), home).password()).isNull();
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1/app", Map.of("PGPASSWORD", "env"), home).password())
        .isEqualTo("env");
  }

  @Test
  void pgpassMissingOrTooOpenIsIgnored() throws IOException {
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1/app", Map.of(), home).password()).isNull();
    Path f = pgpass("*:*:*:*:pw\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1/app", Map.of(), home).password()).isNull();
  }

  @Test
  void pgpassfileEnvironmentVariable() throws IOException {
    Path f = home.resolve("custom-pass");
    Files.writeString(f, "*:*:*:alice:frompassfile\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    assertThat(ConnectionSpec.resolve("postgresql://alice@db1/app", Map.of("PGPASSFILE", f.toString()), null).password())
        .isEqualTo("frompassfile");
  }

  @Test
  void passwordNeverInToStringOrDescribe() {
    ConnectionSpec s = ConnectionSpec.resolve("postgresql://alice:Sup3rS3cret@db1:5432/app", Map.of(), home);
    assertThat(s.password()).isEqualTo("Sup3rS3cret");
    assertThat(s.toString()).isEqualTo("postgresql://alice@db1:5432/app").doesNotContain("Sup3rS3cret");
    assertThat(s.describe()).doesNotContain("Sup3rS3cret");
    assertThat(s.jdbcUrl()).doesNotContain("Sup3rS3cret");
    assertThat(s.redact("auth failed for Sup3rS3cret")).isEqualTo("auth failed for ***");
  }

  @Test
  void rejectsOtherSchemesAndBadPorts() {
    assertThatThrownBy(() -> ConnectionSpec.resolve("mysql://x", Map.of(), home)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectionSpec.resolve(null, Map.of("PGPORT", "abc"), home))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abc");
  }

  private Path pgpass(String content) throws IOException {
    Path f = home.resolve(".pgpass");
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }
}
