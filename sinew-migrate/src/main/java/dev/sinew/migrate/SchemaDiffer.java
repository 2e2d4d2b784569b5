package dev.sinew.migrate;

import dev.sinew.sql.Arity;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Extension;
import dev.sinew.sql.ForeignKey;
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
import dev.sinew.sql.MigrationStep.TableRedefinition;
import dev.sinew.sql.MigrationStep.TypeChange;
import dev.sinew.sql.PrimaryKey;
import dev.sinew.sql.SqlEnum;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two {@link SqlSchema}s of the same database and lists the steps that turn the first into the second, in
 * Prisma's order: steps sorted by kind, and within a kind in the order of the tables (and of their indexes and
 * foreign keys) in the schema the step belongs to.
 */
public final class SchemaDiffer {

    private final Dialect dialect;

    public SchemaDiffer(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The migration from {@code previous} to {@code next}, with the warnings Prisma writes into its script. */
    public Migration diff(SqlSchema previous, SqlSchema next) {
        List<Ordered> steps = new ArrayList<>();
        diffNamespaces(previous, next, steps);
        diffExtensions(previous, next, steps);
        if (dialect.enumsAreTypes()) {
            diffEnums(previous, next, steps);
        }
        diffTables(previous, next, steps);
        steps.sort(Comparator.comparingInt((Ordered o) -> o.step.kind().ordinal()).thenComparing(o -> o.key));
        List<MigrationStep> ordered = steps.stream().map(o -> o.step).toList();
        Migration withoutWarnings = new Migration(previous, next, ordered, List.of());
        List<String> warnings = new DestructiveChangeChecker(dialect).check(withoutWarnings, null);
        return new Migration(previous, next, ordered, warnings);
    }

    /** A step with its position among the steps of its kind. */
    private record Ordered(MigrationStep step, SortKey key) {
    }

    /**
     * Where a step goes among the steps of its kind: steps about new tables before those about existing ones, then by
     * table position, then by the position of the index or foreign key in its table.
     */
    private record SortKey(int group, int table, int item) implements Comparable<SortKey> {
        @Override
        public int compareTo(SortKey o) {
            return Comparator.comparingInt(SortKey::group).thenComparingInt(SortKey::table)
                    .thenComparingInt(SortKey::item).compare(this, o);
        }
    }

    private static SortKey key(int table, int item) {
        return new SortKey(0, table, item);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void diffNamespaces(SqlSchema previous, SqlSchema next, List<Ordered> steps) {
        int i = 0;
        for (String ns : next.namespaces()) {
            // A database's default schema exists already unless migrations create it (PostgreSQL's "public").
            boolean exists = ns.equals(dialect.defaultNamespace()) && !dialect.createsDefaultNamespace();
            if (!exists && !previous.namespaces().contains(ns)) {
                steps.add(new Ordered(new MigrationStep.CreateSchema(ns), key(i, 0)));
            }
            i++;
        }
    }

    /** Extensions are only ever created: a database's other extensions are not the schema's business. */
    private void diffExtensions(SqlSchema previous, SqlSchema next, List<Ordered> steps) {
        int i = 0;
        for (Extension ext : next.extensions()) {
            boolean exists = previous.extensions().stream().anyMatch(e -> e.name().equals(ext.name()));
            if (!exists) {
                steps.add(new Ordered(new MigrationStep.CreateExtension(ext), key(i, 0)));
            }
            i++;
        }
    }

    private void diffEnums(SqlSchema previous, SqlSchema next, List<Ordered> steps) {
        int i = 0;
        for (SqlEnum e : next.enums()) {
            Optional<SqlEnum> before = previous.enumType(e.name());
            if (before.isEmpty()) {
                steps.add(new Ordered(new MigrationStep.CreateEnum(e), key(i, 0)));
            } else {
                MigrationStep.AlterEnum alter = new MigrationStep.AlterEnum(before.get(), e);
                if (!alter.addedValues().isEmpty() || !alter.removedValues().isEmpty()) {
                    steps.add(new Ordered(alter, key(previous.enums().indexOf(before.get()), 0)));
                }
            }
            i++;
        }
        i = 0;
        for (SqlEnum e : previous.enums()) {
            if (next.enumType(e.name()).isEmpty()) {
                steps.add(new Ordered(new MigrationStep.DropEnum(e), key(i, 0)));
            }
            i++;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Optional<Table> counterpart(SqlSchema schema, Table table) {
        return schema.tables().stream().filter(t -> t.name().equals(table.name())
                && (t.namespace() == null || table.namespace() == null
                || t.namespace().equals(table.namespace()))).findFirst();
    }

    private void diffTables(SqlSchema previous, SqlSchema next, List<Ordered> steps) {
        List<TableRedefinition> redefinitions = new ArrayList<>();
        // Dropped tables, with their foreign keys first where the database drops those separately.
        for (int i = 0; i < previous.tables().size(); i++) {
            Table before = previous.tables().get(i);
            if (counterpart(next, before).isPresent()) {
                continue;
            }
            steps.add(new Ordered(new MigrationStep.DropTable(before), key(i, 0)));
            if (dialect.canAlterForeignKeys()) {
                for (int f = 0; f < before.foreignKeys().size(); f++) {
                    steps.add(new Ordered(new MigrationStep.DropForeignKey(before, before.foreignKeys().get(f)),
                            key(i, f)));
                }
            }
        }
        // Created tables, with their indexes and foreign keys unless the CREATE TABLE holds them.
        for (int i = 0; i < next.tables().size(); i++) {
            Table after = next.tables().get(i);
            if (counterpart(previous, after).isPresent()) {
                continue;
            }
            steps.add(new Ordered(new MigrationStep.CreateTable(after), key(i, 0)));
            for (int x = 0; x < after.indexes().size(); x++) {
                Index index = after.indexes().get(x);
                if (!dialect.indexInCreateTable(index)) {
                    steps.add(new Ordered(new MigrationStep.CreateIndex(after, index), new SortKey(0, i, x)));
                }
            }
            if (dialect.canAlterForeignKeys()) {
                for (int f = 0; f < after.foreignKeys().size(); f++) {
                    steps.add(new Ordered(new MigrationStep.AddForeignKey(after, after.foreignKeys().get(f)),
                            key(i, f)));
                }
            }
        }
        // Tables in both schemas.
        for (int i = 0; i < previous.tables().size(); i++) {
            Table before = previous.tables().get(i);
            Optional<Table> match = counterpart(next, before);
            if (match.isEmpty()) {
                continue;
            }
            Table after = match.get();
            int nextIndex = next.tables().indexOf(after);
            diffTable(before, after, i, nextIndex, steps, redefinitions);
        }
        if (!redefinitions.isEmpty()) {
            steps.add(new Ordered(new MigrationStep.RedefineTables(redefinitions), key(0, 0)));
        }
    }

    private void diffTable(Table before, Table after, int previousIndex, int nextIndex, List<Ordered> steps,
                           List<TableRedefinition> redefinitions) {
        List<TableChange> changes = tableChanges(before, after);
        ForeignKeyDiff fks = diffForeignKeys(before, after);

        boolean rebuild = !fks.isEmpty() && !dialect.canAlterForeignKeys()
                || !changes.stream().allMatch(dialect::canAlterInPlace);
        if (rebuild) {
            // The rebuilt table gets its new foreign keys and indexes with it.
            redefinitions.add(new TableRedefinition(before, after));
            return;
        }

        if (dialect.foreignKeysNeedIndexes()) {
            releaseIndexesOfKeptForeignKeys(before, after, fks);
        }
        for (int f = 0; f < fks.dropped.size(); f++) {
            ForeignKey fk = fks.dropped.get(f);
            steps.add(new Ordered(new MigrationStep.DropForeignKey(before, fk),
                    key(previousIndex, before.foreignKeys().indexOf(fk))));
        }
        for (ForeignKey fk : fks.added) {
            steps.add(new Ordered(new MigrationStep.AddForeignKey(after, fk),
                    key(nextIndex, after.foreignKeys().indexOf(fk))));
        }
        for (ForeignKey[] renamed : fks.renamed) {
            steps.add(new Ordered(new MigrationStep.RenameForeignKey(after, renamed[0], renamed[1]),
                    key(nextIndex, after.foreignKeys().indexOf(renamed[1]))));
        }

        if (!changes.isEmpty()) {
            steps.add(new Ordered(new MigrationStep.AlterTable(before, after, changes), key(previousIndex, 0)));
        }

        diffIndexes(before, after, previousIndex, nextIndex, steps);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Columns and primary keys

    private List<TableChange> tableChanges(Table before, Table after) {
        List<TableChange> changes = new ArrayList<>();
        PrimaryKey pkBefore = before.primaryKey();
        PrimaryKey pkAfter = after.primaryKey();
        boolean pkColumnsChanged = !Objects.equals(pkColumns(pkBefore), pkColumns(pkAfter));
        if (pkColumnsChanged && pkBefore != null) {
            changes.add(new DropPrimaryKey(pkBefore));
        }
        // Columns are matched by name. Prisma lists dropped and added columns in name order, and changed columns
        // in the order of the previous table.
        Set<String> names = new TreeSet<>();
        before.columns().forEach(c -> names.add(c.name()));
        after.columns().forEach(c -> names.add(c.name()));
        List<TableChange> drops = new ArrayList<>();
        List<TableChange> adds = new ArrayList<>();
        List<TableChange> alters = new ArrayList<>();
        for (String name : names) {
            Optional<Column> a = before.column(name);
            Optional<Column> b = after.column(name);
            if (a.isPresent() && b.isEmpty()) {
                drops.add(new DropColumn(a.get()));
            } else if (a.isEmpty() && b.isPresent()) {
                adds.add(new AddColumn(b.get()));
            }
        }
        for (Column a : before.columns()) {
            Optional<Column> b = after.column(a.name());
            if (b.isPresent()) {
                TableChange change = columnChange(a, b.get());
                if (change != null) {
                    alters.add(change);
                }
            }
        }
        changes.addAll(drops);
        changes.addAll(adds);
        changes.addAll(alters);
        if (pkColumnsChanged && pkAfter != null) {
            changes.add(new AddPrimaryKey(pkAfter));
        } else if (!pkColumnsChanged && pkBefore != null && dialect.namedPrimaryKeys()
                && pkBefore.name() != null && pkAfter.name() != null && !pkBefore.name().equals(pkAfter.name())) {
            changes.add(new RenamePrimaryKey(pkBefore, pkAfter));
        }
        return changes;
    }

    private static List<String> pkColumns(PrimaryKey pk) {
        return pk == null ? null : pk.columnNames();
    }

    /** The change of a column present in both tables; null when it did not change. */
    private TableChange columnChange(Column before, Column after) {
        Set<ColumnChange> changes = EnumSet.noneOf(ColumnChange.class);
        if (before.arity() != after.arity()) {
            changes.add(ColumnChange.ARITY);
        }
        TypeChange typeChange = dialect.typeChange(before, after);
        if (typeChange != null) {
            changes.add(ColumnChange.TYPE);
        }
        if (before.autoIncrement() != after.autoIncrement()) {
            changes.add(ColumnChange.AUTOINCREMENT);
        }
        if (!dialect.sameDefault(before, after) && !(after.autoIncrement() && before.autoIncrement())) {
            boolean sequenceOnly = isSequence(before.defaultValue()) && after.defaultValue() == null
                    || isSequence(after.defaultValue()) && before.defaultValue() == null;
            if (!sequenceOnly) {
                changes.add(ColumnChange.DEFAULT);
            }
        }
        if (changes.isEmpty()) {
            return null;
        }
        boolean toList = after.arity() == Arity.LIST && before.arity() != Arity.LIST;
        if (typeChange == TypeChange.NOT_CASTABLE || toList) {
            return new DropAndRecreateColumn(before, after);
        }
        return new AlterColumn(before, after, changes, typeChange);
    }

    private static boolean isSequence(ColumnDefault d) {
        return d instanceof ColumnDefault.Sequence;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Foreign keys

    private static final class ForeignKeyDiff {
        final List<ForeignKey> dropped = new ArrayList<>();
        final List<ForeignKey> added = new ArrayList<>();
        final List<ForeignKey[]> renamed = new ArrayList<>();

        boolean isEmpty() {
            return dropped.isEmpty() && added.isEmpty() && renamed.isEmpty();
        }
    }

    /**
     * Foreign keys are the same when they join the same columns to the same table with the same actions; a name
     * change alone is a rename where the database can rename them.
     */
    private ForeignKeyDiff diffForeignKeys(Table before, Table after) {
        ForeignKeyDiff diff = new ForeignKeyDiff();
        Set<ForeignKey> matched = new HashSet<>();
        for (ForeignKey fk : after.foreignKeys()) {
            Optional<ForeignKey> same = before.foreignKeys().stream()
                    .filter(o -> !matched.contains(o) && sameConstraint(o, fk)).findFirst();
            if (same.isEmpty()) {
                diff.added.add(fk);
                continue;
            }
            matched.add(same.get());
            String a = same.get().name();
            String b = fk.name();
            if (dialect.namedForeignKeys() && a != null && b != null && !a.equals(b)) {
                if (dialect.canRenameForeignKeys()) {
                    diff.renamed.add(new ForeignKey[] {same.get(), fk});
                } else {
                    diff.dropped.add(same.get());
                    diff.added.add(fk);
                }
            }
        }
        for (ForeignKey fk : before.foreignKeys()) {
            if (!matched.contains(fk)) {
                diff.dropped.add(fk);
            }
        }
        diff.dropped.sort(Comparator.comparingInt(before.foreignKeys()::indexOf));
        diff.added.sort(Comparator.comparingInt(after.foreignKeys()::indexOf));
        return diff;
    }

    /**
     * A kept foreign key whose index goes away (dropped, or changed so that it no longer starts with the key's
     * columns) is dropped before the index and added again after it, as Prisma does; the database then finds or
     * makes another index for it.
     */
    private void releaseIndexesOfKeptForeignKeys(Table before, Table after, ForeignKeyDiff fks) {
        for (ForeignKey fk : after.foreignKeys()) {
            if (fks.added.contains(fk)) {
                continue;
            }
            ForeignKey old = before.foreignKeys().stream().filter(o -> sameConstraint(o, fk)).findFirst().orElse(null);
            if (old == null || fks.dropped.contains(old)) {
                continue;
            }
            boolean usedIndexGoes = before.indexes().stream()
                    .filter(i -> startsWith(i.columnNames(), fk.columns()))
                    .anyMatch(i -> after.indexes().stream().noneMatch(n -> n.name().equals(i.name())
                            && sameIndex(n, i)));
            boolean anotherServes = after.indexes().stream().anyMatch(i -> startsWith(i.columnNames(), fk.columns())
                    && before.indexes().stream().anyMatch(o -> o.name().equals(i.name()) && sameIndex(o, i)))
                    || after.primaryKey() != null && startsWith(after.primaryKey().columnNames(), fk.columns());
            if (usedIndexGoes && !anotherServes) {
                fks.dropped.add(old);
                fks.added.add(fk);
            }
        }
        fks.dropped.sort(Comparator.comparingInt(before.foreignKeys()::indexOf));
        fks.added.sort(Comparator.comparingInt(after.foreignKeys()::indexOf));
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size() && columns.subList(0, prefix.size()).equals(prefix);
    }

    private boolean sameConstraint(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns())
                && dialect.effectiveAction(a.onDelete()) == dialect.effectiveAction(b.onDelete())
                && dialect.effectiveAction(a.onUpdate()) == dialect.effectiveAction(b.onUpdate());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Indexes

    private void diffIndexes(Table before, Table after, int previousIndex, int nextIndex, List<Ordered> steps) {
        Set<Index> matchedBefore = new HashSet<>();
        Set<Index> matchedAfter = new HashSet<>();
        // Same name and same definition: unchanged.
        for (Index b : after.indexes()) {
            before.indexes().stream().filter(a -> !matchedBefore.contains(a) && a.name().equals(b.name())
                    && sameIndex(a, b)).findFirst().ifPresent(a -> {
                        matchedBefore.add(a);
                        matchedAfter.add(b);
                    });
        }
        // Same definition under another name: renamed.
        for (int x = 0; x < after.indexes().size(); x++) {
            Index b = after.indexes().get(x);
            if (matchedAfter.contains(b)) {
                continue;
            }
            Optional<Index> renamed = before.indexes().stream()
                    .filter(a -> !matchedBefore.contains(a) && sameIndex(a, b)
                            && after.indexes().stream().noneMatch(o -> o.name().equals(a.name()))).findFirst();
            if (renamed.isPresent()) {
                matchedBefore.add(renamed.get());
                matchedAfter.add(b);
                MigrationStep step = dialect.canRenameIndexes()
                        ? new MigrationStep.RenameIndex(after, renamed.get(), b)
                        : new MigrationStep.RedefineIndex(after, renamed.get(), b);
                steps.add(new Ordered(step, new SortKey(0, nextIndex, x)));
            }
        }
        for (int x = 0; x < before.indexes().size(); x++) {
            Index a = before.indexes().get(x);
            if (!matchedBefore.contains(a)) {
                steps.add(new Ordered(new MigrationStep.DropIndex(before, a), key(previousIndex, x)));
            }
        }
        for (int x = 0; x < after.indexes().size(); x++) {
            Index b = after.indexes().get(x);
            if (!matchedAfter.contains(b)) {
                // Indexes of existing tables come after those of new tables.
                steps.add(new Ordered(new MigrationStep.CreateIndex(after, b), new SortKey(1, previousIndex, x)));
            }
        }
    }

    private static boolean sameIndex(Index a, Index b) {
        return a.kind() == b.kind() && a.columns().equals(b.columns())
                && Objects.equals(normalizeAlgorithm(a.algorithm()), normalizeAlgorithm(b.algorithm()));
    }

    private static String normalizeAlgorithm(String algorithm) {
        return algorithm == null || algorithm.equalsIgnoreCase("BTree") ? null : algorithm;
    }
}
