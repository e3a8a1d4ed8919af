package dev.pgops.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads migration scripts into classified statements, files in parallel (order kept). A file that cannot be read
 * or split becomes a {@link MigrationFile} with its error; the others are still read.
 */
public final class MigrationReader {

    private MigrationReader() {}

    /** Reads every file; directories are expanded to their {@code *.sql} files in migration order. */
    public static List<MigrationFile> read(List<Path> paths) {
        return read(paths, StatementClassifier::classify);
    }

    /**
     * As {@link #read(List)}, classified by the tokens alone: what a review needs. {@link CrossCheck} adds
     * JSqlParser's verdict ({@code classifiedBy}) afterwards, in another thread while the review runs.
     */
    public static List<MigrationFile> readByTokens(List<Path> paths) {
        return read(paths, StatementClassifier::classifyByTokens);
    }

    private static List<MigrationFile> read(List<Path> paths, Function<SqlStatement, ClassifiedStatement> classifier) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) files.addAll(sqlFilesUnder(p));
            else files.add(p);
        }
        return files.parallelStream().map(f -> readFile(f, classifier)).toList();
    }

    public static MigrationFile readFile(Path path) {
        return readFile(path, StatementClassifier::classify);
    }

    private static MigrationFile readFile(Path path, Function<SqlStatement, ClassifiedStatement> classifier) {
        String name = path.toString();
        try {
            return classify(name, SqlSplitter.splitFile(path), classifier);
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
            return classify(name, SqlSplitter.split(name, text), StatementClassifier::classify);
        } catch (SqlSplitException e) {
            return new MigrationFile(name, List.of(), e.getMessage());
        }
    }

    private static MigrationFile classify(String name, List<SqlStatement> statements,
                                          Function<SqlStatement, ClassifiedStatement> classifier) {
        List<ClassifiedStatement> out = new ArrayList<>(statements.size());
        for (SqlStatement s : statements) out.add(classifier.apply(s));
        return new MigrationFile(name, out, null);
    }

    /** {@code *.sql} files below {@code dir}, in natural order (V2 before V10), as migration runners apply them. */
    public static List<Path> sqlFilesUnder(Path dir) {
        // the walk's own attributes (no second stat per file); the sort key once per file, not once per comparison
        try (Stream<Path> s = Files.find(dir, Integer.MAX_VALUE, (p, attrs) -> attrs.isRegularFile() && isSqlName(p),
                FileVisitOption.FOLLOW_LINKS)) {
            record Keyed(String key, Path path) {}
            return s.map(p -> new Keyed(dir.relativize(p).toString(), p))
                    .sorted(Comparator.comparing(Keyed::key, MigrationReader::natural))
                    .map(Keyed::path)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSqlName(Path p) {
        String n = p.getFileName().toString();
        return n.regionMatches(true, n.length() - 4, ".sql", 0, 4);
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
                // leading zeros do not count (V007 = V7), but a run of zeros keeps its last digit
                while (si < i - 1 && a.charAt(si) == '0') si++;
                while (sj < j - 1 && b.charAt(sj) == '0') sj++;
                int c = Integer.compare(i - si, j - sj);
                for (int x1 = si, y1 = sj; c == 0 && x1 < i; x1++, y1++) c = Character.compare(a.charAt(x1), b.charAt(y1));
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
