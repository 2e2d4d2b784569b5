package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.ast.Top;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The third pass: reads the attributes of every field, model, enum and composite type in Prisma's order
 * (relation fields of all models first, then block by block: scalar fields, then block attributes) and records
 * what they say on the {@link Db}.
 */
final class Attributes {
    private final Db db;
    private final Errors errors;
    private final Coerce coerce;
    private final AttributeVisitor visitor;
    private final Defaults defaults;

    private Attributes(Db db, Errors errors, SourceFile source) {
        this.db = db;
        this.errors = errors;
        this.coerce = new Coerce(errors);
        this.visitor = new AttributeVisitor(errors, source);
        this.defaults = new Defaults(db, errors, coerce, visitor);
    }

    static void resolve(Db db, Errors errors, SourceFile source) {
        new Attributes(db, errors, source).run();
    }

    private void run() {
        for (Db.ModelInfo model : db.models) {
            for (Db.FieldInfo field : model.fields) {
                if (field.isRelation()) {
                    relationFieldAttributes(model, field);
                }
            }
        }
        Map<Block, Object> byBlock = new java.util.IdentityHashMap<>();
        db.models.forEach(m -> byBlock.put(m.block, m));
        db.enums.forEach(e -> byBlock.put(e.block, e));
        db.composites.forEach(c -> byBlock.put(c.block, c));
        for (Top top : db.ast.tops()) {
            Object info = top instanceof Block block ? byBlock.get(block) : null;
            if (info instanceof Db.ModelInfo model) {
                modelAttributes(model);
            } else if (info instanceof Db.EnumInfo enumInfo) {
                enumAttributes(enumInfo);
            } else if (info instanceof Db.CompositeInfo composite) {
                compositeAttributes(composite);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // relation fields

    private void relationFieldAttributes(Db.ModelInfo model, Db.FieldInfo field) {
        visitor.visit(field.ast.attributes(), false);
        if (visitor.optionalSingle("relation")) {
            relation(model, field);
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("id")) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "The field `" + field.name + "` is a relation "
                    + "field and cannot be marked with `@id`. Only scalar fields can be declared as id.");
            visitor.discardArguments();
        }
        if (visitor.optionalSingle("ignore")) {
            field.ignored = true;
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("default")) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "Cannot set a default value on a relation field.");
            visitor.discardArguments();
        }
        if (visitor.optionalSingle("map")) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID,
                    "The attribute `@map` cannot be used on relation fields.");
            visitor.defaultArgument("name");
            visitor.discardArguments();
        }
        if (visitor.optionalSingle("unique")) {
            List<String> suggested = field.referencingFields == null ? List.of()
                    : field.referencingFields.stream().map(f -> f.name).toList();
            String suggestion = switch (suggested.size()) {
                case 0 -> "";
                case 1 -> " Did you mean to put it on `" + suggested.get(0) + "`?";
                default -> " Did you mean to provide `@@unique([" + String.join(", ", suggested) + "])`?";
            };
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "The field `" + field.name + "` is a relation "
                    + "field and cannot be marked with `unique`. Only scalar fields can be made unique." + suggestion);
            visitor.discardArguments();
        }
        visitor.validateAttributes();
    }

    private void relation(Db.ModelInfo model, Db.FieldInfo field) {
        Attribute attribute = visitor.current();
        field.relationAttribute = attribute;
        Expression fields = visitor.optionalArgument("fields");
        if (fields != null) {
            FieldList resolved = resolveFieldNames(fields, attribute.span(), model);
            if (resolved.dealtWith) {
                field.referencingFields = List.of();
            } else {
                if (!resolved.unknown.isEmpty()) {
                    errors.validation(DiagnosticCode.RELATION_UNKNOWN_FIELD, "The argument fields must refer only to "
                            + "existing fields. The following fields do not exist in this model: "
                            + String.join(", ", resolved.unknown), fields.span());
                }
                if (!resolved.relationFields.isEmpty()) {
                    errors.validation(DiagnosticCode.RELATION_UNKNOWN_FIELD, "The argument fields must refer only to "
                            + "scalar fields. But it is referencing the following relation fields: "
                            + String.join(", ", resolved.relationFields), fields.span());
                }
                field.referencingFields = resolved.ok() ? resolved.fields : List.of();
            }
        }
        Expression references = visitor.optionalArgument("references");
        if (references != null) {
            Db.ModelInfo related = field.relatedModel;
            FieldList resolved = resolveFieldNames(references, attribute.span(), related);
            if (resolved.dealtWith) {
                field.referencedFields = List.of();
            } else {
                if (!resolved.unknown.isEmpty()) {
                    errors.validation(DiagnosticCode.RELATION_UNKNOWN_FIELD, "The argument `references` must refer "
                            + "only to existing fields in the related model `" + related.name + "`. The following "
                            + "fields do not exist in the related model: " + String.join(", ", resolved.unknown),
                            attribute.span());
                }
                if (!resolved.relationFields.isEmpty()) {
                    errors.validation(DiagnosticCode.RELATION_UNKNOWN_FIELD, "The argument `references` must refer "
                            + "only to scalar fields in the related model `" + related.name + "`. But it is "
                            + "referencing the following relation fields: "
                            + String.join(", ", resolved.relationFields), attribute.span());
                }
                field.referencedFields = resolved.ok() ? resolved.fields : List.of();
            }
        }
        // Prisma reads the name leniently: a name given twice is silently dropped.
        Expression name = quietDefaultArgument("name");
        if (name != null) {
            String value = coerce.string(name);
            if (value != null && value.isEmpty()) {
                visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "A relation cannot have an empty name.");
            } else if (value != null) {
                field.relationName = value;
            }
        }
        Expression onDelete = visitor.optionalArgument("onDelete");
        if (onDelete != null) {
            field.onDelete = referentialAction(onDelete);
            field.onDeleteSpan = onDelete.span();
        }
        Expression onUpdate = visitor.optionalArgument("onUpdate");
        if (onUpdate != null) {
            field.onUpdate = referentialAction(onUpdate);
            field.onUpdateSpan = onUpdate.span();
        }
        field.foreignKeyMap = mapArgument();
    }

    private Expression quietDefaultArgument(String name) {
        Expression named = visitor.optionalArgument(name);
        Expression unnamed = visitor.optionalArgument(null);
        if (named != null && unnamed != null) {
            return null;
        }
        return named != null ? named : unnamed;
    }

    private ReferentialAction referentialAction(Expression value) {
        String constant = coerce.constant(value);
        if (constant == null) {
            return null;
        }
        ReferentialAction action = ReferentialAction.fromSchemaName(constant).orElse(null);
        if (action == null) {
            errors.attribute(DiagnosticCode.REFERENTIAL_ACTION_UNKNOWN, "@relation",
                    "Invalid referential action: `" + constant + "`", value.span());
        }
        return action;
    }

    /** {@code map: "..."}: null when absent or invalid. */
    private String mapArgument() {
        Expression map = visitor.optionalArgument("map");
        if (map == null) {
            return null;
        }
        String value = coerce.string(map);
        if (value != null && value.isEmpty()) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "The `map` argument cannot be an empty string.");
            return null;
        }
        return value;
    }

    private String nameArgument() {
        Expression name = visitor.optionalArgument("name");
        if (name == null) {
            return null;
        }
        String value = coerce.string(name);
        if (value != null && value.isEmpty()) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "The `name` argument cannot be an empty string.");
            return null;
        }
        return value;
    }

    /** The outcome of resolving a list of field names against a model. */
    private static final class FieldList {
        final List<Db.FieldInfo> fields = new ArrayList<>();
        final List<IndexFieldArgs> arguments = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        final List<String> relationFields = new ArrayList<>();
        final List<Db.FieldInfo> relationFieldInfos = new ArrayList<>();
        boolean dealtWith;

        boolean ok() {
            return !dealtWith && unknown.isEmpty() && relationFields.isEmpty();
        }
    }

    private FieldList resolveFieldNames(Expression values, Span attributeSpan, Db.ModelInfo model) {
        FieldList out = new FieldList();
        List<String> names = coerce.constantArray(values);
        if (names == null) {
            out.dealtWith = true;
            return out;
        }
        for (String name : names) {
            Db.FieldInfo field = name.indexOf('.') >= 0 ? null : model.fieldsByName.get(name);
            if (field == null) {
                out.unknown.add(name);
                continue;
            }
            if (!field.isScalar()) {
                out.relationFields.add(field.name);
                continue;
            }
            if (out.fields.contains(field)) {
                errors.model(DiagnosticCode.INDEX_INVALID, "model", model.name, "The unique index definition refers to "
                        + "the field " + field.name + " multiple times.", attributeSpan);
                out.dealtWith = true;
                return out;
            }
            out.fields.add(field);
        }
        return out;
    }

    /** A field reference of an index with its arguments: {@code name(sort: Desc, length: 10, ops: X)}. */
    private record IndexFieldArgs(String name, SortOrder sort, Integer length, String operatorClass) {}

    private FieldList resolveFieldsWithArgs(Expression values, Span attributeSpan, Db.ModelInfo model,
                                            boolean followComposites) {
        FieldList out = new FieldList();
        List<IndexFieldArgs> items = indexFieldArguments(values);
        if (items == null) {
            out.dealtWith = true;
            return out;
        }
        List<Db.IndexFieldInfo> resolvedFields = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (IndexFieldArgs item : items) {
            String name = item.name();
            Db.FieldInfo field;
            String path = null;
            if (name.indexOf('.') >= 0) {
                if (!followComposites) {
                    out.unknown.add(name);
                    continue;
                }
                String[] parts = name.split("\\.", -1);
                field = model.fieldsByName.get(parts[0]);
                if (field == null) {
                    out.unknown.add(parts[0]);
                    continue;
                }
                if (!field.isScalar()) {
                    out.relationFields.add(field.name);
                    out.relationFieldInfos.add(field);
                    continue;
                }
                if (field.compositeType == null) {
                    out.unknown.add(name);
                    continue;
                }
                Db.CompositeInfo next = field.compositeType;
                boolean ok = true;
                for (int i = 1; i < parts.length; i++) {
                    Db.FieldInfo inner = next == null ? null : next.fieldsByName.get(parts[i]);
                    if (inner == null) {
                        out.unknown.add(next == null ? name : parts[i] + " in type " + next.name);
                        ok = false;
                        break;
                    }
                    next = inner.compositeType;
                    if (next == null && i < parts.length - 1) {
                        out.unknown.add(name);
                        ok = false;
                        break;
                    }
                }
                if (!ok) {
                    continue;
                }
                path = name;
            } else {
                field = model.fieldsByName.get(name);
                if (field == null) {
                    out.unknown.add(name);
                    continue;
                }
                if (!field.isScalar()) {
                    out.relationFields.add(field.name);
                    out.relationFieldInfos.add(field);
                    continue;
                }
            }
            if (seen.contains(name)) {
                errors.model(DiagnosticCode.INDEX_INVALID, "model", model.name, "The unique index definition refers to "
                        + "the field " + name + " multiple times.", attributeSpan);
                out.dealtWith = true;
                return out;
            }
            seen.add(name);
            out.fields.add(field);
            resolvedFields.add(new Db.IndexFieldInfo(field, path, item.sort(), item.length(), item.operatorClass()));
        }
        if (out.ok()) {
            resolvedIndexFields = resolvedFields;
        }
        return out;
    }

    private List<Db.IndexFieldInfo> resolvedIndexFields = List.of();

    private List<IndexFieldArgs> indexFieldArguments(Expression values) {
        List<Expression> items = values instanceof Expression.ArrayValue array ? array.items() : List.of(values);
        List<IndexFieldArgs> out = new ArrayList<>();
        boolean ok = true;
        for (Expression item : items) {
            if (item instanceof Expression.ConstantValue constant) {
                out.add(new IndexFieldArgs(constant.value(), null, null, null));
            } else if (item instanceof Expression.FunctionCall call) {
                SortOrder sort = null;
                Integer length = null;
                String operatorClass = null;
                for (Argument argument : call.arguments().arguments()) {
                    if (argument.name() == null || argument.value() == null) {
                        continue;
                    }
                    switch (argument.name().name()) {
                        case "sort" -> {
                            String value = argument.value() instanceof Expression.ConstantValue c ? c.value() : null;
                            if ("Asc".equals(value)) {
                                sort = SortOrder.ASC;
                            } else if ("Desc".equals(value)) {
                                sort = SortOrder.DESC;
                            } else {
                                errors.error(DiagnosticCode.INDEX_INVALID,
                                        "Unexpected token. Expected one of: Asc, Desc", argument.span());
                                ok = false;
                            }
                        }
                        case "length" -> {
                            Long value = coerce.integer(argument.value());
                            if (value == null) {
                                ok = false;
                            } else {
                                length = value.intValue();
                            }
                        }
                        case "ops" -> {
                            if (argument.value() instanceof Expression.ConstantValue c) {
                                operatorClass = c.value();
                            } else if (argument.value() instanceof Expression.FunctionCall raw
                                    && raw.name().equals("raw") && raw.arguments().arguments().size() == 1
                                    && raw.arguments().arguments().get(0).value()
                                    instanceof Expression.StringValue s) {
                                operatorClass = "raw(\"" + s.value() + "\")";
                            }
                        }
                        default -> {
                        }
                    }
                }
                out.add(new IndexFieldArgs(call.name(), sort, length, operatorClass));
            } else {
                errors.error(DiagnosticCode.VALUE_TYPE_MISMATCH, "Expected a constant literal value, but received "
                        + Coerce.describe(item) + " value `" + Expressions.render(item) + "`.", item.span());
                ok = false;
            }
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // models

    private void modelAttributes(Db.ModelInfo model) {
        for (Db.FieldInfo field : model.fields) {
            if (field.isScalar()) {
                scalarFieldAttributes(model, field);
            }
        }
        visitor.visit(model.block.blockAttributes(), true);
        if (visitor.optionalSingle("ignore")) {
            for (Db.FieldInfo field : model.fields) {
                if (field.isScalar() && field.ignored) {
                    errors.attribute(DiagnosticCode.ATTRIBUTE_INVALID, "@ignore",
                            "Fields on an already ignored Model do not need an `@ignore` annotation.", field.span());
                }
            }
            model.ignored = true;
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("id")) {
            modelId(model);
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("map")) {
            model.mappedName = mapName();
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("schema")) {
            Expression value = visitor.defaultArgument("name");
            if (value != null) {
                model.schema = coerce.string(value);
                model.schemaSpan = visitor.current().span();
            }
            visitor.validateArguments();
        }
        while (visitor.repeated("index")) {
            modelIndex(model, Db.IndexKind.NORMAL);
            visitor.validateArguments();
        }
        while (visitor.repeated("unique")) {
            modelIndex(model, Db.IndexKind.UNIQUE);
            visitor.validateArguments();
        }
        while (visitor.repeated("fulltext")) {
            modelIndex(model, Db.IndexKind.FULLTEXT);
            visitor.validateArguments();
        }
        if (model.primaryKey != null && model.primaryKey.sourceField != null
                && !model.primaryKey.sourceField.isRequired()) {
            errors.attribute(DiagnosticCode.ID_INVALID, "@id", "Fields that are marked as id must be required.",
                    model.primaryKey.attribute.span());
        }
        visitor.validateAttributes();
    }

    private String mapName() {
        Expression value = visitor.defaultArgument("name");
        return value == null ? null : coerce.string(value);
    }

    private void scalarFieldAttributes(Db.ModelInfo model, Db.FieldInfo field) {
        visitor.visit(field.ast.attributes(), false);
        if (visitor.optionalSingle("map")) {
            String mapped = mapName();
            if (mapped != null) {
                field.mappedName = mapped;
                boolean clash = false;
                for (Db.FieldInfo other : model.fields) {
                    if (other != field && other.isScalar() && mapped.equals(other.mappedName) && other.index < field.index) {
                        clash = true;
                    }
                }
                Db.FieldInfo named = model.fieldsByName.get(mapped);
                if (!clash && named != null && named != field && named.isScalar() && named.mappedName == null) {
                    clash = true;
                }
                if (clash) {
                    errors.error(DiagnosticCode.NAME_DUPLICATE, "Field \"" + field.name + "\" is already defined on "
                            + model.containerType() + " \"" + model.name + "\".", field.span());
                }
            }
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("ignore")) {
            if (field.scalarKind == Db.ScalarTypeKind.UNSUPPORTED) {
                visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "Fields of type `Unsupported` cannot take an "
                        + "`@ignore` attribute. They are already treated as ignored by the client due to their type.");
            } else {
                field.ignored = true;
            }
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("relation")) {
            visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID, "Invalid field type, not a relation.");
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("id")) {
            fieldId(model, field);
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("updatedAt")) {
            if (field.builtin != dev.sinew.schema.model.ScalarKind.DATE_TIME) {
                visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID,
                        "Fields that are marked with @updatedAt must be of type DateTime.");
            }
            if (field.isList()) {
                visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID,
                        "Fields that are marked with @updatedAt cannot be lists.");
            }
            field.updatedAt = true;
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("default")) {
            defaults.modelFieldDefault(field);
            visitor.validateArguments();
        }
        if (field.scalarKind == Db.ScalarTypeKind.BUILTIN) {
            nativeType(field);
        }
        if (visitor.optionalSingle("unique")) {
            fieldUnique(model, field);
            visitor.validateArguments();
        }
        visitor.validateAttributes();
    }

    private void nativeType(Db.FieldInfo field) {
        Attribute attribute = visitor.datasourceScoped();
        if (attribute == null) {
            return;
        }
        int dot = attribute.name().indexOf('.');
        List<Expression> arguments = attribute.argumentsOrEmpty().stream()
                .map(Argument::value).filter(v -> v != null).collect(Collectors.toList());
        field.nativeType = new Db.NativeTypeInfo(attribute.name().substring(0, dot),
                attribute.name().substring(dot + 1), arguments, attribute);
    }

    private SortOrder sortArgument() {
        Expression sort = visitor.optionalArgument("sort");
        if (sort == null) {
            return null;
        }
        String value = coerce.constant(sort);
        if (value == null) {
            return null;
        }
        if (value.equals("Desc")) {
            return SortOrder.DESC;
        }
        if (value.equals("Asc")) {
            return SortOrder.ASC;
        }
        visitor.attributeError(DiagnosticCode.ATTRIBUTE_INVALID,
                "The `sort` argument can only be `Asc` or `Desc` you provided: " + value + ".");
        return null;
    }

    private Integer lengthArgument() {
        Expression length = visitor.optionalArgument("length");
        if (length == null) {
            return null;
        }
        Long value = coerce.integer(length);
        return value == null ? null : value.intValue();
    }

    private Boolean clusteredArgument() {
        Expression clustered = visitor.optionalArgument("clustered");
        return clustered == null ? null : coerce.bool(clustered);
    }

    private void fieldId(Db.ModelInfo model, Db.FieldInfo field) {
        Db.PrimaryKeyInfo primaryKey = new Db.PrimaryKeyInfo(visitor.current(), field);
        primaryKey.mappedName = mapArgument();
        Integer length = lengthArgument();
        SortOrder sort = sortArgument();
        primaryKey.clustered = clusteredArgument();
        primaryKey.fields = List.of(new Db.IndexFieldInfo(field, null, sort, length, null));
        if (model.primaryKey != null) {
            errors.model(DiagnosticCode.ID_INVALID, "model", model.name,
                    "At most one field must be marked as the id field with the `@id` attribute.", model.block.span());
        } else {
            model.primaryKey = primaryKey;
        }
    }

    private void fieldUnique(Db.ModelInfo model, Db.FieldInfo field) {
        Db.IndexInfo index = new Db.IndexInfo(Db.IndexKind.UNIQUE, visitor.current(), field);
        index.mappedName = mapArgument();
        Integer length = lengthArgument();
        SortOrder sort = sortArgument();
        index.clustered = clusteredArgument();
        index.fields = List.of(new Db.IndexFieldInfo(field, null, sort, length, null));
        model.indexes.add(index);
    }

    private static String quotedList(List<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    private void modelId(Db.ModelInfo model) {
        Attribute attribute = visitor.current();
        Expression fields = visitor.defaultArgument("fields");
        if (fields == null) {
            return;
        }
        FieldList resolved = resolveFieldsWithArgs(fields, attribute.span(), model, false);
        if (resolved.dealtWith) {
            return;
        }
        if (!resolved.ok()) {
            if (!resolved.unknown.isEmpty()) {
                errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "The multi field id declaration refers to "
                        + "the unknown " + (resolved.unknown.size() == 1 ? "field " : "fields ")
                        + quotedList(resolved.unknown) + ".", fields.span());
            }
            if (!resolved.relationFields.isEmpty()) {
                errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "The id definition refers to the relation "
                        + (resolved.relationFields.size() == 1 ? "field " : "fields ")
                        + quotedList(resolved.relationFields) + ". ID definitions must reference only scalar fields.",
                        attribute.span());
            }
            return;
        }
        List<Db.IndexFieldInfo> idFields = resolvedIndexFields;
        List<String> optional = idFields.stream().filter(f -> !f.field().isRequired()).map(f -> f.field().name)
                .toList();
        if (!optional.isEmpty() && !model.ignored) {
            errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "The id definition refers to the optional "
                    + (optional.size() == 1 ? "field " : "fields ") + quotedList(optional)
                    + ". ID definitions must reference only required fields.", attribute.span());
        }
        if (model.primaryKey != null) {
            errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "Each model must have at most one id criteria."
                    + " You can't have `@id` and `@@id` at the same time.", model.block.span());
        }
        Db.PrimaryKeyInfo primaryKey = new Db.PrimaryKeyInfo(attribute, null);
        primaryKey.fields = idFields;
        primaryKey.mappedName = mapArgument();
        primaryKey.name = nameArgument();
        if (primaryKey.name != null) {
            clientName(model, primaryKey.name, "@@id", attribute.span());
        }
        primaryKey.clustered = clusteredArgument();
        if (model.primaryKey == null) {
            model.primaryKey = primaryKey;
        }
    }

    private void clientName(Db.ModelInfo model, String name, String attribute, Span span) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                errors.model(DiagnosticCode.ATTRIBUTE_INVALID, "model", model.name, "The `name` property within the `"
                        + attribute + "` attribute only allows for the following characters: `_a-zA-Z0-9`.", span);
                return;
            }
        }
    }

    private void modelIndex(Db.ModelInfo model, Db.IndexKind kind) {
        Attribute attribute = visitor.current();
        Db.IndexInfo index = new Db.IndexInfo(kind, attribute, null);
        Expression fields = visitor.defaultArgument("fields");
        if (fields != null) {
            FieldList resolved = resolveFieldsWithArgs(fields, attribute.span(), model, true);
            if (resolved.ok()) {
                index.fields = resolvedIndexFields;
            } else if (!resolved.dealtWith) {
                String prefix = kind == Db.IndexKind.UNIQUE ? "unique " : "";
                if (!resolved.unknown.isEmpty()) {
                    errors.model(DiagnosticCode.INDEX_INVALID, "model", model.name, "The " + prefix + "index definition "
                            + "refers to the unknown fields: " + String.join(", ", resolved.unknown) + ".",
                            attribute.span());
                }
                if (!resolved.relationFields.isEmpty()) {
                    List<String> suggested = new ArrayList<>();
                    for (Db.FieldInfo relationField : resolved.relationFieldInfos) {
                        if (relationField.referencingFields != null) {
                            relationField.referencingFields.forEach(f -> suggested.add(f.name));
                        }
                    }
                    String suggestion = suggested.isEmpty() ? "" : " Did you mean `@@"
                            + (kind == Db.IndexKind.UNIQUE ? "unique" : "index") + "([" + String.join(", ", suggested)
                            + "])`?";
                    errors.model(DiagnosticCode.INDEX_INVALID, "model", model.name, "The " + prefix + "index definition "
                            + "refers to the relation fields " + String.join(", ", resolved.relationFields)
                            + ". Index definitions must reference only scalar fields." + suggestion, attribute.span());
                }
            }
        }
        switch (kind) {
            case NORMAL -> {
                String name = nameArgument();
                String map = mapArgument();
                if (name != null && map != null) {
                    visitor.attributeError(DiagnosticCode.INDEX_INVALID, "The `@@index` attribute accepts the `name` "
                            + "argument as an alias for the `map` argument for legacy reasons. It does not accept both "
                            + "though. Please use the `map` argument to specify the database name of the index.");
                } else {
                    index.mappedName = name != null ? name : map;
                }
                Expression type = visitor.optionalArgument("type");
                if (type != null) {
                    String algorithm = coerce.constant(type);
                    if (algorithm != null) {
                        if (List.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin").contains(algorithm)) {
                            index.algorithm = algorithm;
                        } else {
                            visitor.attributeError(DiagnosticCode.INDEX_INVALID, "Unknown index type: " + algorithm
                                    + ".");
                        }
                    }
                }
                index.clustered = clusteredArgument();
            }
            case UNIQUE -> {
                String name = nameArgument();
                index.mappedName = mapArgument();
                if (name != null) {
                    clientName(model, name, "@@unique", attribute.span());
                }
                index.name = name;
                index.clustered = clusteredArgument();
            }
            case FULLTEXT -> index.mappedName = mapArgument();
        }
        model.indexes.add(index);
    }

    // ---------------------------------------------------------------------------------------------------------
    // enums and composite types

    private void enumAttributes(Db.EnumInfo enumInfo) {
        for (BlockEntry.EnumValue value : enumInfo.block.enumValues()) {
            visitor.visit(value.attributes(), false);
            if (visitor.optionalSingle("map")) {
                String mapped = mapName();
                if (mapped != null) {
                    enumInfo.mappedValues.put(value.name().name(), mapped);
                }
                visitor.validateArguments();
            }
            visitor.validateAttributes();
        }
        visitor.visit(enumInfo.block.blockAttributes(), true);
        if (visitor.optionalSingle("map")) {
            enumInfo.mappedName = mapName();
            visitor.validateArguments();
        }
        if (visitor.optionalSingle("schema")) {
            Expression value = visitor.defaultArgument("name");
            if (value != null) {
                enumInfo.schema = coerce.string(value);
                enumInfo.schemaSpan = visitor.current().span();
            }
            visitor.validateArguments();
        }
        visitor.validateAttributes();
    }

    private void compositeAttributes(Db.CompositeInfo composite) {
        for (Db.FieldInfo field : composite.fields) {
            if (!field.isScalar()) {
                continue;
            }
            visitor.visit(field.ast.attributes(), false);
            if (field.scalarKind == Db.ScalarTypeKind.BUILTIN) {
                nativeType(field);
            }
            if (visitor.optionalSingle("map")) {
                String mapped = mapName();
                if (mapped != null) {
                    field.mappedName = mapped;
                }
                visitor.validateArguments();
            }
            if (visitor.optionalSingle("default")) {
                defaults.compositeFieldDefault(field);
                visitor.validateArguments();
            }
            visitor.validateAttributes();
        }
    }
}
