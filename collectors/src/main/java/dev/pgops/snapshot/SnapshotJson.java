package dev.pgops.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pgops.files.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes snapshots as deterministic JSON (sorted keys, ISO instants), plain or gzip by
 * file name ({@code .json.gz}). Writes go through a temporary file so a failure leaves no partial file.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = mapper();

  private SnapshotJson() {}

  /** The mapper every pgops JSON document uses: sorted keys, ISO-8601 instants, no nulls. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  public static byte[] toBytes(Snapshot snapshot) {
    try {
      return MAPPER.writeValueAsBytes(snapshot);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes atomically and returns the sha256 of the bytes stored (what {@link #read} reports for the file). */
  public static String write(Snapshot snapshot, Path file) throws IOException {
    byte[] stored = stored(toBytes(snapshot), isGzip(file));
    AtomicFiles.write(file, out -> out.write(stored));
    return sha256(stored);
  }

  private static byte[] stored(byte[] json, boolean gzip) throws IOException {
    if (!gzip) return json;
    ByteArrayOutputStream buf = new ByteArrayOutputStream(json.length / 4);
    try (OutputStream out = new GZIPOutputStream(buf)) {
      out.write(json);
    }
    return buf.toByteArray();
  }

  /** A snapshot read from a file together with the sha256 of the file's bytes (as stored). */
  public record Loaded(Snapshot snapshot, String sha256) {}

  public static Loaded read(Path file) throws IOException, SnapshotFormatException {
    byte[] stored = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    byte[] json;
    try {
      json = isGzip(file) || looksGzipped(stored) ? gunzip(stored) : stored;
    } catch (IOException e) {
      throw new SnapshotFormatException(name + ": not a readable gzip file (" + oneLine(e.getMessage()) + ")", e);
    }
    return new Loaded(parse(json, name), sha256(stored));
  }

  /** Parses snapshot JSON; {@code source} names it in errors. */
  public static Snapshot parse(byte[] json, String source) throws SnapshotFormatException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new SnapshotFormatException(source + ": not valid JSON (" + oneLine(e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()) + ")", e);
    }
    if (tree == null || !tree.isObject()) {
      throw new SnapshotFormatException(source + ": not a pgops snapshot (expected a JSON object)", null);
    }
    JsonNode version = tree.path("meta").path("schemaVersion");
    if (!version.isInt()) {
      throw new SnapshotFormatException(source + ": not a pgops snapshot (meta.schemaVersion missing)", null);
    }
    if (version.intValue() != Meta.SCHEMA_VERSION) {
      throw new SnapshotFormatException(source + ": snapshot schemaVersion " + version.intValue()
          + " is not supported (this pgops reads schemaVersion " + Meta.SCHEMA_VERSION + ")", null);
    }
    try {
      return MAPPER.treeToValue(tree, Snapshot.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new SnapshotFormatException(source + ": snapshot does not match schema version "
          + Meta.SCHEMA_VERSION + " (" + oneLine(e.getMessage()) + ")", e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean isGzip(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  private static boolean looksGzipped(byte[] b) {
    return b.length > 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  private static String oneLine(String s) {
    if (s == null) return "unknown error";
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

}
