package dev.sinew.schema.validate;

import dev.sinew.schema.model.FieldArity;
import java.util.List;
import java.util.Objects;

/**
 * The fourth pass: pairs relation fields into relations and decides each relation's kind and sides, exactly as
 * Prisma infers them (which side is model A matters for the join table columns and the P2014 texts).
 */
final class Relations {
    private Relations() {}

    static void infer(Db db) {
        for (Db.ModelInfo model : db.models) {
            for (Db.FieldInfo field : model.fields) {
                if (field.isRelation()) {
                    ingest(db, model, field);
                }
            }
        }
    }

    /** The first relation field of the related model that points back here with the same explicit name. */
    static Db.FieldInfo opposite(Db.ModelInfo model, Db.FieldInfo field) {
        Db.ModelInfo related = field.relatedModel;
        boolean self = related == model;
        for (Db.FieldInfo candidate : related.fields) {
            if (!candidate.isRelation() || candidate.relatedModel != model) {
                continue;
            }
            if (self && candidate == field) {
                continue;
            }
            if (Objects.equals(candidate.relationName, field.relationName)) {
                return candidate;
            }
        }
        return null;
    }

    private static int compareNames(String modelA, String fieldA, String modelB, String fieldB) {
        int byModel = modelA.compareTo(modelB);
        return byModel != 0 ? byModel : fieldA.compareTo(fieldB);
    }

    private static void ingest(Db db, Db.ModelInfo model, Db.FieldInfo field) {
        Db.FieldInfo opposite = opposite(model, field);
        Db.ModelInfo related = field.relatedModel;
        boolean self = related == model;
        FieldArity arity = field.arity;
        Db.RelationKind kind;
        Db.FieldInfo fieldA = field;
        Db.FieldInfo fieldB = opposite;
        Db.ModelInfo modelA = model;
        Db.ModelInfo modelB = related;
        if (arity == FieldArity.LIST && opposite != null && opposite.isList()) {
            if (model.name.compareTo(related.name) > 0) {
                return;
            }
            if (self && field.name.compareTo(opposite.name) > 0) {
                return;
            }
            boolean embedded = field.referencingFields != null || opposite.referencingFields != null;
            kind = embedded ? Db.RelationKind.EMBEDDED_MANY_TO_MANY : Db.RelationKind.IMPLICIT_MANY_TO_MANY;
        } else if (arity == FieldArity.REQUIRED && opposite != null && opposite.isOptional()) {
            kind = Db.RelationKind.ONE_TO_ONE;
        } else if (arity == FieldArity.REQUIRED && opposite != null && opposite.isRequired()) {
            if (compareNames(model.name, field.name, related.name, opposite.name) > 0) {
                return;
            }
            kind = Db.RelationKind.ONE_TO_ONE;
        } else if (arity == FieldArity.OPTIONAL && opposite != null && opposite.isRequired()) {
            return;
        } else if (arity == FieldArity.OPTIONAL && opposite != null && opposite.isOptional()) {
            if (field.referencingFields == null) {
                if (opposite.referencingFields != null) {
                    return;
                }
                if (compareNames(model.name, field.name, related.name, opposite.name) > 0) {
                    return;
                }
            }
            kind = Db.RelationKind.ONE_TO_ONE;
        } else if (arity == FieldArity.LIST && opposite != null) {
            return;
        } else if (arity == FieldArity.LIST) {
            // Only the back side exists: the referencing model is the one the list points to.
            kind = Db.RelationKind.ONE_TO_MANY;
            modelA = related;
            modelB = model;
            fieldA = null;
            fieldB = field;
        } else if (opposite != null) {
            kind = Db.RelationKind.ONE_TO_MANY;
        } else if (field.referencingFields != null && fieldsAreUnique(model, field.referencingFields)) {
            kind = Db.RelationKind.ONE_TO_ONE;
        } else {
            kind = Db.RelationKind.ONE_TO_MANY;
        }
        db.relations.add(new Db.RelationInfo(kind, field.relationName, modelA, modelB, fieldA, fieldB));
    }

    private static boolean fieldsAreUnique(Db.ModelInfo model, List<Db.FieldInfo> fields) {
        for (Db.IndexInfo index : model.indexes) {
            if (index.kind == Db.IndexKind.UNIQUE
                    && index.fields.stream().map(Db.IndexFieldInfo::field).toList().equals(fields)) {
                return true;
            }
        }
        return false;
    }
}
