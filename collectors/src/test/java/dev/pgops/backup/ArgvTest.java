package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgvTest {

  @Test
  void splitsOnWhitespaceWithShellQuoting() {
    assertThat(Argv.split("  pgbackrest   --config=/etc/pgbackrest/db.conf ")).containsExactly("pgbackrest",
        "--config=/etc/pgbackrest/db.conf");
    assertThat(Argv.split("sudo -u postgres '/opt/my tools/pgbackrest' --log-level-console=\"warn\""))
        .containsExactly("sudo", "-u", "postgres", "/opt/my tools/pgbackrest", "--log-level-console=warn");
    assertThat(Argv.split("a\\ b \"say \\\"hi\\\" \\\\ \\n\" 'it''s'")).containsExactly("a b", "say \"hi\" \\ \\n", "its");
    assertThat(Argv.split("x '' y")).containsExactly("x", "", "y");
    // no shell: these are plain words
    assertThat(Argv.split("wal-g; rm -rf / $(id) | cat")).containsExactly("wal-g;", "rm", "-rf", "/", "$(id)", "|", "cat");
    assertThat(Argv.split("   ")).isEmpty();
  }

  @Test
  void unterminatedQuotesAreErrors() {
    assertThatThrownBy(() -> Argv.split("barman -c '/etc/barman.conf")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unterminated '");
    assertThatThrownBy(() -> Argv.split("barman \"x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unterminated \"");
    assertThatThrownBy(() -> Argv.split("barman \\")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void renderQuotesOnlyWhatNeedsIt() {
    assertThat(Argv.render(List.of("pgbackrest", "--stanza=main", "/opt/my tools/x", "it's")))
        .isEqualTo("pgbackrest --stanza=main '/opt/my tools/x' 'it'\\''s'");
    assertThat(Argv.split(Argv.render(List.of("a b", "it's", "$x")))).containsExactly("a b", "it's", "$x");
  }
}
