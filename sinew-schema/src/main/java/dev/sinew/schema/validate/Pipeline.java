package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.schema.model.ScalarKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connector-aware validations, run only on a schema that parsed and resolved without errors, in Prisma's
 * order: database names, composite types, models (fields, relation fields, indexes), enums, schemas, then
 * relations (cycles, cascade paths, fields and references, one-to-one and one-to-many rules, many-to-many).
 *
 * <p>Every relation-mode decision of validation lives here and in {@link Provider}: the referential actions
 * allowed per mode, SetNull on required fields, cycle and cascade-path checks, the missing-index warning.
 */
final class Pipeline {
    static final String MISSING_INDEX_WARNING = "With `relationMode = \"prisma\"`, no foreign keys are used, so relation"
            + " fields will not benefit from the index usually created by the relational database under the hood. "
            + "This can lead to poor performance when querying these fields. We recommend adding an index manually."
            + " Learn more at https://pris.ly/d/relation-mode-prisma-indexes";

    private final Db db;
    private final Errors errors;
    private final Datasource datasource;
    private final Provider provider;
    private final RelationMode mode;
    private final Set<String> previewFeatures;
    private final Map<String, List<Db.FieldInfo>> relationNames = new HashMap<>();
    private ConstraintNamespace namespace;

    private final Span extensionsSpan;

    private Pipeline(Db db, Errors errors, Configuration.Loaded configuration) {
        Datasource datasource = configuration.datasource();
        Set<String> previewFeatures = configuration.previewFeatures();
        this.extensionsSpan = configuration.extensionsSpan();
        this.db = db;
        this.errors = errors;
        this.datasource = datasource;
        this.provider = datasource == null ? null : datasource.provider();
        this.mode = datasource == null ? RelationMode.FOREIGN_KEYS : datasource.relationMode();
        this.previewFeatures = previewFeatures;
    }

    static void validate(Db db, Errors errors, Configuration.Loaded configuration) {
        new Pipeline(db, errors, configuration).run();
    }

    /** What a schema without datasource may use: Prisma validates it against an "empty" connector. */
    private static final Set<Provider.Capability> EMPTY_CONNECTOR = java.util.EnumSet.of(Provider.Capability.ENUMS,
            Provider.Capability.JSON, Provider.Capability.IMPLICIT_MANY_TO_MANY);

    private boolean has(Provider.Capability capability) {
        return provider == null ? EMPTY_CONNECTOR.contains(capability) : provider.has(capability);
    }

    private String connectorName() {
        return provider == null ? "psl_core::datamodel_connector::empty_connector::EmptyDatamodelConnector"
                : provider.displayName();
    }

    private void run() {
        if (extensionsSpan != null && previewFeatures.stream().noneMatch(f -> f.equalsIgnoreCase("postgresqlExtensions"))) {
            errors.error(DiagnosticCode.DATASOURCE_INVALID, "The `extensions` property is only available with the "
                    + "`postgresqlExtensions` preview feature.", extensionsSpan);
        }
        names();
        namespace = provider == null ? null : new ConstraintNamespace(db, provider);
        for (Db.CompositeInfo composite : db.composites) {
            if (!has(Provider.Capability.COMPOSITE_TYPES)) {
                errors.validation(DiagnosticCode.COMPOSITE_TYPE_UNSUPPORTED, "Composite types are not supported on "
                        + connectorName() + ".", composite.block.span());
            }
        }
        for (Db.FieldInfo field : db.unknownFunctionDefaults) {
            Expression.FunctionCall call = (Expression.FunctionCall) field.defaultValue.value();
            if (!(provider == Provider.COCKROACHDB && call.name().equals("sequence"))) {
                errors.error(DiagnosticCode.DEFAULT_INVALID, "Unknown function in @default(): `" + call.name()
                        + "` is not known. You can read about the available functions here: "
                        + "https://pris.ly/d/attribute-functions", call.span());
            }
        }
        for (Db.ModelInfo model : db.models) {
            if (!model(model)) {
                return;
            }
        }
        enums();
        enumSchemas();
        RelationRules relationRules = new RelationRules(db, errors, provider, mode, namespace, this::has,
                connectorName());
        for (Db.RelationInfo relation : db.relations) {
            relationRules.validate(relation);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // names

    private static String relationKey(Db.ModelInfo model, Db.FieldInfo field) {
        // Explicit and generated names share one namespace: `@relation("AToB")` clashes with an unnamed A-B field.
        String name = field.relationName != null ? field.relationName
                : Db.RelationInfo.generatedName(model.name, field.relatedModel.name);
        return model.name + "\u0000" + field.relatedModel.name + "\u0000" + name;
    }

    private void names() {
        for (Db.ModelInfo model : db.models) {
            for (Db.FieldInfo field : model.fields) {
                if (field.isRelation()) {
                    relationNames.computeIfAbsent(relationKey(model, field), k -> new ArrayList<>()).add(field);
                }
            }
        }
        Map<String, Db.ModelInfo> tables = new HashMap<>();
        for (Db.ModelInfo model : db.models) {
            String key = model.schema + "\u0000" + model.databaseName();
            Db.ModelInfo existing = tables.putIfAbsent(key, model);
            if (existing != null) {
                Attribute map = model.block.blockAttributes().stream().filter(a -> a.name().equals("map")).findFirst()
                        .orElse(null);
                errors.error(DiagnosticCode.NAME_DUPLICATE, "The " + model.containerType() + " with database name \""
                        + model.databaseName() + "\" could not be defined because another model or view with this "
                        + "name exists: \"" + existing.name + "\"", map != null ? map.span() : model.block.name().span());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // models

    /** Validates one model; false when validation must stop (an ambiguous relation). */
    private boolean model(Db.ModelInfo model) {
        modelSchema(model);
        if (model.isView() && previewFeatures.stream().noneMatch(f -> f.equalsIgnoreCase("views"))) {
            errors.validation(DiagnosticCode.VIEW_INVALID,
                    "View definitions are only available with the `views` preview feature.", model.block.span());
        }
        strictUniqueCriteria(model);
        if (model.primaryKey != null && namespace != null && provider.supportsNamedPrimaryKeys()) {
            Db.PrimaryKeyInfo primaryKey = model.primaryKey;
            constraintName(ConstraintNamespace.Kind.PRIMARY_KEY, model, namespace.primaryKeyName(model),
                    primaryKey.sourceField != null ? "@id" : "@@id", primaryKey.attribute);
        }
        uniqueCustomNames(model);
        if (model.primaryKey != null && model.primaryKey.name != null
                && model.fieldsByName.containsKey(model.primaryKey.name)) {
            errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "The custom name `" + model.primaryKey.name
                    + "` specified for the `@@id` attribute is already used as a name for a field. Please choose a "
                    + "different name.", model.block.span());
        }
        for (Db.IndexInfo index : model.indexes) {
            if (index.kind == Db.IndexKind.UNIQUE && index.name != null && model.fieldsByName.containsKey(index.name)) {
                errors.model(DiagnosticCode.INDEX_INVALID, "model", model.name, "The custom name `" + index.name
                        + "` specified for the `@@unique` attribute is already used as a name for a field. Please "
                        + "choose a different name.", model.block.span());
            }
        }
        primaryKeyConnectorSpecific(model);
        if (model.primaryKey != null) {
            primaryKeyConstraintName(model);
        }
        if (provider == Provider.MONGODB) {
            mongoDuplicateIndexes(model);
        }
        if (provider == Provider.COCKROACHDB) {
            cockroachIndexes(model);
        }
        autoincrement(model);
        if (model.primaryKey != null && model.primaryKey.clustered != null && !has(Provider.Capability.CLUSTERING)) {
            errors.attribute(DiagnosticCode.ID_INVALID, model.primaryKey.sourceField != null ? "@id" : "@@id",
                    "Defining clustering is not supported in the current connector.", model.primaryKey.attribute.span());
        }
        for (Db.FieldInfo field : model.fields) {
            if (field.isScalar()) {
                scalarField(model, field);
            }
        }
        for (Db.FieldInfo field : model.fields) {
            if (!field.isRelation()) {
                continue;
            }
            if (!ambiguity(model, field)) {
                return false;
            }
            relationField(model, field);
        }
        for (Db.IndexInfo index : model.indexes) {
            index(model, index);
        }
        return true;
    }

    private void strictUniqueCriteria(Db.ModelInfo model) {
        if (model.isView() || model.ignored) {
            return;
        }
        List<List<Db.FieldInfo>> criteria = model.uniqueCriteria();
        boolean strict = criteria.stream().anyMatch(c -> !c.isEmpty() && c.stream().allMatch(Db.FieldInfo::isRequired));
        if (strict) {
            return;
        }
        StringBuilder message = new StringBuilder("Each model must have at least one unique criteria that has only "
                + "required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion "
                + "with `@@id([])` or `@@unique([])` to the model.");
        List<String> loose = criteria.stream().filter(c -> !c.isEmpty())
                .map(c -> c.stream().map(f -> f.name).collect(Collectors.joining(", "))).toList();
        if (!loose.isEmpty()) {
            message.append(" The following unique criterias were not considered as they contain fields that are not "
                    + "required:");
            for (String criterion : loose) {
                message.append("\n- ").append(criterion);
            }
        }
        errors.model(DiagnosticCode.ID_MISSING, model.containerType(), model.name, message.toString(),
                model.block.span());
    }

    private void constraintName(ConstraintNamespace.Kind kind, Db.ModelInfo model, String name, String attributeName,
                                Attribute attribute) {
        for (String violation : namespace.violations(kind, model, name)) {
            errors.attribute(DiagnosticCode.CONSTRAINT_NAME_INVALID, attributeName, "The given constraint name `"
                    + name + "` has to be unique in the following namespace: " + violation + ". Please provide a "
                    + "different name using the `map` argument.", argumentSpan(attribute, "map"));
        }
    }

    private static int customNameCount(Db.ModelInfo model, String name) {
        int count = model.primaryKey != null && name.equals(model.primaryKey.name) ? 1 : 0;
        for (Db.IndexInfo index : model.indexes) {
            if (name.equals(index.name)) {
                count++;
            }
        }
        return count;
    }

    private void uniqueCustomNames(Db.ModelInfo model) {
        Map<String, Integer> counts = new HashMap<>();
        if (model.primaryKey != null && model.primaryKey.name != null) {
            counts.merge(model.primaryKey.name, 1, Integer::sum);
        }
        for (Db.IndexInfo index : model.indexes) {
            if (index.name != null) {
                counts.merge(index.name, 1, Integer::sum);
            }
        }
        if (model.primaryKey != null && model.primaryKey.name != null && counts.get(model.primaryKey.name) > 1) {
            errors.attribute(DiagnosticCode.ID_INVALID, "@@id", "The given custom name `" + model.primaryKey.name
                    + "` has to be unique on the model. Please provide a different name for the `name` argument.",
                    argumentSpan(model.primaryKey.attribute, "name"));
        }
    }

    static Span argumentSpan(Attribute attribute, String name) {
        for (var argument : attribute.argumentsOrEmpty()) {
            if (argument.name() != null && argument.name().name().equals(name)) {
                return argument.span();
            }
        }
        return attribute.span();
    }

    private void primaryKeyConnectorSpecific(Db.ModelInfo model) {
        if (provider == Provider.MONGODB && model.primaryKey == null && !model.isView() && !model.ignored) {
            errors.error(DiagnosticCode.ID_MISSING,
                    "Invalid model: MongoDB models require exactly one identity field annotated with @id",
                    model.block.span());
            return;
        }
        if (provider == Provider.MONGODB && model.primaryKey != null) {
            if (model.primaryKey.sourceField == null) {
                errors.model(DiagnosticCode.ID_INVALID, "model", model.name,
                        "The current connector does not support compound ids.", model.primaryKey.attribute.span());
            } else {
                Db.FieldInfo field = model.primaryKey.sourceField;
                if (!"_id".equals(field.mappedName)) {
                    errors.field(DiagnosticCode.ID_INVALID, "model", model.name, field.name,
                            "MongoDB model IDs must have an @map(\"_id\") annotation"
                            + (field.mappedName == null ? "." : ", found @map(\"" + field.mappedName + "\")."),
                            field.span());
                }
                for (Db.IndexInfo index : model.indexes) {
                    if (index.sourceField == field) {
                        errors.attribute(DiagnosticCode.ID_INVALID, "@unique",
                                "The same field cannot be an id and unique on MongoDB.", index.attribute.span());
                    }
                }
            }
        }
    }

    /** MongoDB refuses two indexes over the same fields with the same arguments. */
    private void mongoDuplicateIndexes(Db.ModelInfo model) {
        for (Db.IndexInfo index : model.indexes) {
            if (index.fields.isEmpty()) {
                continue;
            }
            boolean duplicate = model.indexes.stream().anyMatch(o -> o != index && o.fields.equals(index.fields));
            if (duplicate) {
                errors.attribute(DiagnosticCode.INDEX_INVALID, "@@" + index.attributeName(),
                        "Index already exists in the model.", index.attribute.span());
            }
        }
    }

    /** CockroachDB: inverted (Gin) indexes only over Json and lists; no custom operator classes. */
    private void cockroachIndexes(Db.ModelInfo model) {
        for (Db.IndexInfo index : model.indexes) {
            if ("Gin".equals(index.algorithm)) {
                for (Db.IndexFieldInfo field : index.fields) {
                    if (field.field().builtin != ScalarKind.JSON && !field.field().isList()) {
                        errors.attribute(DiagnosticCode.INDEX_INVALID, "@@index", "The Gin index type does not support "
                                + "the type of the field `" + field.field().name + "`.", index.attribute.span());
                    }
                }
            }
            if (index.fields.stream().anyMatch(f -> f.operatorClass() != null)) {
                errors.attribute(DiagnosticCode.INDEX_INVALID, "@@index",
                        "Custom operator classes are not supported with the current connector.",
                        index.attribute.span());
            }
        }
    }

    private void primaryKeyConstraintName(Db.ModelInfo model) {
        Db.PrimaryKeyInfo primaryKey = model.primaryKey;
        if (primaryKey.mappedName != null && !has(Provider.Capability.NAMED_PRIMARY_KEYS)) {
            errors.model(DiagnosticCode.ID_INVALID, "model", model.name, "You defined a database name for the primary "
                    + "key on the model. This is not supported by the provider.", model.block.span());
        }
        if (primaryKey.mappedName != null && provider != null && ConstraintNames.isTooLong(primaryKey.mappedName, provider)) {
            errors.model(DiagnosticCode.CONSTRAINT_NAME_INVALID, "model", model.name, "The constraint name '"
                    + primaryKey.mappedName + "' specified in the `map` argument for the `"
                    + (primaryKey.sourceField != null ? "@id" : "@@id") + "` constraint is too long for your chosen "
                    + "provider. The maximum allowed length is " + provider.maxIdentifierLength() + " bytes.",
                    primaryKey.attribute.span());
        }
    }

    private void autoincrement(Db.ModelInfo model) {
        List<Db.FieldInfo> autoincrements = model.fields.stream().filter(f -> f.isScalar() && f.defaultValue != null
                && f.defaultValue.resolved() instanceof DefaultValue.Autoincrement).toList();
        if (autoincrements.isEmpty()) {
            return;
        }
        if (provider == Provider.MONGODB) {
            for (Db.FieldInfo field : autoincrements) {
                errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default", "The `autoincrement()` default value is "
                        + "used with a datasource that does not support it.", field.defaultValue.attribute().span());
            }
            return;
        }
        if (provider == Provider.COCKROACHDB) {
            for (Db.FieldInfo field : autoincrements) {
                if (field.builtin != ScalarKind.BIG_INT) {
                    errors.attribute(DiagnosticCode.DEFAULT_INVALID, "default", "The `autoincrement()` default function"
                            + " is defined only on BigInt fields on CockroachDB. Use sequence() if you want an "
                            + "autoincrementing Int field.", field.defaultValue.attribute().span());
                }
            }
            return;
        }
        if (!has(Provider.Capability.MULTIPLE_AUTOINCREMENTS) && autoincrements.size() > 1) {
            errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default", "The `autoincrement()` default value is used "
                    + "multiple times on this model even though the underlying datasource only supports one instance "
                    + "per table.", model.block.span());
        }
        for (Db.FieldInfo field : autoincrements) {
            boolean isId = model.primaryKey != null && model.primaryKey.fields.stream().anyMatch(f -> f.field() == field);
            if (!isId && !has(Provider.Capability.AUTOINCREMENT_ON_NON_ID)) {
                errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default", "The `autoincrement()` default value is "
                        + "used on a non-id field even though the datasource does not support this.", field.span());
            }
            boolean indexed = (model.primaryKey != null && model.primaryKey.fields.get(0).field() == field)
                    || model.indexes.stream().anyMatch(i -> !i.fields.isEmpty() && i.fields.get(0).field() == field);
            if (!indexed && !has(Provider.Capability.AUTOINCREMENT_NON_INDEXED)) {
                errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default", "The `autoincrement()` default value is "
                        + "used on a non-indexed field even though the datasource does not support this.",
                        field.span());
            }
        }
    }

    private void scalarField(Db.ModelInfo model, Db.FieldInfo field) {
        {
            if (field.isList() && !has(Provider.Capability.SCALAR_LISTS)
                    && field.scalarKind != Db.ScalarTypeKind.COMPOSITE) {
                errors.error(DiagnosticCode.TYPE_UNSUPPORTED, "Field \"" + field.name + "\" in " + model.containerType()
                        + " \"" + model.name + "\" can't be a list. The current connector does not support lists of "
                        + "primitive types.", field.span());
            }
            if (field.builtin == ScalarKind.JSON && !has(Provider.Capability.JSON)) {
                unsupportedType(model, field, "Json");
            }
            if (field.builtin == ScalarKind.DECIMAL && !has(Provider.Capability.DECIMAL)) {
                unsupportedType(model, field, "Decimal");
            }
        }
        if (field.defaultValue != null && namespace != null) {
            constraintName(ConstraintNamespace.Kind.DEFAULT, model, namespace.defaultName(model, field), "@default",
                    field.defaultValue.attribute());
        }
        if (field.defaultValue != null && field.defaultValue.mappedName() != null) {
            if (!has(Provider.Capability.NAMED_DEFAULT_VALUES)) {
                errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default", "You defined a database name for the "
                        + "default value of a field on the model. This is not supported by the provider.",
                        field.defaultValue.attribute().span());
            }
        }
        if (field.defaultValue != null && field.defaultValue.resolved() instanceof DefaultValue.Auto) {
            if (provider == Provider.MONGODB) {
                if (field.nativeType == null || !field.nativeType.name().equals("ObjectId")) {
                    errors.field(DiagnosticCode.DEFAULT_INVALID, model.containerType(), model.name, field.name,
                            "MongoDB `@default(auto())` fields must have `ObjectId` native type.", field.span());
                }
                if (model.primaryKey == null || model.primaryKey.sourceField != field) {
                    errors.field(DiagnosticCode.DEFAULT_INVALID, model.containerType(), model.name, field.name,
                            "MongoDB `@default(auto())` fields must have the `@id` attribute.", field.span());
                }
            }
        }
        nativeType(field);
        defaultLiteral(field);
        if (field.defaultValue != null && field.defaultValue.resolved() instanceof DefaultValue.Auto
                && provider != Provider.MONGODB) {
            errors.attribute(DiagnosticCode.DEFAULT_INVALID, "@default",
                    "The current connector does not support the `auto()` function.", field.defaultValue.value().span());
        }
    }

    /** The literal of a default must parse as the field's type (Prisma's "Parse error: ..." messages). */
    private void defaultLiteral(Db.FieldInfo field) {
        if (field.defaultValue == null || field.scalarKind != Db.ScalarTypeKind.BUILTIN) {
            return;
        }
        Expression value = field.defaultValue.value();
        List<Expression> literals = value instanceof Expression.ArrayValue array ? array.items() : List.of(value);
        for (Expression literal : literals) {
            String raw = literal instanceof Expression.StringValue string ? string.value()
                    : literal instanceof Expression.NumericValue number ? number.raw() : null;
            if (raw == null) {
                continue;
            }
            String attribute = "@default";
            String kind;
            String problem;
            switch (field.builtin) {
                case INT, BIG_INT -> {
                    kind = "integer";
                    problem = LiteralChecks.integer(raw);
                }
                case DECIMAL -> {
                    kind = "decimal";
                    problem = LiteralChecks.decimal(raw);
                    attribute = "default";
                }
                case DATE_TIME -> {
                    kind = "rfc3339 datetime string";
                    problem = LiteralChecks.dateTime(raw);
                }
                case JSON -> {
                    kind = "JSON string";
                    problem = LiteralChecks.json(raw);
                }
                case BYTES -> {
                    kind = "base64 string";
                    problem = LiteralChecks.base64(raw);
                }
                default -> {
                    kind = null;
                    problem = null;
                }
            }
            if (problem != null) {
                errors.attribute(DiagnosticCode.DEFAULT_INVALID, attribute, "Parse error: \"" + raw + "\" is not a valid "
                        + kind + ". (" + problem + ")", literal.span());
                return;
            }
        }
    }

    private void unsupportedType(Db.ModelInfo model, Db.FieldInfo field, String type) {
        errors.field(DiagnosticCode.TYPE_UNSUPPORTED, model.containerType(), model.name, field.name, "Field `"
                + field.name + "` in " + model.containerType() + " `" + model.name + "` can't be of type " + type
                + ". The current connector does not support the " + type + " type.", field.span());
    }

    private void nativeType(Db.FieldInfo field) {
        Db.NativeTypeInfo nativeType = field.nativeType;
        if (nativeType == null) {
            return;
        }
        Span span = nativeType.attribute().span();
        if (provider == null) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Native type " + nativeType.name()
                    + " is not supported for Default connector.", span);
            return;
        }
        String datasourceName = datasource.name();
        if (!nativeType.prefix().equals(datasourceName)) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "The prefix " + nativeType.prefix() + " is invalid. It must"
                    + " be equal to the name of an existing datasource e.g. " + datasourceName + ". Did you mean to use "
                    + datasourceName + "." + nativeType.name() + "?", span);
        }
        NativeTypes.Spec spec = NativeTypes.find(provider, nativeType.name());
        if (spec == null) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Native type " + nativeType.name()
                    + " is not supported for " + provider.schemaName() + " connector.", span);
            return;
        }
        if (!spec.types().contains(field.builtin)) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Native type " + nativeType.name() + " is not compatible "
                    + "with declared field type " + field.builtin.schemaName() + ", expected field type "
                    + NativeTypes.orderedTypes(spec).stream().map(ScalarKind::schemaName)
                    .collect(Collectors.joining(" or ")) + ".", span);
            return;
        }
        List<Expression> args = nativeType.arguments();
        int count = args.size();
        if (spec.optional() > 0) {
            if (count > spec.optional()) {
                errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Native type " + nativeType.name() + " takes "
                        + spec.optional() + " optional arguments, but received " + count + ".", span);
                return;
            }
        } else if (count != spec.required()) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Function \"" + nativeType.name() + "\" takes "
                    + spec.required() + " arguments, but received " + count + ".", span);
            return;
        }
        List<Long> values = new ArrayList<>();
        for (Expression arg : args) {
            if (spec.arguments() == NativeTypes.Arguments.LENGTH_OR_MAX) {
                if (arg instanceof Expression.ConstantValue c && c.value().equals("Max")) {
                    continue;
                }
                Long value = parseUnsigned(arg, 65535);
                if (value == null) {
                    errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Expected an integer or `Max`, but found ("
                            + renderArgs(args) + ").", span);
                    return;
                }
                values.add(value);
            } else {
                Long value = parseUnsigned(arg, 4294967295L);
                if (value == null) {
                    errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Expected a nonnegative integer, but found ("
                            + renderArgs(args) + ").", span);
                    return;
                }
                values.add(value);
            }
        }
        String problem = NativeTypes.rangeProblem(provider, spec, values);
        if (problem == null) {
            return;
        }
        String shown = nativeType.name() + "(" + values.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")";
        if (problem.isEmpty()) {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "The scale must not be larger than the precision for the "
                    + shown + " native type in " + connectorName() + ".", span);
        } else {
            errors.error(DiagnosticCode.NATIVE_TYPE_INVALID, "Argument M is out of range for native type `" + shown
                    + "` of " + connectorName() + ": " + problem, span);
        }
    }

    private static String renderArgs(List<Expression> args) {
        return args.stream().map(Expressions::render).collect(Collectors.joining(", "));
    }

    private static Long parseUnsigned(Expression arg, long max) {
        if (!(arg instanceof Expression.NumericValue number)) {
            return null;
        }
        try {
            long value = Long.parseLong(number.raw());
            return value < 0 || value > max ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // relation fields

    private static String fieldList(List<Db.FieldInfo> fields) {
        List<String> names = fields.stream().map(f -> "`" + f.name + "`").toList();
        if (names.size() < 2) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private boolean ambiguity(Db.ModelInfo model, Db.FieldInfo field) {
        List<Db.FieldInfo> fields = relationNames.get(relationKey(model, field));
        if (fields == null || fields.size() <= 1) {
            return true;
        }
        boolean self = model == field.relatedModel;
        boolean explicit = field.relationName != null;
        String names = fieldList(fields);
        String message;
        if (!explicit && self && fields.size() == 2) {
            message = "Ambiguous self relation detected. The fields " + names + " in model `" + model.name
                    + "` both refer to `" + field.relatedModel.name + "`. If they are part of the same relation add "
                    + "the same relation name for them with `@relation(<name>)`.";
        } else if (!explicit && self) {
            message = "Unnamed self relation detected. The fields " + names + " in model `" + model.name
                    + "` have no relation name. Please provide a relation name for one of them by adding "
                    + "`@relation(<name>).";
        } else if (explicit && self && fields.size() > 2) {
            message = "Wrongly named self relation detected. The fields " + names + " in model `" + model.name
                    + "` have the same relation name. At most two relation fields can belong to the same relation "
                    + "and therefore have the same name. Please assign a different relation name to one of them.";
        } else if (explicit && self) {
            return true;
        } else if (!explicit) {
            message = "Ambiguous relation detected. The fields " + names + " in model `" + model.name
                    + "` both refer to `" + field.relatedModel.name + "`. Please provide different relation names for "
                    + "them by adding `@relation(<name>).";
        } else {
            message = "Wrongly named relation detected. The fields " + names + " in model `" + model.name
                    + "` both use the same relation name. Please provide different relation names for them through "
                    + "`@relation(<name>).";
        }
        errors.model(DiagnosticCode.RELATION_AMBIGUOUS, model.containerType(), model.name, message, field.span());
        return false;
    }

    private void relationField(Db.ModelInfo model, Db.FieldInfo field) {
        if (field.relatedModel.ignored && !field.ignored && !model.ignored) {
            errors.attribute(DiagnosticCode.RELATION_INVALID, "@ignore", "The relation field `" + field.name
                    + "` on Model `" + model.name + "` must specify the `@ignore` attribute, because the model "
                    + field.relatedModel.name + " it is pointing to is marked ignored.", field.span());
        }
        referentialAction(field, field.onDelete, field.onDeleteSpan);
        referentialAction(field, field.onUpdate, field.onUpdateSpan);
        if (field.foreignKeyMap != null) {
            if (!has(Provider.Capability.NAMED_FOREIGN_KEYS)) {
                errors.attribute(DiagnosticCode.RELATION_INVALID, "@relation",
                        "Your provider does not support named foreign keys.", field.relationAttribute.span());
            } else if (ConstraintNames.isTooLong(field.foreignKeyMap, provider)) {
                errors.model(DiagnosticCode.CONSTRAINT_NAME_INVALID, "model", model.name, "The constraint name '"
                        + field.foreignKeyMap + "' specified in the `map` argument for the `@relation` constraint is "
                        + "too long for your chosen provider. The maximum allowed length is "
                        + provider.maxIdentifierLength() + " bytes.", field.relationAttribute.span());
            }
        }
        missingRelationIndex(model, field);
        if (provider == Provider.MYSQL && mode.usesForeignKeys()) {
            mysqlSetDefault(field, field.onDelete, field.onDeleteSpan);
            mysqlSetDefault(field, field.onUpdate, field.onUpdateSpan);
        }
    }

    private void mysqlSetDefault(Db.FieldInfo field, ReferentialAction action, Span span) {
        if (action == ReferentialAction.SET_DEFAULT) {
            errors.warning(DiagnosticCode.REFERENTIAL_ACTION_SET_DEFAULT_MYSQL, "MySQL does not actually support the "
                    + "`SetDefault` referential action, so using it may result in unexpected errors. Read more at "
                    + "https://pris.ly/d/mysql-set-default ", span);
        }
    }

    private void referentialAction(Db.FieldInfo field, ReferentialAction action, Span span) {
        if (action == null || provider == null) {
            return;
        }
        Set<ReferentialAction> allowed = provider.referentialActions(mode);
        if (allowed.contains(action)) {
            return;
        }
        String list = allowed.stream().map(a -> "`" + a.schemaName() + "`").collect(Collectors.joining(", "));
        String message = "Invalid referential action: `" + action.schemaName() + "`. Allowed values: (" + list + ")";
        if (!mode.usesForeignKeys() && action == ReferentialAction.NO_ACTION
                && allowed.contains(ReferentialAction.RESTRICT)) {
            message += ". `NoAction` is not implemented for " + provider.displayName() + " when using `relationMode = "
                    + "\"prisma\"`, you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode";
        }
        errors.validation(DiagnosticCode.REFERENTIAL_ACTION_NOT_ALLOWED, message, span);
    }

    private void missingRelationIndex(Db.ModelInfo model, Db.FieldInfo field) {
        if (provider == null || !provider.suggestsRelationIndexes() || mode != RelationMode.PRISMA
                || field.referencingFields == null) {
            return;
        }
        List<Db.FieldInfo> referencing = field.referencingFields;
        for (Db.IndexInfo index : model.indexes) {
            if (leftPrefix(referencing, index.fields)) {
                return;
            }
        }
        if (model.primaryKey != null && leftPrefix(referencing, model.primaryKey.fields)) {
            return;
        }
        errors.warning(DiagnosticCode.RELATION_MISSING_INDEX, MISSING_INDEX_WARNING,
                field.relationAttribute != null ? field.relationAttribute.span() : field.span());
    }

    private static boolean leftPrefix(List<Db.FieldInfo> fields, List<Db.IndexFieldInfo> index) {
        if (fields.size() > index.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (index.get(i).field() != fields.get(i) || index.get(i).path() != null) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // indexes

    private void index(Db.ModelInfo model, Db.IndexInfo index) {
        String attributeName = (index.sourceField != null ? "@" : "@@") + index.attributeName();
        if (index.fields.isEmpty() && index.sourceField == null) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName, "The list of fields in an index cannot be "
                    + "empty. Please specify at least one field.", index.attribute.span());
        }
        if (namespace != null) {
            constraintName(ConstraintNamespace.Kind.INDEX, model, namespace.indexName(model, index), attributeName,
                    index.attribute);
        }
        if (index.kind == Db.IndexKind.UNIQUE && index.name != null && customNameCount(model, index.name) > 1) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, "@@unique", "The given custom name `" + index.name
                    + "` has to be unique on the model. Please provide a different name for the `name` argument.",
                    argumentSpan(index.attribute, "name"));
        }
        if (!has(Provider.Capability.INDEX_LENGTH_PREFIXES) && index.fields.stream().anyMatch(f -> f.length() != null)) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName, "The length argument is not supported in an "
                    + "index definition with the current connector", index.attribute.span());
        }
        if (index.algorithm != null && (provider == null || !provider.indexAlgorithms().contains(index.algorithm))) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName,
                    "The given index type is not supported with the current connector",
                    argumentSpan(index.attribute, "type"));
        }
        if ("Hash".equals(index.algorithm) && index.fields.stream().anyMatch(f -> f.sortOrder() != null)) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName, "Hash type does not support sort option.",
                    index.attribute.span());
        }
        if (index.kind == Db.IndexKind.FULLTEXT && !has(Provider.Capability.FULL_TEXT_INDEX)) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName, "Defining fulltext indexes is not supported "
                    + "with the current connector.", index.attribute.span());
        }
        if (index.mappedName != null && provider != null && ConstraintNames.isTooLong(index.mappedName, provider)) {
            errors.model(DiagnosticCode.CONSTRAINT_NAME_INVALID, "model", model.name, "The constraint name '"
                    + index.mappedName + "' specified in the `map` argument for the `" + attributeName + "` constraint "
                    + "is too long for your chosen provider. The maximum allowed length is "
                    + provider.maxIdentifierLength() + " bytes.", index.attribute.span());
        }
        if (index.clustered != null && !has(Provider.Capability.CLUSTERING)) {
            errors.attribute(DiagnosticCode.INDEX_INVALID, attributeName,
                    "Defining clustering is not supported in the current connector.", index.attribute.span());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // enums and schemas

    private void enums() {
        if (!has(Provider.Capability.ENUMS)) {
            for (Db.EnumInfo enumInfo : db.enums) {
                errors.validation(DiagnosticCode.ENUM_UNSUPPORTED, "You defined the enum `" + enumInfo.name
                        + "`. But the current connector does not support enums.", enumInfo.block.span());
            }
            return;
        }
        Map<String, Db.EnumInfo> byDatabaseName = new HashMap<>();
        for (Db.EnumInfo enumInfo : db.enums) {
            String name = enumInfo.mappedName != null ? enumInfo.mappedName : enumInfo.name;
            if (byDatabaseName.putIfAbsent(enumInfo.schema + "\u0000" + name, enumInfo) != null) {
                errors.error(DiagnosticCode.NAME_DUPLICATE, "An enum with the same database name is already defined.",
                        enumInfo.block.span());
            }
        }
    }

    private void modelSchema(Db.ModelInfo model) {
        List<String> schemas = datasource == null ? List.of() : datasource.schemas();
        if (model.schema == null) {
            if (!schemas.isEmpty()) {
                errors.model(DiagnosticCode.SCHEMA_INVALID, model.containerType(), model.name,
                        "This model is missing an `@@schema` attribute.", model.block.span());
            }
            return;
        }
        schemaAttribute(model.schema, model.schemaSpan, schemas);
    }

    private void enumSchemas() {
        List<String> schemas = datasource == null ? List.of() : datasource.schemas();
        for (Db.EnumInfo enumInfo : db.enums) {
            if (enumInfo.schema == null) {
                if (!schemas.isEmpty()) {
                    errors.error(DiagnosticCode.SCHEMA_INVALID, "This enum is missing an `@@schema` attribute.",
                            enumInfo.block.span());
                }
                continue;
            }
            schemaAttribute(enumInfo.schema, enumInfo.schemaSpan, schemas);
        }
    }

    private void schemaAttribute(String schema, Span span, List<String> schemas) {
        if (!has(Provider.Capability.MULTI_SCHEMA)) {
            errors.error(DiagnosticCode.SCHEMA_INVALID, "@@schema is not supported on the current datasource provider",
                    span);
        } else if (!schemas.contains(schema)) {
            errors.error(DiagnosticCode.SCHEMA_INVALID, "This schema is not defined in the datasource. Read more on "
                    + "`@@schema` at https://pris.ly/d/multi-schema", span);
        }
    }
}
