package dev.pgops.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationReaderTest {
  @TempDir Path dir;

  @Test
  void filesAreReadInMigrationOrder() throws Exception {
    for (String n : List.of("V10__c.sql", "V2__b.sql", "V1__a.sql", "V1_1__a2.sql", "notes.txt", "sub/V3__x.SQL")) {
      Path p = dir.resolve(n);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "SELECT 1;");
    }
    List<String> names = MigrationReader.sqlFilesUnder(dir).stream().map(p -> dir.relativize(p).toString()).toList();
    assertThat(names).containsExactly("V1_1__a2.sql", "V1__a.sql", "V2__b.sql", "V10__c.sql", "sub/V3__x.SQL");
  }

  @Test
  void naturalOrderComparesDigitRunsByValue() {
    assertThat(MigrationReader.natural("V2", "V10")).isNegative();
    assertThat(MigrationReader.natural("V10", "V2")).isPositive();
    assertThat(MigrationReader.natural("V007", "V7")).isZero();
    assertThat(MigrationReader.natural("V000", "V0")).isZero();
    assertThat(MigrationReader.natural("V08", "V9")).isNegative();
    assertThat(MigrationReader.natural("20240101_a", "20231231_b")).isPositive();
    assertThat(MigrationReader.natural("a", "a1")).isNegative();
    assertThat(MigrationReader.natural("", "")).isZero();
  }

  /** Against a straightforward reference (digit runs as numbers), on seeded random names. */
  @Test
  void naturalOrderAgreesWithTheReferenceOnRandomNames() {
    Random r = new Random(20261124L);
    for (int n = 0; n < 20_000; n++) {
      String a = randomName(r);
      String b = randomName(r);
      assertThat(Integer.signum(MigrationReader.natural(a, b))).as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(reference(a, b)));
      assertThat(Integer.signum(MigrationReader.natural(a, b))).isEqualTo(-Integer.signum(MigrationReader.natural(b, a)));
    }
  }

  private static String randomName(Random r) {
    StringBuilder b = new StringBuilder();
    int len = r.nextInt(6);
    for (int i = 0; i < len; i++) {
      if (r.nextBoolean()) {
        int digits = 1 + r.nextInt(4);
        for (int d = 0; d < digits; d++) b.append((char) ('0' + (r.nextInt(3) == 0 ? 0 : r.nextInt(10))));
      } else {
        b.append("V_ab".charAt(r.nextInt(4)));
      }
    }
    return b.toString();
  }

  /** The earlier implementation (regex per digit run): the rewrite without regexes must order the same. */
  private static int reference(String a, String b) {
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
