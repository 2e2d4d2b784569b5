package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Relation;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Before a migration adds foreign keys to tables that hold rows (switching from {@code prisma} to
 * {@code foreignKeys} mode, or a new relation), counts the rows each new foreign key would refuse and stops with a
 * list of them, instead of letting the migration fail half-way (or, on SQLite, whose table rebuilds do not check
 * foreign keys, succeed with orphans in place).
 */
final class ForeignKeyPrecheck {

    private ForeignKeyPrecheck() {}

    /** The foreign keys a migration adds to tables that exist before it, labelled with the schema's relations. */
    static List<Reference> addedBy(Migration migration, Datamodel datamodel) {
        List<Reference> out = new ArrayList<>();
        for (MigrationStep step : migration.steps()) {
            if (step instanceof MigrationStep.AddForeignKey s
                    && migration.previous().table(s.table().namespace(), s.table().name()).isPresent()) {
                out.add(reference(s.table(), s.foreignKey(), datamodel));
            } else if (step instanceof MigrationStep.RedefineTables s) {
                for (MigrationStep.TableRedefinition t : s.tables()) {
                    for (ForeignKey fk : t.next().foreignKeys()) {
                        boolean existed = t.previous().foreignKeys().stream().anyMatch(old ->
                                old.columns().equals(fk.columns()) && old.referencedTable().equals(fk.referencedTable())
                                        && old.referencedColumns().equals(fk.referencedColumns()));
                        boolean columnsExisted = fk.columns().stream().allMatch(t.previous()::hasColumn);
                        if (!existed && columnsExisted) {
                            out.add(reference(t.previous(), fk, datamodel));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Reference reference(Table table, ForeignKey fk, Datamodel datamodel) {
        return new Reference(label(datamodel, table.name(), fk), fk.name(), table.namespace(), table.name(),
                fk.columns(), fk.referencedNamespace(), fk.referencedTable(), fk.referencedColumns());
    }

    /** {@code relation `PostToUser`} when the schema has the relation behind the foreign key. */
    private static String label(Datamodel datamodel, String table, ForeignKey fk) {
        if (datamodel != null) {
            for (Relation relation : datamodel.relations()) {
                if (relation.isInline() && fk.name() != null && fk.name().equals(relation.foreignKeyName())) {
                    return "relation `" + relation.name() + "`";
                }
                if (relation.isManyToMany() && table.equals(relation.joinTableName())) {
                    return "relation `" + relation.name() + "` (join table `" + table + "`)";
                }
            }
        }
        return fk.name() == null ? "foreign key on `" + table + "`(" + String.join(", ", fk.columns()) + ")"
                : "foreign key `" + fk.name() + "`";
    }

    /**
     * The references of a script resolved against the live schema: names matched as the database matches unquoted
     * ones, implicit referenced columns read from the primary key; references to tables that hold no rows yet are
     * left out.
     */
    static List<Reference> resolve(List<Reference> references, SqlSchema live) {
        List<Reference> out = new ArrayList<>();
        for (Reference r : references) {
            Optional<Table> child = table(live, r.table());
            if (child.isEmpty()) {
                continue; // created by the script itself: empty
            }
            List<String> columns = columns(child.get(), r.columns());
            if (columns == null) {
                continue; // new columns hold NULLs or one default; the database checks those
            }
            Optional<Table> parent = table(live, r.referencedTable());
            List<String> referenced = r.referencedColumns();
            String parentName = parent.map(Table::name).orElse(r.referencedTable());
            if (parent.isPresent()) {
                if (referenced.isEmpty() && parent.get().primaryKey() != null) {
                    referenced = parent.get().primaryKey().columnNames();
                }
                referenced = columns(parent.get(), referenced);
                if (referenced == null || referenced.size() != columns.size()) {
                    continue;
                }
            } else if (referenced.size() != columns.size()) {
                continue;
            }
            out.add(new Reference(r.label(), r.constraint(), child.get().namespace(), child.get().name(), columns,
                    parent.map(Table::namespace).orElse(r.referencedNamespace()), parentName, referenced));
        }
        return out;
    }

    private static Optional<Table> table(SqlSchema schema, String name) {
        Optional<Table> exact = schema.table(name);
        if (exact.isPresent()) {
            return exact;
        }
        List<Table> folded = schema.tables().stream().filter(t -> t.name().equalsIgnoreCase(name)).toList();
        return folded.size() == 1 ? Optional.of(folded.get(0)) : Optional.empty();
    }

    private static List<String> columns(Table table, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Optional<String> found = table.column(name).map(c -> c.name()).or(() -> table.columns().stream()
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .map(c -> c.name()).findFirst());
            if (found.isEmpty()) {
                return null;
            }
            out.add(found.get());
        }
        return out;
    }

    /**
     * Stops when any reference has orphans.
     *
     * @param live the schema of the database before the migration
     * @throws MigrateException {@code C303} with one line per violated foreign key
     */
    static void refuseOrphans(Connection connection, Dialect dialect, SqlSchema live, List<Reference> references) {
        OrphanFinder finder = new OrphanFinder(dialect);
        List<Orphans> found = new ArrayList<>();
        for (Reference reference : references) {
            if (!OrphanFinder.checkable(live, reference)) {
                continue;
            }
            Orphans orphans = finder.find(connection, reference, OrphanFinder.referencedExists(live, reference));
            if (orphans.any()) {
                found.add(orphans);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        List<String> details = new ArrayList<>();
        details.add("Foreign keys cannot be added: rows of the database point at records that do not exist.");
        details.add("");
        for (Orphans o : found) {
            details.add("  • " + o.describe());
        }
        details.add("");
        int n = found.size();
        throw new MigrateException("C303", n + (n == 1 ? " foreign key" : " foreign keys") + " would be violated by "
                + "existing rows; nothing was changed",
                "delete the orphaned rows or point them at existing records (`sinew db check` lists them), then run "
                        + "the command again", details);
    }
}
