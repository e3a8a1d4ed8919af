package dev.pgops.backup;

import dev.pgops.snapshot.BackupCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The tool-output fixtures under {@code src/test/resources/dev/pgops/backup/}, parsed as files would be. */
final class Fixtures {
  private Fixtures() {}

  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ToolOutput file(String name) {
    return new ToolOutput("file " + name, null, text(name));
  }

  /** Parses fixture files as {@code --backup-info} files of {@code tool} (their kind told by their shape). */
  static List<BackupCatalog> parse(BackupTool tool, String name, String... files) {
    List<ToolOutput> outputs = new ArrayList<>();
    for (String f : files) outputs.add(file(f));
    return BackupToolParser.parse(tool, name, outputs);
  }

  static BackupCatalog one(BackupTool tool, String name, String... files) {
    List<BackupCatalog> l = parse(tool, name, files);
    if (l.size() != 1) throw new AssertionError("expected one catalogue, got " + l.size());
    return l.get(0);
  }
}
