package dev.pgops.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a file all or nothing: the content goes to an owner-only temporary file beside it (snapshots, reports and
 * drill records hold query texts and host names), which is then moved into place; on failure nothing is left
 * behind and an existing file is untouched. Every pgops output goes through here.
 */
public final class AtomicFiles {
  private static final AtomicInteger TEMPORARY = new AtomicInteger();

  private AtomicFiles() {}

  /** What {@link #write} stores. */
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code file} (creating its directory) from {@code content}, atomically. */
  public static void write(Path file, Content content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = temporaryFile(parent, file.getFileName().toString());
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new empty {@code .<name>.<pid>.<n>.tmp} in {@code dir}, owner-only as {@link Files#createTempFile} makes
   * them, without createTempFile's SecureRandom set-up on every run of a short CLI command.
   */
  private static Path temporaryFile(Path dir, String name) throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    while (true) {
      Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + TEMPORARY.incrementAndGet() + ".tmp");
      try {
        return posix ? Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // left by an earlier process with the same pid: take the next number
      }
    }
  }
}
