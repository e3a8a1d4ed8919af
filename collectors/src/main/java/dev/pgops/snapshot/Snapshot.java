package dev.pgops.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * Everything one collection run learned: raw facts only, so a newer rule set can re-score an old
 * snapshot. Each section is {@link Section.Collected} or {@link Section.Unavailable}; a section the
 * writing version did not know becomes Unavailable on read.
 */
public record Snapshot(
    Meta meta,
    Section<List<Setting>> settings,
    Section<List<DatabaseStats>> databases,
    Section<List<TableStats>> tables,
    Section<List<IndexStats>> indexes,
    Section<List<ConstraintInfo>> constraints,
    Section<List<ColumnInfo>> columns,
    Section<List<SequenceInfo>> sequences,
    Section<List<BloatEstimate>> tableBloat,
    Section<List<BloatEstimate>> indexBloat,
    Section<Activity> activity,
    Section<Replication> replication,
    Section<ArchiverStats> archiver,
    Section<List<RoleInfo>> roles,
    Section<List<ExtensionInfo>> extensions,
    Section<Statements> statements,
    Section<List<QueryPlan>> plans,
    Section<InstancePressure> pressure,
    Section<ControlData> control,
    Section<List<BackupCatalog>> backupTools,
    Section<List<DrillRecord>> drills) {

  static final String NOT_COLLECTED = "not collected by the pgops version that wrote this snapshot";

  public Snapshot {
    if (meta == null) throw new IllegalArgumentException("snapshot has no meta block");
    settings = orMissing(settings);
    databases = orMissing(databases);
    tables = orMissing(tables);
    indexes = orMissing(indexes);
    constraints = orMissing(constraints);
    columns = orMissing(columns);
    sequences = orMissing(sequences);
    tableBloat = orMissing(tableBloat);
    indexBloat = orMissing(indexBloat);
    activity = orMissing(activity);
    replication = orMissing(replication);
    archiver = orMissing(archiver);
    roles = orMissing(roles);
    extensions = orMissing(extensions);
    statements = orMissing(statements);
    plans = orMissing(plans);
    pressure = orMissing(pressure);
    control = orMissing(control);
    backupTools = orMissing(backupTools);
    drills = orMissing(drills);
  }

  /** A snapshot without the backup sections (control data, backup tools, drills): they are unavailable. */
  public Snapshot(Meta meta, Section<List<Setting>> settings, Section<List<DatabaseStats>> databases,
      Section<List<TableStats>> tables, Section<List<IndexStats>> indexes, Section<List<ConstraintInfo>> constraints,
      Section<List<ColumnInfo>> columns, Section<List<SequenceInfo>> sequences, Section<List<BloatEstimate>> tableBloat,
      Section<List<BloatEstimate>> indexBloat, Section<Activity> activity, Section<Replication> replication,
      Section<ArchiverStats> archiver, Section<List<RoleInfo>> roles, Section<List<ExtensionInfo>> extensions,
      Section<Statements> statements, Section<List<QueryPlan>> plans, Section<InstancePressure> pressure) {
    this(meta, settings, databases, tables, indexes, constraints, columns, sequences, tableBloat, indexBloat, activity,
        replication, archiver, roles, extensions, statements, plans, pressure, null, null, null);
  }

  private static <T> Section<T> orMissing(Section<T> s) {
    return s == null ? Section.unavailable(NOT_COLLECTED) : s;
  }

  /** A setting by name, when settings were collected and the server has it. */
  public Optional<Setting> setting(String name) {
    return settings.collected().flatMap(list -> list.stream().filter(s -> s.name().equals(name)).findFirst());
  }

  /** The same facts under another meta block (e.g. with the collector runs filled in). */
  public Snapshot withMeta(Meta newMeta) {
    return new Snapshot(newMeta, settings, databases, tables, indexes, constraints, columns, sequences, tableBloat,
        indexBloat, activity, replication, archiver, roles, extensions, statements, plans, pressure, control,
        backupTools, drills);
  }

  /** The same facts with another plans section (plans read from files rather than a server). */
  public Snapshot withPlans(Section<List<QueryPlan>> newPlans) {
    return new Snapshot(meta, settings, databases, tables, indexes, constraints, columns, sequences, tableBloat,
        indexBloat, activity, replication, archiver, roles, extensions, statements, newPlans, pressure, control,
        backupTools, drills);
  }

  /** The same facts with the backup sections replaced (backup-tool catalogues and drill records read from files). */
  public Snapshot withBackups(Section<ControlData> newControl, Section<List<BackupCatalog>> newBackupTools,
      Section<List<DrillRecord>> newDrills) {
    return new Snapshot(meta, settings, databases, tables, indexes, constraints, columns, sequences, tableBloat,
        indexBloat, activity, replication, archiver, roles, extensions, statements, plans, pressure, newControl,
        newBackupTools, newDrills);
  }

  /** A snapshot whose every section is unavailable for {@code reason}, to build on. */
  public static Snapshot unavailable(Meta meta, String reason) {
    Section<?> u = Section.unavailable(reason);
    return new Snapshot(meta, cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u),
        cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u), cast(u));
  }

  /** An empty snapshot (every section unavailable) to build on, mainly for tests and samples. */
  public static Snapshot of(Meta meta) {
    return unavailable(meta, NOT_COLLECTED);
  }

  // an Unavailable section holds no value, so one instance serves every section type
  @SuppressWarnings("unchecked")
  private static <T> Section<T> cast(Section<?> unavailable) {
    return (Section<T>) unavailable;
  }
}
