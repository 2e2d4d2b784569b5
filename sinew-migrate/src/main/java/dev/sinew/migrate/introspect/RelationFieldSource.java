package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.RelationMode;
import dev.sinew.sql.Table;

import java.util.List;

/**
 * Where the relation fields of an introspected model come from. This is the one place where the relation mode
 * decides during introspection: with {@code foreignKeys} the database's foreign keys (and implicit many-to-many
 * join tables) are the relations; with {@code prisma} the database has none, so the relations the user wrote are
 * copied from the existing schema.
 */
interface RelationFieldSource {

    /** The relation fields of the model of {@code table}, in Prisma's order, after its scalar fields. */
    List<Psl.Field> fields(Table table, ExistingSchema.BlockComments comments);

    static RelationFieldSource of(RelationMode mode, IntrospectionContext ctx, IntrospectionWarnings warnings) {
        return mode.usesForeignKeys() ? new ForeignKeyRelations(ctx) : new CopiedRelations(ctx, warnings);
    }
}
