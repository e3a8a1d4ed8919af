package dev.pgops.rules.migrations;

import dev.pgops.migration.AlterAction;
import dev.pgops.migration.ColumnDef;
import dev.pgops.migration.StatementKind;
import dev.pgops.review.Names;
import dev.pgops.review.ReviewContext;
import dev.pgops.review.ReviewStatement;
import dev.pgops.review.TableFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the statements of a review do to the schema, for rules that depend on other statements: the indexes it
 * builds, the foreign keys it adds, the columns it proves NOT NULL. Tables are compared normalised
 * ({@link Names#normalize}), columns case-folded.
 */
final class ReviewSchema {
  private ReviewSchema() {}

  /** An ALTER TABLE of a table that existed before the review (the harm of locks and scans needs existing rows). */
  static boolean altersExistingTable(ReviewStatement s, ReviewContext ctx) {
    return s.kind() == StatementKind.ALTER_TABLE && s.target() != null && !ctx.targetIsNew(s);
  }

  /** PostgreSQL's default constraint name: {@code <table>_<col>_<col>_<suffix>} (pkey, key, fkey, check, not_null). */
  static String defaultName(String table, List<String> columns, String suffix) {
    StringBuilder b = new StringBuilder(Names.simple(table));
    for (String c : columns) b.append('_').append(c);
    return b.append('_').append(suffix).toString();
  }

  /** A foreign key added by {@code at}: referencing table and columns, referenced table as written. */
  record ForeignKey(ReviewStatement at, String table, List<String> columns, String referencedTable, String name) {}

  /** The foreign keys a statement adds: ALTER TABLE ADD [CONSTRAINT] FOREIGN KEY / ADD COLUMN … REFERENCES / CREATE TABLE. */
  static List<ForeignKey> foreignKeys(ReviewStatement s) {
    List<ForeignKey> out = new ArrayList<>();
    if (s.target() == null) return out;
    if (s.kind() == StatementKind.ALTER_TABLE) {
      for (AlterAction a : s.classified().alterActions()) {
        ConstraintClause c = ConstraintClause.of(a);
        if (c != null && c.kind() == ConstraintClause.Kind.FOREIGN_KEY && c.referencedTable() != null) {
          out.add(new ForeignKey(s, s.target(), c.columns(), c.referencedTable(), c.name()));
        } else if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null && a.column().references() != null) {
          out.add(new ForeignKey(s, s.target(), List.of(Names.simple(a.column().name())), a.column().references(), null));
        }
      }
    } else if (s.kind() == StatementKind.CREATE_TABLE) {
      for (ColumnDef col : s.classified().columns()) {
        if (col.references() != null) {
          out.add(new ForeignKey(s, s.target(), List.of(Names.simple(col.name())), col.references(), null));
        }
      }
      for (ConstraintClause c : ConstraintClause.ofCreateTable(s.text())) {
        if (c.kind() == ConstraintClause.Kind.FOREIGN_KEY && c.referencedTable() != null) {
          out.add(new ForeignKey(s, s.target(), c.columns(), c.referencedTable(), c.name()));
        }
      }
    }
    return out;
  }

  /**
   * Key column lists of the indexes the review builds on {@code table}, anywhere in the review: non-partial
   * CREATE INDEX, and the indexes behind PRIMARY KEY / UNIQUE constraints of CREATE TABLE and ALTER TABLE
   * (column or table constraints; {@code USING INDEX} adopts an index already counted).
   */
  static List<List<String>> indexesOn(String table, ReviewContext ctx) {
    Map<String, List<List<String>>> byTable = ctx.memo("review-schema.indexes-by-table", ReviewSchema::indexesByTable);
    return byTable.getOrDefault(Names.normalize(table), List.of());
  }

  private static Map<String, List<List<String>>> indexesByTable(List<ReviewStatement> all) {
    Map<String, List<List<String>>> byTable = new HashMap<>();
    for (ReviewStatement s : all) {
      if (s.target() == null) continue;
      List<List<String>> out = new ArrayList<>();
      switch (s.kind()) {
        case CREATE_INDEX -> {
          IndexDef i = IndexDef.of(s.classified());
          if (i != null && !i.partial()) out.add(i.columns());
        }
        case CREATE_TABLE -> {
          for (ColumnDef c : s.classified().columns()) {
            if (c.primaryKey() || c.unique()) out.add(List.of(Names.simple(c.name())));
          }
          for (ConstraintClause c : ConstraintClause.ofCreateTable(s.text())) {
            if (keyConstraint(c)) out.add(c.columns());
          }
        }
        case ALTER_TABLE -> {
          for (AlterAction a : s.classified().alterActions()) {
            ConstraintClause c = ConstraintClause.of(a);
            if (c != null && keyConstraint(c)) out.add(c.columns());
            if (a.kind() == AlterAction.Kind.ADD_COLUMN && a.column() != null
                && (a.column().primaryKey() || a.column().unique())) {
              out.add(List.of(Names.simple(a.column().name())));
            }
          }
        }
        default -> { }
      }
      if (!out.isEmpty()) byTable.computeIfAbsent(Names.normalize(s.target()), k -> new ArrayList<>()).addAll(out);
    }
    return byTable;
  }

  private static boolean keyConstraint(ConstraintClause c) {
    return (c.kind() == ConstraintClause.Kind.PRIMARY_KEY || c.kind() == ConstraintClause.Kind.UNIQUE)
        && !c.columns().isEmpty();
  }

  /** The CREATE INDEX of the review before {@code s} that built the index named {@code written}, if any. */
  static Optional<IndexDef> indexCreatedBefore(String written, ReviewStatement s, ReviewContext ctx) {
    String wanted = Names.simple(written);
    String schema = schemaOf(written);
    Map<String, List<Map.Entry<Integer, IndexDef>>> byName = ctx.memo("review-schema.indexes-by-name", all -> {
      Map<String, List<Map.Entry<Integer, IndexDef>>> m = new HashMap<>();
      for (ReviewStatement x : all) {
        IndexDef i = x.kind() == StatementKind.CREATE_INDEX ? IndexDef.of(x.classified()) : null;
        if (i == null || i.name() == null) continue;
        m.computeIfAbsent(Names.simple(i.name()), k -> new ArrayList<>()).add(Map.entry(x.ordinal(), i));
      }
      return m;
    });
    for (Map.Entry<Integer, IndexDef> e : byName.getOrDefault(wanted, List.of())) {
      if (e.getKey() >= s.ordinal()) break;
      // an index lives in its table's schema
      String table = Names.normalize(e.getValue().table());
      if (schema == null || table.startsWith(schema + ".")) return Optional.of(e.getValue());
    }
    return Optional.empty();
  }

  /** True for an index built earlier in the review on a table the review created: nobody else uses either yet. */
  static boolean indexOnNewTable(String index, ReviewStatement s, ReviewContext ctx) {
    return indexCreatedBefore(index, s, ctx).filter(i -> ctx.isNew(i.table(), s)).isPresent();
  }

  /** The table (schema.table) holding the index named {@code written}, from the database facts, if known. */
  static Optional<TableFacts> tableOfIndex(String written, ReviewContext ctx) {
    String wanted = Names.simple(written);
    String schema = schemaOf(written);
    for (TableFacts f : ctx.facts().tables().values()) {
      if (schema != null && !f.name().startsWith(schema + ".")) continue;
      if (f.indexColumns().containsKey(wanted)) return Optional.of(f); // catalog names, as stored
    }
    return Optional.empty();
  }

  /** The schema of a qualified name (case-folded), or null when unqualified. */
  private static String schemaOf(String written) {
    String n = Names.normalize(written);
    return written.contains(".") && n != null ? n.substring(0, n.lastIndexOf('.')) : null;
  }

  /**
   * Columns of {@code table} that are known non-null before {@code s} so that SET NOT NULL needs no scan on
   * PostgreSQL 12+: a CHECK (col IS NOT NULL) added valid, or added NOT VALID and then validated, earlier in the
   * review (and not dropped since); a NOT NULL constraint validated (PostgreSQL 18); and the database's valid
   * CHECKs ({@link TableFacts#notNullChecks()}).
   */
  static Set<String> provenNotNull(String table, ReviewStatement s, ReviewContext ctx) {
    String t = Names.normalize(table);
    Set<String> proven = new HashSet<>();
    ctx.facts().table(table).ifPresent(f -> f.notNullChecks().forEach(c -> proven.add(Names.simple(c))));
    Map<String, Set<String>> validChecks = new HashMap<>();
    Map<String, Set<String>> pendingChecks = new HashMap<>();
    for (ReviewStatement x : ctx.statements()) {
      if (x.ordinal() >= s.ordinal()) break;
      if (x.kind() != StatementKind.ALTER_TABLE || x.target() == null || !Names.normalize(x.target()).equals(t)) continue;
      for (AlterAction a : x.classified().alterActions()) {
        ConstraintClause c = ConstraintClause.of(a);
        if (c != null && (!c.notNullColumns().isEmpty() || c.kind() == ConstraintClause.Kind.NOT_NULL)) {
          Set<String> cols = new HashSet<>(c.notNullColumns());
          if (c.kind() == ConstraintClause.Kind.NOT_NULL) cols.addAll(c.columns());
          String key = c.name() == null ? "#" + x.ordinal() : Names.simple(c.name());
          (c.notValid() ? pendingChecks : validChecks).put(key, cols);
        } else if (a.kind() == AlterAction.Kind.VALIDATE_CONSTRAINT && a.name() != null) {
          Set<String> cols = pendingChecks.remove(Names.simple(a.name()));
          if (cols != null) validChecks.put(Names.simple(a.name()), cols);
        } else if (a.kind() == AlterAction.Kind.DROP_CONSTRAINT && a.name() != null) {
          validChecks.remove(Names.simple(a.name()));
          pendingChecks.remove(Names.simple(a.name()));
        }
      }
    }
    validChecks.values().forEach(proven::addAll);
    return proven;
  }
}
