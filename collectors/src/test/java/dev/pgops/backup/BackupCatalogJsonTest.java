package dev.pgops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgops.snapshot.BackupCatalog;
import dev.pgops.snapshot.ControlData;
import dev.pgops.snapshot.Meta;
import dev.pgops.snapshot.PgVersion;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Snapshot;
import dev.pgops.snapshot.SnapshotJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalogues of every tool survive SnapshotJson write → read unchanged, 64-bit values above 2^53 and 2^63 exactly. */
class BackupCatalogJsonTest {

  @Test
  void everyToolsCatalogueRoundTripsExactly() throws Exception {
    List<BackupCatalog> catalogs = new ArrayList<>();
    catalogs.addAll(Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info.json"));
    catalogs.addAll(Fixtures.parse(BackupTool.PGBACKREST, null, "pgbackrest-info-error.json"));
    catalogs.add(Fixtures.one(BackupTool.WAL_G, null, "walg-backup-list-detail.json", "walg-wal-verify-failure.json"));
    catalogs.add(Fixtures.one(BackupTool.BARMAN, "pg", "barman-list-backups.json", "barman-check.json",
        "barman-show-backup-done.json", "barman-show-backup-failed.json"));
    catalogs.addAll(Fixtures.parse(BackupTool.PG_PROBACKUP, null, "probackup-show.json", "probackup-show-archive.json"));

    Meta meta = new Meta(Meta.SCHEMA_VERSION, "test", Instant.parse("2026-11-23T10:00:00Z"), "16.4",
        new PgVersion(160004), "shop", "pgops", false, List.of(), false, null, null, Map.of(), null, List.of());
    Snapshot s = Snapshot.of(meta).withBackups(Section.of(new ControlData("18302541207236042112", 1700, 202406281L)),
        Section.of(catalogs), Section.unavailable("no drill records"));

    byte[] json = SnapshotJson.toBytes(s);
    String text = new String(json, StandardCharsets.UTF_8);
    // the unsigned 64-bit values are written as the tools wrote them, digit for digit
    assertThat(text).contains("\"system_identifier\" : 18302541207236042112", "\"finish_lsn\" : 18446744073692774440",
        "\"system-id\" : 7389236541812359123", "\"systemIdentifier\" : \"18302541207236042112\"");

    Snapshot back = SnapshotJson.parse(json, "round-trip");
    assertThat(back.backupTools()).isEqualTo(s.backupTools());
    assertThat(back.control()).isEqualTo(s.control());
    List<BackupCatalog> read = back.backupTools().collected().orElseThrow();
    BackupCatalog walg = read.stream().filter(c -> c.tool().equals("wal-g")).findFirst().orElseThrow();
    assertThat(walg.raw().at("/backup-list/0/system_identifier").bigIntegerValue())
        .isEqualTo(new BigInteger("18302541207236042112"));
    assertThat(walg.raw().at("/backup-list/1/finish_lsn").bigIntegerValue())
        .isEqualTo(new BigInteger("18446744073692774440"));
    assertThat(walg.backups().get(1).stopLsn()).isEqualTo("FFFFFFFF/FF000028");
    // written again, the bytes do not change
    assertThat(SnapshotJson.toBytes(back)).isEqualTo(json);
  }
}
