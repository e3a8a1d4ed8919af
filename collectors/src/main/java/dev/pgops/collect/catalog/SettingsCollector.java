package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.Setting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** All of {@code pg_settings}. */
public final class SettingsCollector implements Collector<List<Setting>> {
  private static final VersionedSql SQL = VersionedSql.of(SettingsCollector.class, "settings");

  @Override
  public String name() {
    return "settings";
  }

  @Override
  public Section<List<Setting>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), SettingsCollector::row));
  }

  static Setting row(ResultSet rs) throws SQLException {
    return new Setting(
        rs.getString("name"), rs.getString("setting"), rs.getString("unit"), rs.getString("vartype"),
        rs.getString("context"), rs.getString("source"), rs.getString("boot_val"), rs.getString("reset_val"),
        rs.getString("min_val"), rs.getString("max_val"), rs.getBoolean("pending_restart"));
  }
}
