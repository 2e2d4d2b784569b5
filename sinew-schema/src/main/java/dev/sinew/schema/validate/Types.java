package dev.sinew.schema.validate;

import dev.sinew.schema.ast.FieldType;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.ScalarKind;

/** The second pass: resolves every field's type to a scalar, an enum, a composite type or a related model. */
final class Types {
    private Types() {}

    static void resolve(Db db, Errors errors) {
        // Prisma walks the blocks in source order; models and composite types are kept in that order.
        int m = 0;
        int c = 0;
        java.util.Set<Object> enums = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        db.enums.forEach(e -> enums.add(e.block));
        for (var top : db.ast.tops()) {
            if (enums.contains(top) && ((dev.sinew.schema.ast.Block) top).enumValues().isEmpty()) {
                errors.validation(DiagnosticCode.ENUM_INVALID, "An enum must have at least one value.", top.span());
            }
            if (m < db.models.size() && top == db.models.get(m).block) {
                for (Db.FieldInfo field : db.models.get(m).fields) {
                    resolveField(db, errors, field);
                }
                m++;
            } else if (c < db.composites.size() && top == db.composites.get(c).block) {
                for (Db.FieldInfo field : db.composites.get(c).fields) {
                    resolveField(db, errors, field);
                }
                c++;
            }
        }
    }

    private static void resolveField(Db db, Errors errors, Db.FieldInfo field) {
        FieldType type = field.ast.type();
        if (type.isUnsupported()) {
            field.resolved = true;
            field.scalarKind = Db.ScalarTypeKind.UNSUPPORTED;
            return;
        }
        ScalarKind builtin = ScalarKind.fromSchemaName(type.base()).orElse(null);
        if (builtin != null) {
            field.resolved = true;
            field.scalarKind = Db.ScalarTypeKind.BUILTIN;
            field.builtin = builtin;
            return;
        }
        Object top = db.tops.get(type.base());
        if (top instanceof Db.ModelInfo model) {
            if (field.composite != null) {
                errors.error(DiagnosticCode.TYPE_UNKNOWN, "Error validating composite type \"" + field.composite.name
                        + "\": " + type.base() + " refers to a model, making this a relation field. Relation fields "
                        + "inside composite types are not supported.", type.baseSpan());
                return;
            }
            field.resolved = true;
            field.relatedModel = model;
        } else if (top instanceof Db.EnumInfo enumInfo) {
            field.resolved = true;
            field.scalarKind = Db.ScalarTypeKind.ENUM;
            field.enumType = enumInfo;
        } else if (top instanceof Db.CompositeInfo composite) {
            field.resolved = true;
            field.scalarKind = Db.ScalarTypeKind.COMPOSITE;
            field.compositeType = composite;
        } else {
            errors.error(DiagnosticCode.TYPE_UNKNOWN, "Type \"" + type.base() + "\" is neither a built-in type, nor "
                    + "refers to another model, composite type, or enum.", type.baseSpan());
        }
    }
}
