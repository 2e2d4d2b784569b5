package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.RelationField;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relation fields copied from the user's schema ({@code relationMode = "prisma"}): the database has no foreign keys
 * to read them from, so every relation field of the user's model is kept, with its name, arity and
 * {@code @relation} arguments, as long as the model it points to still has its table (or is a view). A dropped table
 * takes its relations, and the back-relation fields pointing to it, along. Each copied field is reported in Prisma's warning.
 */
final class CopiedRelations implements RelationFieldSource {
    private final IntrospectionContext ctx;
    private final IntrospectionWarnings warnings;

    CopiedRelations(IntrospectionContext ctx, IntrospectionWarnings warnings) {
        this.ctx = ctx;
        this.warnings = warnings;
    }

    @Override
    public List<Psl.Field> fields(Table table, ExistingSchema.BlockComments comments) {
        Optional<Model> model = ctx.existingModel(table);
        if (model.isEmpty()) {
            return List.of();
        }
        List<Psl.Field> out = new ArrayList<>();
        for (RelationField field : model.get().relationFields()) {
            Optional<Model> related = ctx.existing.datamodel().model(field.relatedModel());
            // A view is kept as the user wrote it, so relations to it stay too.
            if (related.isEmpty() || !related.get().view() && ctx.table(related.get().tableName()).isEmpty()) {
                continue;
            }
            out.add(copy(field, comments));
            warnings.reintrospectedRelation(field.relatedModel());
        }
        return out;
    }

    static Psl.Field copy(RelationField field, ExistingSchema.BlockComments comments) {
        List<String> args = new ArrayList<>();
        if (field.relationName() != null) {
            args.add(Literals.string(field.relationName()));
        }
        if (!field.fields().isEmpty()) {
            args.add("fields: [" + String.join(", ", field.fields()) + "]");
        }
        if (!field.references().isEmpty()) {
            args.add("references: [" + String.join(", ", field.references()) + "]");
        }
        if (field.onDelete() != null) {
            args.add("onDelete: " + field.onDelete().schemaName());
        }
        if (field.onUpdate() != null) {
            args.add("onUpdate: " + field.onUpdate().schemaName());
        }
        if (field.map() != null) {
            args.add("map: " + Literals.string(field.map()));
        }
        List<String> attributes = new ArrayList<>();
        if (!args.isEmpty()) {
            attributes.add("@relation(" + String.join(", ", args) + ")");
        }
        if (field.ignored()) {
            attributes.add("@ignore");
        }
        Psl.Arity arity = switch (field.arity()) {
            case REQUIRED -> Psl.Arity.REQUIRED;
            case OPTIONAL -> Psl.Arity.OPTIONAL;
            case LIST -> Psl.Arity.LIST;
        };
        return new Psl.Field(field.name(), field.relatedModel(), arity, attributes, field.documentation(), false,
                comments.entry(field.name()));
    }
}
