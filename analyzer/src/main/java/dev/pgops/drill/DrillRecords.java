package dev.pgops.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pgops.files.AtomicFiles;
import dev.pgops.snapshot.DrillRecord;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Drill records on disk: {@code drill-<id>.json} written with the deterministic snapshot mapper, read back
 * (JSON or YAML) with validation whose errors are one line naming the file and the field.
 *
 * <p>Validation: {@code drillId} (letters, digits, {@code . _ -}: it names the file), {@code tool}, {@code name},
 * {@code startedAt} and {@code outcome} ({@code pass} / {@code fail}) are required; a failed drill needs
 * {@code failure}; times are ISO-8601 with an offset and ordered {@code backupStoppedAt <= startedAt <= restoredAt
 * <= recoveredAt <= verifiedAt} (those given); second counts are whole and not negative; each verification step has
 * {@code step} and {@code result} ({@code ok} / {@code failed} / {@code skipped}); unknown fields are errors (a typo
 * would otherwise lose evidence). Normalisation: {@code tool}, {@code outcome} and step results lower-cased,
 * {@code rtoSeconds} computed from the times when missing.
 */
public final class DrillRecords {
  /** Files {@code --drills DIR} reads. */
  public static final String GLOB = "drill-*.json";
  private static final ObjectMapper JSON = SnapshotJson.mapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Set<String> FIELDS = Set.of("drillId", "tool", "name", "systemIdentifier", "backupId",
      "backupStoppedAt", "target", "pgVersion", "startedAt", "restoredAt", "recoveredAt", "verifiedAt", "rtoSeconds",
      "rpoSeconds", "rtoTargetSeconds", "rpoTargetSeconds", "verification", "outcome", "failure", "operator",
      "changeRecord");
  private static final Set<String> STEP_FIELDS = Set.of("step", "result", "details");
  private static final List<String> ORDER = List.of("backupStoppedAt", "startedAt", "restoredAt", "recoveredAt",
      "verifiedAt");

  private DrillRecords() {}

  /** A record file is invalid; the message is one line and names the file and the field. */
  public static final class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code drill-<id>.json}. */
  public static String fileName(DrillRecord r) {
    return "drill-" + r.drillId() + ".json";
  }

  /** Writes {@code dir/drill-<id>.json} atomically and returns the path. */
  public static Path write(DrillRecord r, Path dir) throws IOException {
    Path file = dir.resolve(fileName(r));
    AtomicFiles.write(file, out -> JSON.writeValue(out, r));
    return file;
  }

  /** Reads and validates one record; YAML when the name ends in {@code .yaml} / {@code .yml}, else JSON. */
  public static DrillRecord read(Path file) throws IOException, InvalidRecordException {
    String name = file.getFileName().toString();
    boolean yaml = name.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file + ": no such file");
    }
    JsonNode tree;
    try {
      tree = (yaml ? YAML : JSON).readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException(file + ": not valid " + (yaml ? "YAML" : "JSON") + " ("
          + oneLine(e.getOriginalMessage()) + ")");
    }
    return validate(tree, file.toString());
  }

  /** Validates a record given as a JSON tree; {@code source} prefixes every error. */
  public static DrillRecord validate(JsonNode tree, String source) throws InvalidRecordException {
    if (tree == null || !tree.isObject()) throw invalid(source, null, "expected an object in the drill record shape");
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw invalid(source, f, "unknown field (valid: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
    }
    String drillId = required(tree, source, "drillId");
    if (!ID.matcher(drillId).matches()) {
      throw invalid(source, "drillId", "'" + drillId + "' may hold only letters, digits, '.', '_' and '-' (it names the file drill-<id>.json)");
    }
    String tool = required(tree, source, "tool").toLowerCase(Locale.ROOT);
    String name = required(tree, source, "name");
    String outcome = required(tree, source, "outcome").toLowerCase(Locale.ROOT);
    if (!outcome.equals("pass") && !outcome.equals("fail")) {
      throw invalid(source, "outcome", "'" + outcome + "' is neither pass nor fail");
    }
    String failure = text(tree, source, "failure");
    if (outcome.equals("fail") && (failure == null || failure.isBlank())) {
      throw invalid(source, "failure", "required when outcome is fail (say why, in one line)");
    }
    Instant backupStoppedAt = time(tree, source, "backupStoppedAt");
    Instant startedAt = time(tree, source, "startedAt");
    if (startedAt == null) throw invalid(source, "startedAt", "required");
    Instant restoredAt = time(tree, source, "restoredAt");
    Instant recoveredAt = time(tree, source, "recoveredAt");
    Instant verifiedAt = time(tree, source, "verifiedAt");
    List<Instant> times = java.util.Arrays.asList(backupStoppedAt, startedAt, restoredAt, recoveredAt, verifiedAt);
    Instant prev = null;
    String prevName = null;
    for (int i = 0; i < times.size(); i++) {
      Instant t = times.get(i);
      if (t == null) continue;
      if (prev != null && t.isBefore(prev)) {
        throw invalid(source, ORDER.get(i), t + " is before " + prevName + " " + prev + " (times must be ordered "
            + String.join(" <= ", ORDER) + ")");
      }
      prev = t;
      prevName = ORDER.get(i);
    }
    Long rto = seconds(tree, source, "rtoSeconds");
    if (rto == null) {
      Instant end = verifiedAt != null ? verifiedAt : recoveredAt;
      if (end != null) rto = (Duration.between(startedAt, end).toMillis() + 999) / 1000;
    }
    List<DrillRecord.Step> steps = new ArrayList<>();
    JsonNode v = tree.get("verification");
    if (v != null && !v.isNull()) {
      if (!v.isArray()) throw invalid(source, "verification", "expected a list of steps");
      for (int i = 0; i < v.size(); i++) {
        steps.add(step(v.get(i), source, "verification[" + i + "]"));
      }
    }
    return new DrillRecord(drillId, tool, name, text(tree, source, "systemIdentifier"), text(tree, source, "backupId"),
        backupStoppedAt, text(tree, source, "target"), text(tree, source, "pgVersion"), startedAt, restoredAt,
        recoveredAt, verifiedAt, rto, seconds(tree, source, "rpoSeconds"), seconds(tree, source, "rtoTargetSeconds"),
        seconds(tree, source, "rpoTargetSeconds"), steps, outcome, failure, text(tree, source, "operator"),
        text(tree, source, "changeRecord"));
  }

  private static DrillRecord.Step step(JsonNode n, String source, String path) throws InvalidRecordException {
    if (n == null || !n.isObject()) throw invalid(source, path, "expected an object with step, result and details");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!STEP_FIELDS.contains(f)) throw invalid(source, path + "." + f, "unknown field (valid: details, result, step)");
    }
    String step = required(n, source, path + ".step", "step");
    String result = required(n, source, path + ".result", "result").toLowerCase(Locale.ROOT);
    if (!Set.of("ok", "failed", "skipped").contains(result)) {
      throw invalid(source, path + ".result", "'" + result + "' is not ok, failed or skipped");
    }
    return new DrillRecord.Step(step, result, text(n, source, path + ".details", "details"));
  }

  /**
   * The drills section of a snapshot from a directory of {@code drill-*.json}: a missing directory is
   * unavailable (with the reason), an existing one without records is collected and empty, and one unreadable
   * record makes the section unavailable naming the file (never a partial list that could hide a failed drill).
   * Records are ordered by start time, then id.
   */
  public static Section<List<DrillRecord>> section(Path dir) {
    if (!Files.exists(dir)) return Section.unavailable("drill records directory " + dir + " does not exist");
    if (!Files.isDirectory(dir)) return Section.unavailable("drill records path " + dir + " is not a directory");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      var glob = dir.getFileSystem().getPathMatcher("glob:" + GLOB);
      files = s.filter(p -> glob.matches(p.getFileName()) && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      return Section.unavailable("cannot list drill records in " + dir + ": " + oneLine(e.getMessage()));
    }
    List<DrillRecord> records = new ArrayList<>();
    for (Path f : files) {
      try {
        records.add(read(f));
      } catch (IOException e) {
        return Section.unavailable("cannot read drill record " + f + ": " + oneLine(e.getMessage()));
      } catch (InvalidRecordException e) {
        return Section.unavailable("invalid drill record " + e.getMessage());
      }
    }
    records.sort(Comparator.comparing(DrillRecord::startedAt).thenComparing(DrillRecord::drillId));
    return Section.of(List.copyOf(records));
  }

  // --- fields -------------------------------------------------------------------------------------

  private static String required(JsonNode n, String source, String field) throws InvalidRecordException {
    return required(n, source, field, field);
  }

  private static String required(JsonNode n, String source, String path, String field) throws InvalidRecordException {
    String s = text(n, source, path, field);
    if (s == null || s.isBlank()) throw invalid(source, path, "required");
    return s.strip();
  }

  private static String text(JsonNode n, String source, String field) throws InvalidRecordException {
    return text(n, source, field, field);
  }

  private static String text(JsonNode n, String source, String path, String field) throws InvalidRecordException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (v.isContainerNode()) throw invalid(source, path, "expected text, not " + (v.isArray() ? "a list" : "an object"));
    return v.asText();
  }

  private static Instant time(JsonNode n, String source, String field) throws InvalidRecordException {
    String s = text(n, source, field);
    if (s == null || s.isBlank()) return null;
    try {
      return OffsetDateTime.parse(s.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(source, field, "'" + s + "' is not an ISO-8601 time with an offset (e.g. 2026-11-24T10:00:00Z)");
    }
  }

  private static Long seconds(JsonNode n, String source, String field) throws InvalidRecordException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < 0) {
      throw invalid(source, field, "'" + v.asText() + "' is not a whole number of seconds >= 0");
    }
    return v.asLong();
  }

  private static InvalidRecordException invalid(String source, String field, String what) {
    return new InvalidRecordException(source + ": " + (field == null ? "" : field + ": ") + what);
  }

  static String oneLine(String s) {
    if (s == null) return "unknown error";
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
