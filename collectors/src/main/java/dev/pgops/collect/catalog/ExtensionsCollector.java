package dev.pgops.collect.catalog;

import dev.pgops.collect.Collector;
import dev.pgops.collect.PgSession;
import dev.pgops.collect.VersionedSql;
import dev.pgops.snapshot.Section;
import dev.pgops.snapshot.ExtensionInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Installed extensions with the default version available. */
public final class ExtensionsCollector implements Collector<List<ExtensionInfo>> {
  private static final VersionedSql SQL = VersionedSql.of(ExtensionsCollector.class, "extensions");

  @Override
  public String name() {
    return "extensions";
  }

  @Override
  public Section<List<ExtensionInfo>> collect(PgSession pg) throws SQLException {
    return Section.of(pg.query(SQL.forVersion(pg.version()), ExtensionsCollector::row));
  }

  static ExtensionInfo row(ResultSet rs) throws SQLException {
    return new ExtensionInfo(
        rs.getString("name"), rs.getString("schema_name"), rs.getString("installed_version"),
        rs.getString("default_version"));
  }
}
