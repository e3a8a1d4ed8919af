package dev.pgops.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pgops.backup.BackupToolOptions.Command;
import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code backupTools} section: the backup tool's own catalogue, read from the JSON files given or by running
 * the tool's read-only listing commands ({@link BackupToolOptions#commands()}) with a timeout, from an argument
 * vector (never a shell). It sends nothing to PostgreSQL.
 *
 * <p>A required command that cannot start, exits non-zero or times out, a missing file, or JSON of an unknown
 * shape throws a {@link dev.pgops.collect.CollectorFailed} with a one-line reason, which the snapshot collector
 * records as FAILED; the rest of the snapshot is unaffected. An optional command (WAL-G wal-verify, Barman check
 * and show-backup, pg_probackup show --archive) that fails only leaves its part out, noted in the catalogue's
 * {@code source}.
 */
public final class BackupToolCollector implements Collector<List<BackupCatalog>> {
  public static final String NAME = "backupTools";
  private static final long MAX_FILE_BYTES = ToolProcess.DEFAULT_MAX_OUTPUT;

  private final BackupToolOptions options;

  public BackupToolCollector(BackupToolOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Section<List<BackupCatalog>> collect(PgSession session) {
    return Section.of(collect());
  }

  /** The catalogues (one per stanza / server / instance). */
  public List<BackupCatalog> collect() {
    List<ToolOutput> outputs = options.files().isEmpty() ? run() : read();
    return BackupToolParser.parse(options.tool(), options.name(), outputs);
  }

  private List<ToolOutput> read() {
    List<ToolOutput> out = new ArrayList<>();
    for (Path f : options.files()) {
      try {
        if (Files.size(f) > MAX_FILE_BYTES) {
          throw new BackupToolException("backup tool output " + f + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        out.add(new ToolOutput("file " + f, null, Files.readString(f, StandardCharsets.UTF_8)));
      } catch (NoSuchFileException e) {
        throw new BackupToolException("cannot read backup tool output " + f + ": no such file");
      } catch (IOException | java.io.UncheckedIOException e) {
        throw new BackupToolException("cannot read backup tool output " + f + ": " + ToolProcess.oneLine(e.getMessage()));
      }
    }
    return out;
  }

  private List<ToolOutput> run() {
    List<ToolOutput> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Command c : options.commands()) {
      ToolOutput o = runOne(c, skipped);
      if (o != null) out.add(o);
    }
    if (options.tool() == BackupTool.BARMAN && options.name() != null) {
      String newest = newestDoneBarmanBackup(out.get(0).text(), options.name());
      if (newest != null) {
        ToolOutput o = runOne(options.barmanShowBackup(options.name(), newest), skipped);
        if (o != null) out.add(o);
      }
    }
    if (!skipped.isEmpty()) {
      // keep the note of what was left out in the first output's source, which the catalogue carries
      ToolOutput first = out.get(0);
      out.set(0, new ToolOutput(first.source() + " (left out: " + String.join("; ", skipped) + ")", first.role(),
          first.text()));
    }
    return out;
  }

  /** Runs one command; a failed optional one is noted in {@code skipped} and gives null. */
  private ToolOutput runOne(Command c, List<String> skipped) {
    String shown = Argv.render(c.argv());
    try {
      ToolProcess.Result r = ToolProcess.run(c.argv(), java.util.Map.of(), options.timeout(), ToolProcess.DEFAULT_MAX_OUTPUT);
      if (r.truncated()) throw new BackupToolException(shown + " printed more than " + (ToolProcess.DEFAULT_MAX_OUTPUT >> 20) + " MiB");
      if (r.exitCode() != 0) {
        String line = r.firstErrorLine();
        throw new BackupToolException(shown + " exited with " + r.exitCode() + (line.isEmpty() ? "" : ": " + ToolProcess.oneLine(line)));
      }
      return new ToolOutput("command " + shown, c.role(), r.stdout());
    } catch (BackupToolException e) {
      if (c.required()) throw e;
      skipped.add(e.getMessage());
      return null;
    }
  }

  /** The id of the newest DONE backup of {@code server} in Barman's list-backups JSON, or null. */
  static String newestDoneBarmanBackup(String listBackups, String server) {
    try {
      JsonNode list = JsonMapper.builder().build().readTree(listBackups).path(server);
      String best = null;
      long bestEnd = Long.MIN_VALUE;
      for (JsonNode b : list) {
        if (!"DONE".equals(b.path("status").asText())) continue;
        long end = b.path("end_time_timestamp").asLong(Long.MIN_VALUE + 1);
        if (end >= bestEnd) {
          bestEnd = end;
          best = b.path("backup_id").asText(null);
        }
      }
      return best;
    } catch (IOException e) {
      return null; // the parser reports the shape of list-backups
    }
  }
}
