package dev.sinew.migrate.introspect;

import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.Table;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names Prisma's introspection gives relations found in the database and their two fields, before the user's
 * schema is consulted.
 *
 * <p>A relation is <em>ambiguous</em> when another relation links the same two tables, or when its forward field
 * would take the name of one of its own scalar fields. An unambiguous relation has no name (a self relation is named
 * {@code {Model}To{Model}}), its forward field is named after the referenced model and its back field after the
 * referencing model ({@code other_} in front for a self relation). An ambiguous relation is named
 * {@code {Referencing}_{fields}To{Referenced}} and both fields carry that name after the model's. Join tables give
 * their relation their own name without the leading underscore, unless it is the default {@code {A}To{B}}.
 */
final class RelationNames {
    /**
     * @param relationName the relation's name, empty when it needs none
     * @param forward      the field on the referencing model (model A of a many-to-many relation)
     * @param back         the field on the referenced model (model B of a many-to-many relation)
     */
    record Names(String relationName, String forward, String back) {
    }

    private final IntrospectionContext ctx;
    private final Map<ForeignKey, Names> inline = new IdentityHashMap<>();
    private final Map<Table, Names> manyToMany = new IdentityHashMap<>();
    private final Set<List<String>> ambiguous = new HashSet<>();

    private RelationNames(IntrospectionContext ctx) {
        this.ctx = ctx;
    }

    static RelationNames of(IntrospectionContext ctx) {
        RelationNames names = new RelationNames(ctx);
        names.findAmbiguousRelations();
        for (Table table : ctx.allTables) {
            if (ctx.joinTables.contains(table)) {
                names.manyToMany.put(table, names.manyToManyNames(table));
            } else {
                Set<ForeignKey> duplicated = duplicatedForeignKeys(ctx.flavour.foreignKeys(table));
                for (ForeignKey fk : table.foreignKeys()) {
                    if (!duplicated.contains(fk)) {
                        names.inline.put(fk, names.inlineNames(table, fk));
                    }
                }
            }
        }
        return names;
    }

    /** The names of a foreign key's relation; null for a foreign key that repeats an earlier one of its table. */
    Names inline(ForeignKey fk) {
        return inline.get(fk);
    }

    Names manyToMany(Table joinTable) {
        return manyToMany.get(joinTable);
    }

    private Names inlineNames(Table table, ForeignKey fk) {
        boolean self = table.name().equals(fk.referencedTable());
        String referencing = ctx.modelName(table.name()).name();
        String referenced = ctx.modelName(fk.referencedTable()).name();
        String otherPrefix = self ? "other_" : "";
        if (!ambiguous.contains(pair(table.name(), fk.referencedTable()))) {
            return new Names(self ? referencing + "To" + referenced : "", referenced, otherPrefix + referencing);
        }
        String name = referencing + "_" + String.join("_", ctx.fieldNames(table, fk.columns())) + "To" + referenced;
        return new Names(name, referenced + "_" + name, otherPrefix + referencing + "_" + name);
    }

    private Names manyToManyNames(Table joinTable) {
        List<String> tables = joinTableModels(joinTable);
        boolean self = tables.get(0).equals(tables.get(1));
        String a = ctx.modelName(tables.get(0)).name();
        String b = ctx.modelName(tables.get(1)).name();
        String found = joinTable.name().substring(1);
        String relationName;
        String suffix;
        if (ambiguous.contains(tables)) {
            relationName = found;
            suffix = joinTable.name();
        } else {
            relationName = found.equals(a + "To" + b) && !self ? "" : found;
            suffix = "";
        }
        return new Names(relationName, b + suffix + (self ? "_A" : ""), a + suffix + (self ? "_B" : ""));
    }

    /** The two tables a join table links, sorted. */
    static List<String> joinTableModels(Table joinTable) {
        return pair(joinTable.foreignKeys().get(0).referencedTable(), joinTable.foreignKeys().get(1).referencedTable());
    }

    private static List<String> pair(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    private void findAmbiguousRelations() {
        for (Table table : ctx.allTables) {
            if (ctx.joinTables.contains(table)) {
                manyToManyAmbiguity(table);
            } else {
                for (ForeignKey fk : table.foreignKeys()) {
                    inlineAmbiguity(table, fk);
                }
            }
        }
    }

    private void manyToManyAmbiguity(Table joinTable) {
        List<String> tables = joinTableModels(joinTable);
        if (ambiguous.contains(tables)) {
            return;
        }
        for (String modelTable : tables) {
            ctx.table(modelTable).ifPresent(t -> {
                for (ForeignKey fk : t.foreignKeys()) {
                    if (pair(modelTable, fk.referencedTable()).equals(tables)) {
                        ambiguous.add(tables);
                    }
                }
            });
        }
        for (Table other : ctx.joinTables) {
            if (other != joinTable && joinTableModels(other).equals(tables)) {
                ambiguous.add(tables);
            }
        }
    }

    private void inlineAmbiguity(Table table, ForeignKey fk) {
        List<String> tables = pair(table.name(), fk.referencedTable());
        if (ambiguous.contains(tables)) {
            return;
        }
        // Any other foreign key of either table between the same two tables makes the relation ambiguous; a foreign
        // key on the same columns is the same relation.
        List<Table> holders = new java.util.ArrayList<>(List.of(table));
        ctx.table(fk.referencedTable()).ifPresent(holders::add);
        for (Table holder : holders) {
            for (ForeignKey other : holder.foreignKeys()) {
                if (other != fk && !other.columns().equals(fk.columns())
                        && pair(holder.name(), other.referencedTable()).equals(tables)) {
                    ambiguous.add(tables);
                    return;
                }
            }
        }
        String defaultFieldName = ctx.modelName(fk.referencedTable()).name();
        if (ctx.fieldNames(table, fk.columns()).contains(defaultFieldName)) {
            ambiguous.add(tables);
        }
    }

    /** The foreign keys of a table that repeat an earlier one (same columns, same referenced columns). */
    static Set<ForeignKey> duplicatedForeignKeys(List<ForeignKey> fks) {
        Set<ForeignKey> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < fks.size(); i++) {
            for (int j = 0; j < i; j++) {
                ForeignKey left = fks.get(i);
                ForeignKey right = fks.get(j);
                if (left.columns().equals(right.columns()) && left.referencedTable().equals(right.referencedTable())
                        && left.referencedColumns().equals(right.referencedColumns())) {
                    out.add(left);
                }
            }
        }
        return out;
    }
}
