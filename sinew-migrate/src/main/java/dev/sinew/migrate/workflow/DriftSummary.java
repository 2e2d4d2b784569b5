package dev.sinew.migrate.workflow;

import dev.sinew.sql.Arity;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Index;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.MigrationStep.AddColumn;
import dev.sinew.sql.MigrationStep.AddPrimaryKey;
import dev.sinew.sql.MigrationStep.AlterColumn;
import dev.sinew.sql.MigrationStep.ColumnChange;
import dev.sinew.sql.MigrationStep.DropAndRecreateColumn;
import dev.sinew.sql.MigrationStep.DropColumn;
import dev.sinew.sql.MigrationStep.DropPrimaryKey;
import dev.sinew.sql.MigrationStep.RenamePrimaryKey;
import dev.sinew.sql.MigrationStep.TableChange;
import dev.sinew.sql.PrimaryKey;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The human summary of a migration that {@code migrate diff} prints without {@code --script}, and that drift reports
 * show: sections such as {@code [+] Added tables} and {@code [*] Changed the `User` table}, in Prisma's order and
 * words.
 *
 * <p>Each step belongs to one section: added enums, added tables, removed enums, removed tables, redefined tables,
 * changed enums, changed tables (in that order), a table's or enum's section after the name; within a section the
 * lines follow the steps' order. A section's heading is repeated when its name changes (extensions are listed one
 * heading each, as Prisma does).
 */
public final class DriftSummary {

    /** The sections, in the order they are printed. */
    private enum Section {
        ALTERED_EXTENSION, DROPPED_EXTENSION, CREATED_EXTENSION, ADDED_ENUM, ADDED_TABLE, REMOVED_ENUM, REMOVED_TABLE,
        REDEFINED_TABLE, CHANGED_ENUM, CHANGED_TABLE
    }

    private record Item(Section section, String name, int step) {
    }

    private final Dialect dialect;

    public DriftSummary(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The summary, or {@code No difference detected.} for a migration without steps. */
    public String render(Migration migration) {
        List<MigrationStep> steps = migration.steps();
        if (steps.isEmpty()) {
            return "No difference detected.";
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            items.addAll(itemsOf(steps.get(i), i));
        }
        items.sort(Comparator.comparing(Item::section).thenComparing(Item::name).thenComparingInt(Item::step));
        StringBuilder out = new StringBuilder();
        Item previous = null;
        for (Item item : items) {
            if (previous == null || previous.section != item.section || !previous.name.equals(item.name)) {
                out.append(heading(item));
            }
            previous = item;
            lines(steps.get(item.step), migration, out);
        }
        return out.toString();
    }

    private static List<Item> itemsOf(MigrationStep step, int i) {
        if (step instanceof MigrationStep.CreateEnum) {
            return List.of(new Item(Section.ADDED_ENUM, "", i));
        } else if (step instanceof MigrationStep.AlterEnum s) {
            return List.of(new Item(Section.CHANGED_ENUM, s.previous().name(), i));
        } else if (step instanceof MigrationStep.DropForeignKey s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.DropIndex s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.AlterTable s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.previous().name(), i));
        } else if (step instanceof MigrationStep.DropTable) {
            return List.of(new Item(Section.REMOVED_TABLE, "", i));
        } else if (step instanceof MigrationStep.DropEnum) {
            return List.of(new Item(Section.REMOVED_ENUM, "", i));
        } else if (step instanceof MigrationStep.CreateTable) {
            return List.of(new Item(Section.ADDED_TABLE, "", i));
        } else if (step instanceof MigrationStep.RedefineTables s) {
            return s.tables().stream().map(t -> new Item(Section.REDEFINED_TABLE, t.previous().name(), i)).toList();
        } else if (step instanceof MigrationStep.RenameForeignKey s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.CreateIndex s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.AddForeignKey s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.RenameIndex s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.RedefineIndex s) {
            return List.of(new Item(Section.CHANGED_TABLE, s.table().name(), i));
        } else if (step instanceof MigrationStep.CreateExtension s) {
            return List.of(new Item(Section.CREATED_EXTENSION, s.extension().name(), i));
        } else if (step instanceof MigrationStep.DropExtension s) {
            return List.of(new Item(Section.DROPPED_EXTENSION, s.extension().name(), i));
        }
        return List.of(); // CreateSchema: not part of Prisma's summary
    }

    private static String heading(Item item) {
        return switch (item.section) {
            case ADDED_ENUM -> "\n[+] Added enums\n";
            case ADDED_TABLE -> "\n[+] Added tables\n";
            case REMOVED_ENUM -> "\n[-] Removed enums\n";
            case REMOVED_TABLE -> "\n[-] Removed tables\n";
            case REDEFINED_TABLE -> "\n[*] Redefined table `" + item.name + "`\n";
            case CHANGED_ENUM -> "\n[*] Changed the `" + item.name + "` enum\n";
            case CHANGED_TABLE -> "\n[*] Changed the `" + item.name + "` table\n";
            case CREATED_EXTENSION -> "\n[+] Added extensions\n";
            case ALTERED_EXTENSION -> "\n[*] Changed the `" + item.name + "` extension\n";
            // Prisma's heading really ends with a stray backtick.
            case DROPPED_EXTENSION -> "\n[-] Removed extensions\n`";
        };
    }

    private void lines(MigrationStep step, Migration migration, StringBuilder out) {
        if (step instanceof MigrationStep.CreateEnum s) {
            out.append("  - ").append(s.enumType().name()).append('\n');
        } else if (step instanceof MigrationStep.AlterEnum s) {
            for (String added : s.addedValues()) {
                out.append("  [+] Added variant `").append(added).append("`\n");
            }
            for (String removed : s.removedValues()) {
                out.append("  [-] Removed variant `").append(removed).append("`\n");
            }
        } else if (step instanceof MigrationStep.DropForeignKey s) {
            out.append("  [-] Removed foreign key on columns (").append(String.join(", ", s.foreignKey().columns()))
                    .append(")\n");
        } else if (step instanceof MigrationStep.DropIndex s) {
            out.append("  [-] Removed ").append(indexWords(s.index()));
        } else if (step instanceof MigrationStep.AlterTable s) {
            for (TableChange change : s.changes()) {
                tableChange(s.previous(), s.next(), change, out);
            }
        } else if (step instanceof MigrationStep.DropTable s) {
            out.append("  - ").append(s.table().name()).append('\n');
        } else if (step instanceof MigrationStep.DropEnum s) {
            out.append("  - ").append(s.enumType().name()).append('\n');
        } else if (step instanceof MigrationStep.CreateTable s) {
            out.append("  - ").append(s.table().name()).append('\n');
        } else if (step instanceof MigrationStep.RenameForeignKey s) {
            out.append("  [*] Renamed the foreign key \"").append(s.previous().name()).append("\" to \"")
                    .append(s.next().name()).append("\"\n");
        } else if (step instanceof MigrationStep.CreateIndex s) {
            out.append("  [+] Added ").append(indexWords(s.index()));
        } else if (step instanceof MigrationStep.AddForeignKey s) {
            out.append("  [+] Added foreign key on columns (").append(String.join(", ", s.foreignKey().columns()))
                    .append(")\n");
        } else if (step instanceof MigrationStep.RenameIndex s) {
            out.append("  [*] Renamed index `").append(s.previous().name()).append("` to `").append(s.next().name())
                    .append("`\n");
        } else if (step instanceof MigrationStep.RedefineIndex s) {
            out.append("  [*] Redefined index `").append(s.previous().name()).append("`\n");
        } else if (step instanceof MigrationStep.CreateExtension s) {
            out.append("  - ").append(s.extension().name()).append('\n');
        }
        // RedefineTables, DropExtension and CreateSchema have a heading only, as in Prisma.
    }

    private static String indexWords(Index index) {
        return (index.isUnique() ? "unique " : "") + "index on columns (" + String.join(", ", index.columnNames())
                + ")\n";
    }

    private void tableChange(Table previous, Table next, TableChange change, StringBuilder out) {
        if (change instanceof AddColumn c) {
            out.append("  [+] Added column `").append(c.column().name()).append("`\n");
        } else if (change instanceof AlterColumn c) {
            out.append("  [*] Altered column `").append(c.next().name()).append("` ")
                    .append(columnChanges(c.previous(), c.next(), c.changes())).append('\n');
        } else if (change instanceof DropColumn c) {
            out.append("  [-] Removed column `").append(c.column().name()).append("`\n");
        } else if (change instanceof DropAndRecreateColumn c) {
            out.append("  [*] Column `").append(c.next().name()).append("` would be dropped and recreated ")
                    .append(columnChanges(c.previous(), c.next(), recreationChanges(c.previous(), c.next())))
                    .append('\n');
        } else if (change instanceof DropPrimaryKey) {
            out.append("  [-] Dropped the primary key on columns (").append(primaryKeyColumns(previous)).append(")\n");
        } else if (change instanceof RenamePrimaryKey) {
            out.append("  [*] Renamed the primary key on columns (").append(primaryKeyColumns(previous))
                    .append(")\n");
        } else if (change instanceof AddPrimaryKey) {
            // Prisma closes this line's parenthesis twice.
            out.append("  [+] Added primary key on columns (").append(primaryKeyColumns(next)).append(")\n)\n");
        }
    }

    private Set<ColumnChange> recreationChanges(Column previous, Column next) {
        Set<ColumnChange> changes = EnumSet.of(ColumnChange.TYPE);
        if (previous.arity() != next.arity()) {
            changes.add(ColumnChange.ARITY);
        }
        if (!dialect.sameDefault(previous, next)) {
            changes.add(ColumnChange.DEFAULT);
        }
        if (previous.autoIncrement() != next.autoIncrement()) {
            changes.add(ColumnChange.AUTOINCREMENT);
        }
        return changes;
    }

    private static String primaryKeyColumns(Table table) {
        PrimaryKey pk = table.primaryKey();
        return pk == null ? "" : String.join(", ", pk.columnNames());
    }

    private static String columnChanges(Column previous, Column next, Set<ColumnChange> changes) {
        return changes.stream().sorted().map(change -> switch (change) {
            case ARITY -> "changed from " + arity(previous.arity()) + " to " + arity(next.arity());
            case DEFAULT -> "default changed from `" + defaultKind(previous) + "` to `" + defaultKind(next) + "`";
            case TYPE -> "type changed";
            case AUTOINCREMENT -> previous.autoIncrement() ? "column is no longer autoincrementing"
                    : "column became autoincrementing";
        }).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String arity(Arity arity) {
        return switch (arity) {
            case REQUIRED -> "Required";
            case NULLABLE -> "Nullable";
            case LIST -> "List";
        };
    }

    /** A default as Prisma's summary spells it (the debug form of its default kinds). */
    private static String defaultKind(Column column) {
        ColumnDefault d = column.defaultValue();
        if (d == null) {
            return "None";
        }
        String kind;
        if (d instanceof ColumnDefault.Value v) {
            kind = "Value(" + value(column.type().family(), v.text()) + ")";
        } else if (d instanceof ColumnDefault.ListValue l) {
            kind = "Value(List(" + l.items().stream().map(i -> value(column.type().family(), i))
                    .collect(Collectors.joining(", ", "[", "]")) + "))";
        } else if (d instanceof ColumnDefault.Now) {
            kind = "Now";
        } else if (d instanceof ColumnDefault.DbGenerated g) {
            kind = g.expression() == null ? "DbGenerated(None)" : "DbGenerated(Some(" + quoted(g.expression()) + "))";
        } else if (d instanceof ColumnDefault.Sequence s) {
            kind = "Sequence(" + quoted(s.name()) + ")";
        } else if (d instanceof ColumnDefault.UniqueRowId) {
            kind = "UniqueRowid";
        } else {
            kind = "Sequence(\"\")";
        }
        return "Some(" + kind + ")";
    }

    private static String value(Family family, String text) {
        return switch (family) {
            case INT -> "Int(" + text + ")";
            case BIGINT -> "BigInt(" + text + ")";
            case FLOAT, DECIMAL -> "Float(" + text + ")";
            case BOOLEAN -> "Boolean(" + text + ")";
            case ENUM -> "Enum(" + quoted(text) + ")";
            default -> "String(" + quoted(text) + ")";
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
