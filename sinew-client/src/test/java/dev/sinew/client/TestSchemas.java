package dev.sinew.client;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.FieldType;
import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.model.ConfigValue;
import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Field;
import dev.sinew.schema.model.FieldArity;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.IndexField;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.NativeType;
import dev.sinew.schema.model.PrimaryKey;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test support until the validator is on this branch: resolves the subset of the schema language the client's tests
 * use (models, enums, ids, uniques, indexes, defaults, maps, relations with their default actions, implicit
 * many-to-many) into a Datamodel. It assumes a valid schema; the validator decides validity.
 */
final class TestSchemas {
    private TestSchemas() {
    }

    static Datamodel datamodel(String text) {
        SchemaParser.Result parsed = SchemaParser.parse("schema.prisma", text);
        if (parsed.diagnostics().hasErrors()) {
            throw new IllegalArgumentException(parsed.diagnostics().render());
        }
        SchemaAst ast = parsed.ast();
        Datasource datasource = datasource(ast);
        Provider provider = datasource.provider();
        RelationMode mode = datasource.relationMode();
        Set<String> modelNames = new HashSet<>();
        for (Block block : ast.blocks(Block.Kind.MODEL)) {
            modelNames.add(block.name().name());
        }
        List<EnumType> enums = new ArrayList<>();
        for (Block block : ast.blocks(Block.Kind.ENUM)) {
            List<EnumType.Value> values = new ArrayList<>();
            for (BlockEntry.EnumValue value : block.enumValues()) {
                String map = null;
                for (Attribute attribute : value.attributes()) {
                    if (attribute.name().equals("map")) {
                        map = string(attribute.argumentsOrEmpty().get(0).value());
                    }
                }
                values.add(new EnumType.Value(value.name().name(), map, null, Span.EMPTY));
            }
            enums.add(new EnumType(block.name().name(), blockMap(block), null, values, null, Span.EMPTY));
        }
        Set<String> enumNames = new HashSet<>();
        enums.forEach(e -> enumNames.add(e.name()));

        List<Model> models = new ArrayList<>();
        for (Block block : ast.blocks(Block.Kind.MODEL)) {
            models.add(model(block, provider, modelNames, enumNames));
        }
        List<Relation> relations = relations(models, provider, mode);
        return new Datamodel(datasource, List.of(), models, enums, List.of(), relations);
    }

    private static Datasource datasource(SchemaAst ast) {
        Block block = ast.blocks(Block.Kind.DATASOURCE).get(0);
        Provider provider = null;
        RelationMode mode = null;
        ConfigValue url = null;
        for (BlockEntry.Property property : block.properties()) {
            Expression value = property.value();
            switch (property.name().name()) {
                case "provider" -> provider = Provider.fromSchemaName(string(value)).orElseThrow();
                case "relationMode" -> mode = RelationMode.fromSchemaName(string(value)).orElseThrow();
                case "url" -> url = value instanceof Expression.FunctionCall call
                        ? new ConfigValue.Env(string(call.arguments().arguments().get(0).value()))
                        : new ConfigValue.Literal(string(value));
                default -> {
                }
            }
        }
        RelationMode effective = mode != null ? mode : provider.defaultRelationMode();
        return new Datasource(block.name().name(), provider, effective, mode != null, false, url, null, null,
                List.of(), List.of(), Span.EMPTY);
    }

    private static Model model(Block block, Provider provider, Set<String> models, Set<String> enums) {
        String name = block.name().name();
        String table = blockMap(block) != null ? blockMap(block) : name;
        List<Field> fields = new ArrayList<>();
        PrimaryKey primaryKey = null;
        List<Index> indexes = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (BlockEntry.Field field : block.fields()) {
            FieldType type = field.type();
            FieldArity arity = switch (type.arity()) {
                case REQUIRED -> FieldArity.REQUIRED;
                case OPTIONAL -> FieldArity.OPTIONAL;
                case LIST -> FieldArity.LIST;
            };
            String fieldName = field.name().name();
            if (models.contains(type.base())) {
                String relationName = null;
                List<String> fks = List.of();
                List<String> refs = List.of();
                ReferentialAction onDelete = null;
                ReferentialAction onUpdate = null;
                String map = null;
                for (Attribute attribute : field.attributes()) {
                    if (!attribute.name().equals("relation")) {
                        continue;
                    }
                    for (Argument argument : attribute.argumentsOrEmpty()) {
                        String key = argument.isNamed() ? argument.name().name() : "name";
                        switch (key) {
                            case "name" -> relationName = string(argument.value());
                            case "fields" -> fks = names(argument.value());
                            case "references" -> refs = names(argument.value());
                            case "onDelete" -> onDelete = ReferentialAction.fromSchemaName(
                                    ((Expression.ConstantValue) argument.value()).value()).orElseThrow();
                            case "onUpdate" -> onUpdate = ReferentialAction.fromSchemaName(
                                    ((Expression.ConstantValue) argument.value()).value()).orElseThrow();
                            case "map" -> map = string(argument.value());
                            default -> {
                            }
                        }
                    }
                }
                fields.add(new RelationField(fieldName, arity, type.base(), relationName, fks, refs, onDelete,
                        onUpdate, map, false, null, Span.EMPTY));
                continue;
            }
            ScalarType scalarType = enums.contains(type.base()) ? new ScalarType.EnumRef(type.base())
                    : new ScalarType.Builtin(ScalarKind.fromSchemaName(type.base()).orElseThrow(
                            () -> new IllegalArgumentException("unknown type " + type.base())));
            String map = null;
            DefaultValue defaultValue = null;
            boolean id = false;
            boolean unique = false;
            boolean updatedAt = false;
            NativeType nativeType = null;
            for (Attribute attribute : field.attributes()) {
                List<Argument> args = attribute.argumentsOrEmpty();
                switch (attribute.name()) {
                    case "id" -> id = true;
                    case "unique" -> unique = true;
                    case "updatedAt" -> updatedAt = true;
                    case "map" -> map = string(args.get(0).value());
                    case "default" -> defaultValue = defaultValue(args.get(0).value(), scalarType);
                    default -> {
                        if (attribute.name().startsWith("db.")) {
                            nativeType = new NativeType(attribute.name().substring(3), List.of());
                        }
                    }
                }
            }
            columns.put(fieldName, map != null ? map : fieldName);
            fields.add(new ScalarField(fieldName, map, arity, scalarType, nativeType, defaultValue, null, updatedAt,
                    false, id, unique, null, Span.EMPTY));
            if (id) {
                primaryKey = new PrimaryKey(List.of(IndexField.of(fieldName)), null, null,
                        ConstraintNames.primaryKey(table, provider), true, null, Span.EMPTY);
            }
            if (unique) {
                indexes.add(new Index(Index.Kind.UNIQUE, List.of(IndexField.of(fieldName)), null, null,
                        ConstraintNames.uniqueIndex(table, List.of(map != null ? map : fieldName), provider), true,
                        null, null, Span.EMPTY));
            }
        }
        for (Attribute attribute : block.blockAttributes()) {
            List<String> names = null;
            String indexName = null;
            String map = null;
            for (Argument argument : attribute.argumentsOrEmpty()) {
                String key = argument.isNamed() ? argument.name().name() : "fields";
                switch (key) {
                    case "fields" -> names = names(argument.value());
                    case "name" -> indexName = string(argument.value());
                    case "map" -> map = string(argument.value());
                    default -> {
                    }
                }
            }
            if (names == null) {
                continue;
            }
            List<IndexField> indexFields = names.stream().map(IndexField::of).toList();
            List<String> cols = names.stream().map(columns::get).toList();
            switch (attribute.name()) {
                case "id" -> primaryKey = new PrimaryKey(indexFields, indexName, map,
                        map != null ? map : ConstraintNames.primaryKey(table, provider), false, null, Span.EMPTY);
                case "unique" -> indexes.add(new Index(Index.Kind.UNIQUE, indexFields, indexName, map,
                        map != null ? map : ConstraintNames.uniqueIndex(table, cols, provider), false, null, null,
                        Span.EMPTY));
                case "index" -> indexes.add(new Index(Index.Kind.NORMAL, indexFields, indexName, map,
                        map != null ? map : ConstraintNames.index(table, cols, provider), false, null, null,
                        Span.EMPTY));
                default -> {
                }
            }
        }
        return new Model(name, blockMap(block), null, false, false, null, fields, primaryKey, indexes, Span.EMPTY);
    }

    private static List<Relation> relations(List<Model> models, Provider provider, RelationMode mode) {
        record End(Model model, RelationField field) {}
        Map<String, List<End>> groups = new LinkedHashMap<>();
        for (Model model : models) {
            for (RelationField field : model.relationFields()) {
                String a = model.name();
                String b = field.relatedModel();
                String generated = a.compareTo(b) <= 0 ? a + "To" + b : b + "To" + a;
                String name = field.relationName() != null ? field.relationName() : generated;
                String key = name + "|" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a);
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new End(model, field));
            }
        }
        List<Relation> out = new ArrayList<>();
        for (Map.Entry<String, List<End>> group : groups.entrySet()) {
            List<End> ends = group.getValue();
            if (ends.size() != 2) {
                throw new IllegalArgumentException("relation " + group.getKey() + " has " + ends.size() + " fields");
            }
            String name = group.getKey().substring(0, group.getKey().indexOf('|'));
            End first = ends.get(0);
            End second = ends.get(1);
            if (first.field().isForeignKeySide() || second.field().isForeignKeySide()) {
                End a = first.field().isForeignKeySide() ? first : second;
                End b = a == first ? second : first;
                boolean required = a.field().fields().stream()
                        .anyMatch(f -> a.model().scalarField(f).orElseThrow().arity().isRequired());
                ReferentialAction onDelete = a.field().onDelete() != null ? a.field().onDelete()
                        : required ? provider.defaultOnDeleteForRequired(mode) : ReferentialAction.SET_NULL;
                ReferentialAction onUpdate = a.field().onUpdate() != null ? a.field().onUpdate()
                        : ReferentialAction.CASCADE;
                List<String> fkColumns = a.field().fields().stream()
                        .map(f -> a.model().scalarField(f).orElseThrow().columnName()).toList();
                String fkName = a.field().map() != null ? a.field().map()
                        : ConstraintNames.foreignKey(a.model().tableName(), fkColumns, provider);
                out.add(new Relation(name, b.field().arity().isList() ? Relation.Kind.ONE_TO_MANY
                        : Relation.Kind.ONE_TO_ONE, a.model().name(), a.field().name(), b.model().name(),
                        b.field().name(), a.field().fields(), a.field().references(), onDelete, onUpdate,
                        a.field().onDelete() != null, a.field().onUpdate() != null, required, a.field().map(),
                        fkName, null));
            } else {
                boolean firstIsA = first.model().name().equals(second.model().name())
                        ? first.field().name().compareTo(second.field().name()) < 0
                        : first.model().name().compareTo(second.model().name()) < 0;
                End a = firstIsA ? first : second;
                End b = firstIsA ? second : first;
                out.add(new Relation(name, Relation.Kind.MANY_TO_MANY, a.model().name(), a.field().name(),
                        b.model().name(), b.field().name(), List.of(), List.of(), ReferentialAction.CASCADE,
                        ReferentialAction.CASCADE, false, false, false, null, null,
                        ConstraintNames.joinTable(name, provider)));
            }
        }
        return out;
    }

    private static DefaultValue defaultValue(Expression value, ScalarType type) {
        if (value instanceof Expression.FunctionCall call) {
            List<Argument> args = call.arguments() == null ? List.of() : call.arguments().arguments();
            return switch (call.name()) {
                case "autoincrement" -> new DefaultValue.Autoincrement();
                case "now" -> new DefaultValue.Now();
                case "uuid" -> new DefaultValue.Uuid(args.isEmpty() ? 4 : 7);
                case "cuid" -> new DefaultValue.Cuid(args.isEmpty() ? 1 : 2);
                case "ulid" -> new DefaultValue.Ulid();
                case "nanoid" -> new DefaultValue.Nanoid(args.isEmpty() ? null
                        : Integer.parseInt(((Expression.NumericValue) args.get(0).value()).raw()));
                case "dbgenerated" -> new DefaultValue.DbGenerated(args.isEmpty() ? null : string(args.get(0).value()));
                default -> throw new IllegalArgumentException(call.name());
            };
        }
        if (value instanceof Expression.StringValue s) {
            return new DefaultValue.Literal(s.value());
        }
        if (value instanceof Expression.NumericValue n) {
            return new DefaultValue.Literal(n.raw().contains(".") ? new BigDecimal(n.raw()) : Long.parseLong(n.raw()));
        }
        if (value instanceof Expression.ConstantValue c) {
            if (c.value().equals("true") || c.value().equals("false")) {
                return new DefaultValue.Literal(Boolean.parseBoolean(c.value()));
            }
            return new DefaultValue.EnumValue(c.value());
        }
        throw new IllegalArgumentException("default " + value);
    }

    private static String blockMap(Block block) {
        for (Attribute attribute : block.blockAttributes()) {
            if (attribute.name().equals("map")) {
                return string(attribute.argumentsOrEmpty().get(0).value());
            }
        }
        return null;
    }

    private static String string(Expression value) {
        if (value instanceof Expression.StringValue s) {
            return s.value();
        }
        if (value instanceof Expression.ConstantValue c) {
            return c.value();
        }
        throw new IllegalArgumentException("expected a string: " + value);
    }

    private static List<String> names(Expression value) {
        List<String> out = new ArrayList<>();
        for (Expression item : ((Expression.ArrayValue) value).items()) {
            if (item instanceof Expression.ConstantValue c) {
                out.add(c.value());
            } else if (item instanceof Expression.FunctionCall call) {
                out.add(call.name());
            }
        }
        return out;
    }
}
