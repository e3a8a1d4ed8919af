package dev.pgops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One CLI invocation, JVM start included, over {@code ../shared/corpus/migrations}: runs the launcher
 * ({@code ./pgops review … --format json}) as a user would, several times, and prints wall time and
 * statements/s, next to a plain {@code java -jar} run without the launcher's start-up flags (the ratio shows what
 * they buy), and one more launcher run's phase times ({@code -Dpgops.timings}). Target (issue 4): ≤ 1.0 s wall on 2
 * cores. Run: {@code mvn -B -pl analyzer -am -Pbench verify}.
 */
public final class ReviewCliBench {
  private static final int RUNS = 11;

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (root != null && !Files.isRegularFile(root.resolve("pgops"))) root = root.getParent();
    if (root == null) throw new IllegalStateException("launcher ./pgops not found above " + System.getProperty("user.dir"));
    Path corpus = root.resolveSibling("shared").resolve("corpus/migrations");
    if (!Files.isDirectory(corpus)) {
      System.out.println("ReviewCliBench: no corpus at " + corpus + "; skipped");
      return;
    }
    Path out = Files.createTempDirectory("pgops-review-bench");
    List<String> launcher = List.of(root.resolve("pgops").toString(), "review", corpus.toString(), "--format", "json",
        "-o", out.toString());
    List<String> plainJava = List.of("java", "-jar", root.resolve("analyzer/target/pgops.jar").toString(), "review",
        corpus.toString(), "--format", "json", "-o", out.toString());
    run(launcher, root); // first use: builds the jar and the class-data archive if needed
    long statements = statements(out.resolve("review.json"));
    List<Long> viaLauncher = times(launcher, root);
    List<Long> viaJava = times(plainJava, root);
    long median = median(viaLauncher);
    System.out.printf("review CLI over %s: %d statements, %d cores, %s%n", corpus, statements,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.printf("  ./pgops review   : median %d ms (min %d, max %d) of %d runs = %.0f statements/s %s%n", median,
        Collections.min(viaLauncher), Collections.max(viaLauncher), RUNS, statements * 1000.0 / median,
        median <= 1000 ? "(target ≤ 1000 ms: met)" : "(target ≤ 1000 ms: NOT met)");
    System.out.printf("  java -jar (plain): median %d ms (min %d, max %d); launcher/plain = %.2f%n", median(viaJava),
        Collections.min(viaJava), Collections.max(viaJava), median / (double) median(viaJava));
    System.out.println("  one more launcher run, " + timings(launcher, root));
  }

  /** The "pgops: timings: …" line of a launcher run with -Dpgops.timings. */
  private static String timings(List<String> cmd, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().merge("PGOPS_JAVA_OPTS", "-Dpgops.timings=true", (a, b) -> a + " " + b);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return output.lines().filter(l -> l.startsWith("pgops: timings: ")).map(l -> l.substring("pgops: ".length()))
        .findFirst().orElse("timings: none printed");
  }

  private static List<Long> times(List<String> cmd, Path dir) throws Exception {
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      run(cmd, dir);
      ms.add((System.nanoTime() - t0) / 1_000_000);
    }
    return ms;
  }

  private static void run(List<String> cmd, Path dir) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null"))).start();
    int code = p.waitFor();
    if (code != 0 && code != 1) throw new IllegalStateException(String.join(" ", cmd) + " exited " + code);
  }

  private static long statements(Path json) throws Exception {
    JsonNode n = new ObjectMapper().readTree(json.toFile());
    return n.path("statements").size();
  }

  private static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
