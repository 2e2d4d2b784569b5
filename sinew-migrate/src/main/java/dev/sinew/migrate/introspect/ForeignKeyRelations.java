package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.ForeignKeyAction;
import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Relation fields read from the database ({@code relationMode = "foreignKeys"}): each foreign key gives a forward
 * field on its table's model and a back field on the referenced model; each implicit many-to-many join table gives a
 * list field on both models. Fields of relations the user's schema already has keep the user's names.
 *
 * <p>Prisma places them by walking the tables in order and, for each foreign key, putting its forward field on the
 * referencing model and its back field on the referenced model; join tables follow, A's field first.
 */
final class ForeignKeyRelations implements RelationFieldSource {
    private final IntrospectionContext ctx;
    private final RelationNames names;
    private final Map<String, List<Position>> positions = new HashMap<>();

    /**
     * A relation field's place: on {@code table}'s model, for the foreign key {@code fk} of {@code holder} (the
     * referencing table, or the join table of a many-to-many relation).
     */
    private record Position(String table, Table holder, ForeignKey fk, boolean manyToMany, boolean forward) {
    }

    private void place(Position position) {
        positions.computeIfAbsent(position.table(), k -> new ArrayList<>()).add(position);
    }

    ForeignKeyRelations(IntrospectionContext ctx) {
        this.ctx = ctx;
        this.names = RelationNames.of(ctx);
        for (Table table : ctx.allTables) {
            if (ctx.joinTables.contains(table)) {
                continue;
            }
            for (ForeignKey fk : ctx.flavour.foreignKeys(table)) {
                place(new Position(table.name(), table, fk, false, true));
                place(new Position(fk.referencedTable(), table, fk, false, false));
            }
        }
        for (Table join : ctx.joinTables) {
            ForeignKey a = IntrospectionContext.joinForeignKey(join, "A");
            ForeignKey b = IntrospectionContext.joinForeignKey(join, "B");
            place(new Position(a.referencedTable(), join, b, true, true));
            place(new Position(b.referencedTable(), join, a, true, false));
        }
    }

    @Override
    public List<Psl.Field> fields(Table table, ExistingSchema.BlockComments comments) {
        List<Psl.Field> out = new ArrayList<>();
        for (Position p : positions.getOrDefault(table.name(), List.of())) {
            Psl.Field field = p.manyToMany() ? manyToMany(p) : inline(p);
            if (field != null) {
                String documentation = ctx.existingModel(table).flatMap(m -> m.relationField(field.name()))
                        .map(RelationField::documentation).orElse(null);
                out.add(new Psl.Field(field.name(), field.type(), field.arity(), field.attributes(), documentation,
                        false, comments.entry(field.name())));
            }
        }
        // Views have no foreign keys: relations to them are kept from the user's schema, as Prisma keeps them.
        ctx.existingModel(table).ifPresent(model -> {
            for (RelationField field : model.relationFields()) {
                boolean toView = ctx.existing.datamodel().model(field.relatedModel()).map(Model::view)
                        .orElse(false);
                if (toView) {
                    out.add(CopiedRelations.copy(field, comments));
                }
            }
        });
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Inline relations (a foreign key)

    private Psl.Field inline(Position p) {
        ForeignKey fk = p.fk();
        RelationNames.Names generated = names.inline(fk);
        Table referencing = p.holder();
        Optional<Table> referenced = ctx.table(fk.referencedTable());
        if (generated == null || referenced.isEmpty() || !ctx.isModelTable(referencing.name())
                || !ctx.isModelTable(referenced.get().name())) {
            return null;
        }
        Optional<Relation> existing = existingRelation(referencing, fk);
        String relationName = existing.map(this::explicitName).orElse(generated.relationName());
        boolean ignore = (!IntrospectionContext.hasUsableIdentifier(referencing)
                || !IntrospectionContext.hasUsableIdentifier(referenced.get()))
                && !ctx.modelIgnored(p.forward() ? referencing : referenced.get());
        List<String> attributes = new ArrayList<>();
        if (p.forward()) {
            String name = existing.map(Relation::fieldA).orElse(generated.forward());
            boolean optional = fk.columns().stream().anyMatch(c -> referencing.column(c)
                    .map(col -> !col.isRequired()).orElse(false));
            List<String> args = new ArrayList<>();
            if (!relationName.isEmpty()) {
                args.add(Literals.string(relationName));
            }
            args.add("fields: [" + String.join(", ", ctx.fieldNames(referencing, fk.columns())) + "]");
            args.add("references: [" + String.join(", ", ctx.fieldNames(referenced.get(), fk.referencedColumns()))
                    + "]");
            boolean anyRequired = fk.columns().stream().anyMatch(c -> referencing.column(c)
                    .map(col -> col.isRequired()).orElse(false));
            String onDelete = onDelete(anyRequired, fk.onDelete());
            if (onDelete != null) {
                args.add("onDelete: " + onDelete);
            }
            String onUpdate = onUpdate(fk.onUpdate());
            if (onUpdate != null) {
                args.add("onUpdate: " + onUpdate);
            }
            String map = constraintName(referencing, fk, existing);
            if (map != null) {
                args.add("map: " + Literals.string(map));
            }
            attributes.add("@relation(" + String.join(", ", args) + ")");
            if (ignore) {
                attributes.add("@ignore");
            }
            return new Psl.Field(name, ctx.modelName(referenced.get().name()).name(),
                    optional ? Psl.Arity.OPTIONAL : Psl.Arity.REQUIRED, attributes, null, false, Psl.Comments.NONE);
        }
        String name = existing.map(Relation::fieldB).orElse(generated.back());
        boolean oneToOne = IntrospectionContext.isOneToOne(referencing, fk);
        if (!relationName.isEmpty()) {
            attributes.add("@relation(" + Literals.string(relationName) + ")");
        }
        if (ignore) {
            attributes.add("@ignore");
        }
        return new Psl.Field(name, ctx.modelName(referencing.name()).name(),
                oneToOne ? Psl.Arity.OPTIONAL : Psl.Arity.LIST, attributes, null, false, Psl.Comments.NONE);
    }

    /** Prisma leaves out the action a relation gets anyway: SetNull when optional, Restrict when required. */
    private String onDelete(boolean anyRequired, ForeignKeyAction action) {
        if (action == null) {
            return null;
        }
        return switch (action) {
            case SET_NULL -> anyRequired ? "SetNull" : null;
            case RESTRICT -> anyRequired ? null : "Restrict";
            case NO_ACTION -> anyRequired && ctx.provider.schemaName().equals("sqlserver") ? null : "NoAction";
            case CASCADE -> "Cascade";
            case SET_DEFAULT -> "SetDefault";
        };
    }

    private static String onUpdate(ForeignKeyAction action) {
        if (action == null) {
            return null;
        }
        return switch (action) {
            case CASCADE -> null;
            case NO_ACTION -> "NoAction";
            case RESTRICT -> "Restrict";
            case SET_NULL -> "SetNull";
            case SET_DEFAULT -> "SetDefault";
        };
    }

    /** The foreign key's name where it is not the default one (only databases that name foreign keys). */
    private String constraintName(Table referencing, ForeignKey fk, Optional<Relation> existing) {
        if (existing.isPresent()) {
            String mapped = forwardField(existing.get()).map(RelationField::map).orElse(null);
            if (mapped != null) {
                return mapped;
            }
        }
        if (!ctx.provider.supportsNamedForeignKeys() || fk.name() == null) {
            return null;
        }
        String defaultName = ConstraintNames.foreignKey(referencing.name(), fk.columns(), ctx.provider);
        return fk.name().equals(defaultName) ? null : fk.name();
    }

    /** The user's relation on the same foreign key columns of the same model. */
    private Optional<Relation> existingRelation(Table referencing, ForeignKey fk) {
        Optional<Model> model = ctx.existingModel(referencing);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        for (Relation relation : ctx.existing.datamodel().relationsOf(model.get().name())) {
            if (!relation.isInline() || !relation.modelA().equals(model.get().name())) {
                continue;
            }
            List<String> columns = relation.fields().stream()
                    .map(f -> model.get().scalarField(f).map(sf -> sf.columnName()).orElse(null)).toList();
            if (columns.equals(fk.columns())) {
                return Optional.of(relation);
            }
        }
        return Optional.empty();
    }

    private Optional<RelationField> forwardField(Relation relation) {
        return ctx.existing.datamodel().model(relation.modelA()).flatMap(m -> m.relationField(relation.fieldA()));
    }

    /** The name the user wrote for the relation, or empty when Prisma generates it. */
    private String explicitName(Relation relation) {
        Optional<RelationField> back = ctx.existing.datamodel().model(relation.modelB())
                .flatMap(m -> m.relationField(relation.fieldB()));
        Optional<RelationField> forward = forwardField(relation);
        String name = back.map(RelationField::relationName).orElse(null);
        if (name == null) {
            name = forward.map(RelationField::relationName).orElse(null);
        }
        return name == null ? "" : name;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Implicit many-to-many relations (a join table)

    private Psl.Field manyToMany(Position p) {
        Table join = p.holder();
        RelationNames.Names generated = names.manyToMany(join);
        List<String> tables = RelationNames.joinTableModels(join);
        if (!ctx.isModelTable(tables.get(0)) || !ctx.isModelTable(tables.get(1))) {
            return null;
        }
        boolean self = tables.get(0).equals(tables.get(1));
        Optional<Relation> existing = ctx.existing.datamodel() == null ? Optional.empty()
                : existingManyToMany(join);
        String name;
        if (existing.isPresent() && !self) {
            name = p.forward() ? existing.get().fieldA() : existing.get().fieldB();
        } else {
            name = p.forward() ? generated.forward() : generated.back();
        }
        String relationName = existing.map(Relation::name).orElse(generated.relationName());
        List<String> attributes = new ArrayList<>();
        if (!relationName.isEmpty()) {
            attributes.add("@relation(" + Literals.string(relationName) + ")");
        }
        return new Psl.Field(name, ctx.modelName(p.fk().referencedTable()).name(), Psl.Arity.LIST, attributes, null,
                false, Psl.Comments.NONE);
    }

    private Optional<Relation> existingManyToMany(Table join) {
        if (ctx.existing.models().isEmpty()) {
            return Optional.empty();
        }
        String name = join.name().substring(1);
        return ctx.existing.datamodel().relations().stream()
                .filter(r -> r.isManyToMany() && r.name().equals(name)).findFirst();
    }
}
