package dev.sinew.sql;

import java.util.List;
import java.util.Set;

/**
 * One step of a migration between two {@link SqlSchema}s. A dialect renders each step to its statements under a
 * comment header named after {@link Kind#description()}; a migration sorts its steps by {@link Kind} first, in
 * Prisma's order, so that, e.g., foreign keys are dropped before the indexes they use and added after the unique
 * indexes they reference.
 */
public sealed interface MigrationStep {

    Kind kind();

    /** The kinds of step in the order a migration applies them; the names are the script's comment headers. */
    enum Kind {
        CreateSchema, DropExtension, CreateExtension, AlterExtension, AlterSequence, DropView, DropUserDefinedType,
        CreateEnum, AlterEnum, DropForeignKey, DropIndex, AlterTable, AlterPrimaryKey, DropTable, DropEnum,
        CreateTable, RedefineTables, CreateIndex, RenameForeignKey, AddForeignKey, RenameIndex, RedefineIndex;

        /** The script's comment header for this kind of step, without the leading {@code -- }. */
        public String description() {
            return name();
        }
    }

    record CreateSchema(String namespace) implements MigrationStep {
        public Kind kind() {
            return Kind.CreateSchema;
        }
    }

    record DropExtension(Extension extension) implements MigrationStep {
        public Kind kind() {
            return Kind.DropExtension;
        }
    }

    record CreateExtension(Extension extension) implements MigrationStep {
        public Kind kind() {
            return Kind.CreateExtension;
        }
    }

    record CreateEnum(SqlEnum enumType) implements MigrationStep {
        public Kind kind() {
            return Kind.CreateEnum;
        }
    }

    /** Values added to or removed from an enum; the columns using it are found in the two schemas. */
    record AlterEnum(SqlEnum previous, SqlEnum next) implements MigrationStep {
        public Kind kind() {
            return Kind.AlterEnum;
        }

        public List<String> addedValues() {
            return next.values().stream().filter(v -> !previous.values().contains(v)).toList();
        }

        public List<String> removedValues() {
            return previous.values().stream().filter(v -> !next.values().contains(v)).toList();
        }
    }

    record DropForeignKey(Table table, ForeignKey foreignKey) implements MigrationStep {
        public Kind kind() {
            return Kind.DropForeignKey;
        }
    }

    record DropIndex(Table table, Index index) implements MigrationStep {
        public Kind kind() {
            return Kind.DropIndex;
        }
    }

    /** Column and primary-key changes of one table, in the order they are rendered. */
    record AlterTable(Table previous, Table next, List<TableChange> changes) implements MigrationStep {
        public AlterTable {
            changes = List.copyOf(changes);
        }

        public Kind kind() {
            return Kind.AlterTable;
        }
    }

    record DropTable(Table table) implements MigrationStep {
        public Kind kind() {
            return Kind.DropTable;
        }
    }

    record DropEnum(SqlEnum enumType) implements MigrationStep {
        public Kind kind() {
            return Kind.DropEnum;
        }
    }

    record CreateTable(Table table) implements MigrationStep {
        public Kind kind() {
            return Kind.CreateTable;
        }
    }

    /**
     * Tables rebuilt by copying their rows into a new table (SQLite, which cannot alter columns, primary keys or
     * foreign keys in place).
     */
    record RedefineTables(List<TableRedefinition> tables) implements MigrationStep {
        public RedefineTables {
            tables = List.copyOf(tables);
        }

        public Kind kind() {
            return Kind.RedefineTables;
        }
    }

    /** One table of a {@link RedefineTables} step. */
    record TableRedefinition(Table previous, Table next) {
    }

    record CreateIndex(Table table, Index index) implements MigrationStep {
        public Kind kind() {
            return Kind.CreateIndex;
        }
    }

    record RenameForeignKey(Table table, ForeignKey previous, ForeignKey next) implements MigrationStep {
        public Kind kind() {
            return Kind.RenameForeignKey;
        }
    }

    record AddForeignKey(Table table, ForeignKey foreignKey) implements MigrationStep {
        public Kind kind() {
            return Kind.AddForeignKey;
        }
    }

    record RenameIndex(Table table, Index previous, Index next) implements MigrationStep {
        public Kind kind() {
            return Kind.RenameIndex;
        }
    }

    /** An index renamed where the database cannot rename indexes: dropped and created again. */
    record RedefineIndex(Table table, Index previous, Index next) implements MigrationStep {
        public Kind kind() {
            return Kind.RedefineIndex;
        }
    }

    /** One change inside an {@link AlterTable} step. */
    sealed interface TableChange {
    }

    record AddColumn(Column column) implements TableChange {
    }

    record DropColumn(Column column) implements TableChange {
    }

    /** A column changed in place; {@code typeChange} is null when the type did not change. */
    record AlterColumn(Column previous, Column next, Set<ColumnChange> changes, TypeChange typeChange)
            implements TableChange {
        public AlterColumn {
            changes = Set.copyOf(changes);
        }
    }

    /** A column whose type cannot be cast: dropped and added again, losing its data. */
    record DropAndRecreateColumn(Column previous, Column next) implements TableChange {
    }

    record DropPrimaryKey(PrimaryKey primaryKey) implements TableChange {
    }

    record AddPrimaryKey(PrimaryKey primaryKey) implements TableChange {
    }

    record RenamePrimaryKey(PrimaryKey previous, PrimaryKey next) implements TableChange {
    }

    /** What changed about a column. */
    enum ColumnChange { ARITY, DEFAULT, TYPE, AUTOINCREMENT }

    /** How a database converts a column's values to a new type. */
    enum TypeChange {
        /** Every value converts without loss. */
        SAFE,
        /** Values convert, but some may lose precision or fail. */
        RISKY,
        /** The database has no conversion: the column is dropped and recreated. */
        NOT_CASTABLE
    }
}
