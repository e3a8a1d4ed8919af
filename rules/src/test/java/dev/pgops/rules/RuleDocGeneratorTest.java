package dev.pgops.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The checked-in rule pages under references/rules/ match the code (-Dgolden.update=true rewrites them). */
class RuleDocGeneratorTest {
  private static final Path DIR = Path.of("..", "references", "rules");

  @Test
  void referencePagesAreUpToDate() throws IOException {
    Map<String, String> files = RuleDocGenerator.generate(BuiltInRules.CATALOG, Checklist.builtIn());
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      try (Stream<Path> old = Files.list(DIR)) {
        for (Path p : old.toList()) Files.delete(p);
      }
      for (var e : files.entrySet()) Files.writeString(DIR.resolve(e.getKey()), e.getValue());
    }
    Set<String> onDisk;
    try (Stream<Path> s = Files.list(DIR)) {
      onDisk = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    assertThat(onDisk).as("stale or missing pages: run with -Dgolden.update=true").isEqualTo(files.keySet());
    for (var e : files.entrySet()) {
      assertThat(Files.readString(DIR.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
  }
}
