package dev.pgops.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads migration scripts into classified statements, files in parallel (order kept). A file that cannot be read
 * or split becomes a {@link MigrationFile} with its error; the others are still read.
 */
public final class MigrationReader {

    private MigrationReader() {}

    /** Reads every file; directories are expanded to their {@code *.sql} files in migration order. */
    public static List<MigrationFile> read(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) files.addAll(sqlFilesUnder(p));
            else files.add(p);
        }
        return files.parallelStream().map(MigrationReader::readFile).toList();
    }

    public static MigrationFile readFile(Path path) {
        String name = path.toString();
        try {
            return classify(name, SqlSplitter.splitFile(path));
        } catch (SqlSplitException e) {
            return new MigrationFile(name, List.of(), e.getMessage());
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new MigrationFile(name, List.of(), name + ": cannot read (" + why + ")");
        }
    }

    /** Splits and classifies a script held in memory. */
    public static MigrationFile read(String name, String text) {
        try {
            return classify(name, SqlSplitter.split(name, text));
        } catch (SqlSplitException e) {
            return new MigrationFile(name, List.of(), e.getMessage());
        }
    }

    private static MigrationFile classify(String name, List<SqlStatement> statements) {
        return new MigrationFile(name, StatementClassifier.classifyAll(statements), null);
    }

    /** {@code *.sql} files below {@code dir}, in natural order (V2 before V10), as migration runners apply them. */
    public static List<Path> sqlFilesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sql"))
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString(), MigrationReader::natural))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares digit runs by value and everything else by character. */
    static int natural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                String da = a.substring(si, i).replaceFirst("^0+(?=.)", ""), db = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (c != 0) return c;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
