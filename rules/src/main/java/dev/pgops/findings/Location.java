package dev.pgops.findings;

/** Where a finding points: a database object, a place in a SQL file, or the server as a whole. */
public sealed interface Location {

  /** A stable text form used in fingerprints, waivers and sorting. */
  String key();

  /**
   * A database object. {@code kind}: database, table, index, constraint, column, sequence, role,
   * setting, slot, extension, session, server. {@code table} is the owning table for indexes,
   * constraints and columns (else null).
   */
  record DbObject(String kind, String schema, String name, String table) implements Location {
    public DbObject {
      if (kind == null || name == null) throw new IllegalArgumentException("kind and name are required");
    }

    @Override
    public String key() {
      // constraint, column and trigger names are only unique per table, so the table is part of their identity
      boolean perTable = kind.equals("constraint") || kind.equals("column") || kind.equals("trigger");
      return kind + ":" + qualifiedName() + (perTable && table != null && !table.isEmpty() ? "@" + table : "");
    }

    /** schema.name when there is a schema, else the name. */
    public String qualifiedName() {
      return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }
  }

  record SqlFile(String file, int line, int column) implements Location {
    @Override
    public String key() {
      return "file:" + position();
    }

    /** {@code file:line:column}, as the statement's {@code SqlStatement.position()}. */
    public String position() {
      return file + ":" + line + ":" + column;
    }
  }

  static DbObject object(String kind, String schema, String name) {
    return new DbObject(kind, schema, name, null);
  }

  static DbObject object(String kind, String schema, String name, String table) {
    return new DbObject(kind, schema, name, table);
  }

  static DbObject server() {
    return new DbObject("server", null, "server", null);
  }
}
