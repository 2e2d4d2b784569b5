package dev.sinew.migrate;

import dev.sinew.sql.Arity;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnType;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Index;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AddPrimaryKey;
import dev.sinew.sql.MigrationStep.AlterColumn;
import dev.sinew.sql.MigrationStep.AlterTable;
import dev.sinew.sql.MigrationStep.ColumnChange;
import dev.sinew.sql.MigrationStep.DropAndRecreateColumn;
import dev.sinew.sql.MigrationStep.DropColumn;
import dev.sinew.sql.MigrationStep.DropPrimaryKey;
import dev.sinew.sql.MigrationStep.TableChange;
import dev.sinew.sql.MigrationStep.TableRedefinition;
import dev.sinew.sql.MigrationStep.TypeChange;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the steps of a migration that can lose data or cannot run on a filled table, and words them as Prisma does.
 * Without a database ({@code data == null}) every such step is reported as possible; with one, only those the data
 * makes real, with its counts.
 */
public final class DestructiveChangeChecker {

    /** Counts rows in the database the migration will run against. */
    public interface DataInspector {
        /** The number of rows of the table. */
        long rowCount(Table table);

        /** The number of rows whose column is not NULL. */
        long nonNullCount(Table table, Column column);
    }

    private final Dialect dialect;

    public DestructiveChangeChecker(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * What a migration's steps may do to data, in Prisma's words.
     *
     * @param warnings     destructive changes: they lose data, and {@code db push} applies them only when accepted
     * @param unexecutable steps that cannot run on the data there is (a required column without a default added to
     *                     a filled table): no flag makes them run
     */
    public record Findings(List<String> warnings, List<String> unexecutable) {
        public Findings {
            warnings = List.copyOf(warnings);
            unexecutable = List.copyOf(unexecutable);
        }

        public boolean isEmpty() {
            return warnings.isEmpty() && unexecutable.isEmpty();
        }
    }

    /** The warnings, followed by the steps that cannot run, in step order. */
    public List<String> check(Migration migration, DataInspector data) {
        Findings findings = findings(migration, data);
        List<String> out = new ArrayList<>(findings.warnings());
        out.addAll(findings.unexecutable());
        return out;
    }

    /** The warnings and the steps that cannot run, apart. */
    public Findings findings(Migration migration, DataInspector data) {
        List<String> warnings = new ArrayList<>();
        List<String> unexecutable = new ArrayList<>();
        for (MigrationStep step : migration.steps()) {
            if (step instanceof MigrationStep.DropTable d) {
                tableDrop(d.table(), data, warnings);
            } else if (step instanceof AlterTable a) {
                alterTable(a.previous(), a.changes(), data, warnings, unexecutable);
            } else if (step instanceof MigrationStep.RedefineTables r) {
                for (TableRedefinition t : r.tables()) {
                    alterTable(t.previous(), redefinitionChanges(t.previous(), t.next()), data, warnings,
                            unexecutable);
                }
            } else if (step instanceof MigrationStep.CreateIndex c && c.index().isUnique()
                    && migration.previous().table(c.table().namespace(), c.table().name()).isPresent()) {
                uniqueAddition(c.table(), c.index(), warnings);
            } else if (step instanceof MigrationStep.AlterEnum e && !e.removedValues().isEmpty()) {
                warnings.add("The values [" + String.join(",", e.removedValues()) + "] on the enum `"
                        + e.next().name() + "` will be removed. If these variants are still used in the database, "
                        + "this will fail.");
            }
        }
        return new Findings(warnings, unexecutable);
    }

    private void tableDrop(Table table, DataInspector data, List<String> warnings) {
        if (data == null) {
            warnings.add("You are about to drop the `" + table.name() + "` table. If the table is not empty, all the "
                    + "data it contains will be lost.");
            return;
        }
        long rows = data.rowCount(table);
        if (rows > 0) {
            warnings.add("You are about to drop the `" + table.name() + "` table, which is not empty (" + rows
                    + " rows).");
        }
    }

    private void uniqueAddition(Table table, Index index, List<String> warnings) {
        warnings.add("A unique constraint covering the columns `[" + String.join(",", index.columnNames())
                + "]` on the table `" + table.name() + "` will be added. If there are existing duplicate values, "
                + "this will fail.");
    }

    /** The column changes of a table SQLite rebuilds, as if it could alter it in place. */
    private List<TableChange> redefinitionChanges(Table before, Table after) {
        List<TableChange> changes = new ArrayList<>();
        if (!Objects.equals(pk(before), pk(after))) {
            if (before.primaryKey() != null) {
                changes.add(new DropPrimaryKey(before.primaryKey()));
            }
        }
        for (Column c : before.columns()) {
            if (after.column(c.name()).isEmpty()) {
                changes.add(new DropColumn(c));
            }
        }
        for (Column c : after.columns()) {
            Optional<Column> old = before.column(c.name());
            if (old.isEmpty()) {
                changes.add(new AddColumn(c));
            } else {
                java.util.Set<ColumnChange> set = java.util.EnumSet.noneOf(ColumnChange.class);
                if (old.get().arity() != c.arity()) {
                    set.add(ColumnChange.ARITY);
                }
                TypeChange type = dialect.typeChange(old.get(), c);
                if (type != null) {
                    set.add(ColumnChange.TYPE);
                }
                if (!set.isEmpty()) {
                    changes.add(new AlterColumn(old.get(), c, set, type));
                }
            }
        }
        return changes;
    }

    private static List<String> pk(Table t) {
        return t.primaryKey() == null ? null : t.primaryKey().columnNames();
    }

    private void alterTable(Table table, List<TableChange> changes, DataInspector data, List<String> warnings,
                            List<String> unexecutable) {
        boolean primaryKeyChanged = false;
        for (TableChange change : changes) {
            if (change instanceof DropPrimaryKey || change instanceof AddPrimaryKey) {
                if (!primaryKeyChanged) {
                    primaryKeyChanged = true;
                    if (data == null || data.rowCount(table) > 0) {
                        warnings.add("The primary key for the `" + table.name() + "` table will be changed. If it "
                                + "partially fails, the table could be left without primary key constraint.");
                    }
                }
            } else if (change instanceof DropColumn d) {
                columnDrop(table, d.column(), data, warnings);
            } else if (change instanceof AddColumn a) {
                requiredColumnAddition(table, a.column(), data, unexecutable);
            } else if (change instanceof DropAndRecreateColumn r) {
                dropAndRecreate(table, r.previous(), r.next(), data, warnings, unexecutable);
            } else if (change instanceof AlterColumn a) {
                alterColumn(table, a, data, warnings, unexecutable);
            }
        }
    }

    private void columnDrop(Table table, Column column, DataInspector data, List<String> warnings) {
        if (data == null) {
            warnings.add("You are about to drop the column `" + column.name() + "` on the `" + table.name()
                    + "` table. All the data in the column will be lost.");
            return;
        }
        if (data.rowCount(table) == 0) {
            return;
        }
        long values = data.nonNullCount(table, column);
        if (values > 0) {
            warnings.add("You are about to drop the column `" + column.name() + "` on the `" + table.name()
                    + "` table, which still contains " + values + " non-null values.");
        }
    }

    private void requiredColumnAddition(Table table, Column column, DataInspector data, List<String> unexecutable) {
        if (!column.isRequired() || column.defaultValue() != null || column.autoIncrement()) {
            return;
        }
        String details;
        if (data == null) {
            details = "This is not possible if the table is not empty.";
        } else {
            long rows = data.rowCount(table);
            if (rows == 0) {
                return;
            }
            details = "There are " + rows + " rows in this table, it is not possible to execute this step.";
        }
        if (column.prismaLevelDefault()) {
            unexecutable.add("The required column `" + column.name() + "` was added to the `" + table.name()
                    + "` table with a prisma-level default value. " + details + " Please add this column as optional, "
                    + "then populate it before making it required.");
        } else {
            unexecutable.add("Added the required column `" + column.name() + "` to the `" + table.name()
                    + "` table without a default value. " + details);
        }
    }

    private void dropAndRecreate(Table table, Column before, Column after, DataInspector data, List<String> warnings,
                                 List<String> unexecutable) {
        if (after.arity() == Arity.LIST && before.arity() != Arity.LIST) {
            String message = "Changed the column `" + after.name() + "` on the `" + table.name()
                    + "` table from a scalar field to a list field. ";
            if (data == null) {
                unexecutable.add(message + "If there are non-null values in that column, this step will fail.");
            } else if (data.rowCount(table) > 0) {
                long values = data.nonNullCount(table, before);
                if (values > 0) {
                    unexecutable.add(message + "There are " + values + " existing non-null values in that column, "
                            + "this step cannot be executed.");
                }
            }
            return;
        }
        if (after.isRequired()) {
            if (data == null) {
                unexecutable.add("Changed the type of `" + after.name() + "` on the `" + table.name() + "` table. No "
                        + "cast exists, the column would be dropped and recreated, which cannot be done if there is "
                        + "data, since the column is required.");
            } else if (data.rowCount(table) > 0) {
                unexecutable.add("Changed the type of `" + after.name() + "` on the `" + table.name() + "` table. No "
                        + "cast exists, the column would be dropped and recreated, which cannot be done since the "
                        + "column is required and there is data in the table.");
            }
            return;
        }
        if (data == null) {
            warnings.add("The `" + after.name() + "` column on the `" + table.name() + "` table would be dropped and "
                    + "recreated. This will lead to data loss if there is data in the column.");
        } else if (data.rowCount(table) > 0 && data.nonNullCount(table, before) > 0) {
            warnings.add("The `" + after.name() + "` column on the `" + table.name() + "` table would be dropped and "
                    + "recreated. This will lead to data loss.");
        }
    }

    private void alterColumn(Table table, AlterColumn change, DataInspector data, List<String> warnings,
                             List<String> unexecutable) {
        Column before = change.previous();
        Column after = change.next();
        if (change.typeChange() == TypeChange.RISKY || change.typeChange() == TypeChange.NOT_CASTABLE) {
            String from = typeName(before.type());
            String to = typeName(after.type());
            long values = -1;
            if (data != null) {
                if (data.rowCount(table) == 0) {
                    values = 0;
                } else {
                    values = data.nonNullCount(table, before);
                }
            }
            if (values != 0) {
                boolean notCastable = change.typeChange() == TypeChange.NOT_CASTABLE;
                String head = "You are about to alter the column `" + after.name() + "` on the `" + table.name()
                        + "` table";
                String cast = "The data in that column will be cast from `" + from + "` to `" + to + "`.";
                if (notCastable) {
                    String tail = " This cast may fail. Please make sure the data in the column can be cast.";
                    warnings.add(values > 0 ? head + ", which contains " + values + " non-null values. " + cast + tail
                            : head + ". " + cast + tail);
                } else {
                    warnings.add(values > 0 ? head + ", which contains " + values + " non-null values. " + cast
                            : head + ". The data in that column could be lost. " + cast);
                }
            }
        }
        if (before.arity() == Arity.NULLABLE && after.arity() == Arity.REQUIRED
                && (after.defaultValue() == null || !dialect.fillsNullsWhenMadeRequired())) {
            if (data == null) {
                unexecutable.add("Made the column `" + after.name() + "` on table `" + table.name() + "` required. "
                        + "This step will fail if there are existing NULL values in that column.");
            } else {
                long rows = data.rowCount(table);
                long nulls = rows == 0 ? 0 : rows - data.nonNullCount(table, before);
                if (nulls > 0) {
                    unexecutable.add("Made the column `" + after.name() + "` on table `" + table.name()
                            + "` required, but there are " + nulls + " existing NULL values.");
                }
            }
        }
    }

    private String typeName(ColumnType type) {
        return dialect.typeNameInWarnings(type);
    }

}
