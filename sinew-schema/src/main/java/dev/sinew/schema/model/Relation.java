package dev.sinew.schema.model;

import java.util.List;

/**
 * A relation, paired from its two relation fields, with everything resolved.
 *
 * <p>For one-to-one and one-to-many relations, side A is the model that holds the foreign key (the field with
 * {@code fields:}) and side B the referenced model. For implicit many-to-many relations, A and B are ordered by
 * model name (then field name, for a self relation), as the join table's columns {@code A} and {@code B} are.
 *
 * @param name             the explicit name, or the generated {@code {smaller}To{larger}} of the two model names
 * @param kind             one-to-one, one-to-many or implicit many-to-many
 * @param modelA           the referencing model (FK holder), or the first model of a many-to-many
 * @param fieldA           the relation field on model A
 * @param modelB           the referenced model, or the second model of a many-to-many
 * @param fieldB           the relation field on model B
 * @param fields           the foreign key's scalar fields on model A, empty for many-to-many
 * @param references       the referenced fields on model B, empty for many-to-many
 * @param onDelete         the effective onDelete: explicit, else the default (spec: Restrict or NoAction when
 *                         required, SetNull when optional, Cascade for many-to-many)
 * @param onUpdate         the effective onUpdate: explicit, else Cascade
 * @param onDeleteExplicit whether onDelete was written in the schema
 * @param onUpdateExplicit whether onUpdate was written in the schema
 * @param required         whether any foreign key scalar is required (Prisma's "referential arity")
 * @param map              {@code @relation(map:)}, or null
 * @param foreignKeyName   the foreign key's name: {@code map}, else {@code {table}_{columns}_fkey} truncated to the
 *                         provider's limit; null for many-to-many
 * @param joinTableName    the implicit many-to-many join table ({@code _} + name, truncated), null otherwise
 */
public record Relation(String name, Kind kind, String modelA, String fieldA, String modelB, String fieldB,
                       List<String> fields, List<String> references, ReferentialAction onDelete,
                       ReferentialAction onUpdate, boolean onDeleteExplicit, boolean onUpdateExplicit,
                       boolean required, String map, String foreignKeyName, String joinTableName) {

    public enum Kind { ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    public Relation {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    public boolean isManyToMany() {
        return kind == Kind.MANY_TO_MANY;
    }

    /** Whether a foreign key column links the two models (one-to-one and one-to-many). */
    public boolean isInline() {
        return kind != Kind.MANY_TO_MANY;
    }

    public boolean isSelfRelation() {
        return modelA.equals(modelB);
    }

    /** Whether {@code field} of {@code model} is one of this relation's two fields. */
    public boolean hasField(String model, String field) {
        return (modelA.equals(model) && fieldA.equals(field)) || (modelB.equals(model) && fieldB.equals(field));
    }
}
