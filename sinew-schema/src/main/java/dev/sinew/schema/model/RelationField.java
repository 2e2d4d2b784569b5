package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * A field whose type is another model (or the same one).
 *
 * @param name          the field's name
 * @param arity         required, optional or list
 * @param relatedModel  the name of the model it points to
 * @param relationName  the name written in {@code @relation("...")}, or null (see {@link Relation#name()} for the
 *                      resolved one)
 * @param fields        {@code fields: [...]}: the referencing scalar fields of this model, empty when not given
 * @param references    {@code references: [...]}: the referenced fields of the related model, empty when not given
 * @param onDelete      the explicit {@code onDelete:}, or null
 * @param onUpdate      the explicit {@code onUpdate:}, or null
 * @param map           {@code map:} (the foreign key's name), or null
 * @param ignored       {@code @ignore}
 * @param documentation the {@code ///} comments, or null
 * @param span          the field's line
 */
public record RelationField(String name, FieldArity arity, String relatedModel, String relationName,
                            List<String> fields, List<String> references, ReferentialAction onDelete,
                            ReferentialAction onUpdate, String map, boolean ignored, String documentation,
                            Span span) implements Field {
    public RelationField {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    /** Whether this side holds the foreign key ({@code fields:} given). */
    public boolean isForeignKeySide() {
        return !fields.isEmpty();
    }
}
