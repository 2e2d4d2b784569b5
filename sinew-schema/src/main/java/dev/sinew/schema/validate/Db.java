package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.ast.Span;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.FieldArity;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the validator learns about a schema while it walks it, pass after pass (names, types, attributes,
 * relations). Mutable and package-private; the public result is the immutable {@code Datamodel}.
 */
final class Db {
    final SchemaAst ast;
    final List<ModelInfo> models = new ArrayList<>();
    final List<EnumInfo> enums = new ArrayList<>();
    final List<CompositeInfo> composites = new ArrayList<>();
    final List<Block> datasources = new ArrayList<>();
    final List<Block> generators = new ArrayList<>();
    /** Models, views, enums and composite types by name; the last definition wins, as in Prisma. */
    final Map<String, Object> tops = new HashMap<>();
    final List<RelationInfo> relations = new ArrayList<>();
    /** Fields whose {@code @default} calls a function the connector may know ({@code sequence()}, ...). */
    final List<FieldInfo> unknownFunctionDefaults = new ArrayList<>();

    Db(SchemaAst ast) {
        this.ast = ast;
    }

    ModelInfo model(String name) {
        return tops.get(name) instanceof ModelInfo model ? model : null;
    }

    EnumInfo enumInfo(String name) {
        return tops.get(name) instanceof EnumInfo e ? e : null;
    }

    /** The first datasource's name: the prefix of native type attributes ({@code @db.VarChar}). */
    String datasourceName() {
        return datasources.isEmpty() ? null : datasources.get(0).name().name();
    }

    enum ScalarTypeKind { BUILTIN, ENUM, COMPOSITE, UNSUPPORTED }

    /** A model or view. */
    static final class ModelInfo {
        final Block block;
        final String name;
        final int index;
        final List<FieldInfo> fields = new ArrayList<>();
        /** Fields by name; the last definition wins, as in Prisma. */
        final Map<String, FieldInfo> fieldsByName = new LinkedHashMap<>();
        String mappedName;
        String schema;
        Span schemaSpan;
        boolean ignored;
        PrimaryKeyInfo primaryKey;
        final List<IndexInfo> indexes = new ArrayList<>();

        ModelInfo(Block block, int index) {
            this.block = block;
            this.name = block.name().name();
            this.index = index;
        }

        boolean isView() {
            return block.kind() == Block.Kind.VIEW;
        }

        String containerType() {
            return isView() ? "view" : "model";
        }

        String databaseName() {
            return mappedName != null ? mappedName : name;
        }

        List<FieldInfo> scalarFields() {
            return fields.stream().filter(FieldInfo::isScalar).toList();
        }

        List<FieldInfo> relationFields() {
            return fields.stream().filter(FieldInfo::isRelation).toList();
        }

        /** The primary key and the unique indexes: the criteria that identify one record. */
        List<List<FieldInfo>> uniqueCriteria() {
            List<List<FieldInfo>> criteria = new ArrayList<>();
            if (primaryKey != null) {
                criteria.add(primaryKey.fields.stream().map(IndexFieldInfo::field).toList());
            }
            for (IndexInfo index : indexes) {
                if (index.kind == IndexKind.UNIQUE && index.fields.stream().allMatch(f -> f.path == null)) {
                    criteria.add(index.fields.stream().map(IndexFieldInfo::field).toList());
                }
            }
            return criteria;
        }
    }

    /** An enum block. */
    static final class EnumInfo {
        final Block block;
        final String name;
        String mappedName;
        String schema;
        Span schemaSpan;
        final Map<String, String> mappedValues = new HashMap<>();

        EnumInfo(Block block) {
            this.block = block;
            this.name = block.name().name();
        }

        boolean hasValue(String value) {
            return block.enumValues().stream().anyMatch(v -> v.name().name().equals(value));
        }
    }

    /** A composite type block. */
    static final class CompositeInfo {
        final Block block;
        final String name;
        final List<FieldInfo> fields = new ArrayList<>();
        final Map<String, FieldInfo> fieldsByName = new LinkedHashMap<>();

        CompositeInfo(Block block) {
            this.block = block;
            this.name = block.name().name();
        }
    }

    /** A field of a model, view or composite type. */
    static final class FieldInfo {
        final ModelInfo model;
        final CompositeInfo composite;
        final BlockEntry.Field ast;
        final String name;
        final FieldArity arity;
        final int index;

        // type resolution
        boolean resolved;
        ModelInfo relatedModel;
        ScalarTypeKind scalarKind;
        ScalarKind builtin;
        EnumInfo enumType;
        CompositeInfo compositeType;

        // scalar field attributes
        String mappedName;
        boolean ignored;
        boolean updatedAt;
        DefaultInfo defaultValue;
        NativeTypeInfo nativeType;

        // relation field attributes
        Attribute relationAttribute;
        String relationName;
        List<FieldInfo> referencingFields;
        List<FieldInfo> referencedFields;
        ReferentialAction onDelete;
        Span onDeleteSpan;
        ReferentialAction onUpdate;
        Span onUpdateSpan;
        String foreignKeyMap;

        FieldInfo(ModelInfo model, CompositeInfo composite, BlockEntry.Field ast, FieldArity arity, int index) {
            this.model = model;
            this.composite = composite;
            this.ast = ast;
            this.name = ast.name().name();
            this.arity = arity;
            this.index = index;
        }

        boolean isRelation() {
            return relatedModel != null;
        }

        boolean isScalar() {
            return resolved && relatedModel == null;
        }

        boolean isOptional() {
            return arity == FieldArity.OPTIONAL;
        }

        boolean isRequired() {
            return arity == FieldArity.REQUIRED;
        }

        boolean isList() {
            return arity == FieldArity.LIST;
        }

        String databaseName() {
            return mappedName != null ? mappedName : name;
        }

        Span span() {
            return ast.span();
        }

        String containerName() {
            return model != null ? model.name : composite.name;
        }

        /** Whether two scalar fields hold the same type (for {@code fields}/{@code references} pairs). */
        boolean sameTypeAs(FieldInfo other) {
            if (scalarKind != other.scalarKind) {
                return false;
            }
            return switch (scalarKind) {
                case BUILTIN -> builtin == other.builtin;
                case ENUM -> enumType == other.enumType;
                case COMPOSITE -> compositeType == other.compositeType;
                case UNSUPPORTED -> ast.type().unsupported().equals(other.ast.type().unsupported());
            };
        }

        String typeName() {
            return ast.type().base();
        }
    }

    /** {@code @default(...)} of a field. */
    record DefaultInfo(Attribute attribute, Expression value, DefaultValue resolved, String mappedName) {}

    /** {@code @db.Name(args)} of a field: {@code prefix} is the datasource name as written. */
    record NativeTypeInfo(String prefix, String name, List<Expression> arguments, Attribute attribute) {}

    enum IndexKind { NORMAL, UNIQUE, FULLTEXT }

    /** One field of an index, with its arguments; {@code path} is the dotted path into composite types, or null. */
    record IndexFieldInfo(FieldInfo field, String path, SortOrder sortOrder, Integer length, String operatorClass) {
        String name() {
            return path != null ? path : field.name;
        }
    }

    /** {@code @unique}, {@code @@unique}, {@code @@index} or {@code @@fulltext}. */
    static final class IndexInfo {
        final IndexKind kind;
        final Attribute attribute;
        final FieldInfo sourceField;
        List<IndexFieldInfo> fields = List.of();
        String name;
        String mappedName;
        Boolean clustered;
        String algorithm;

        IndexInfo(IndexKind kind, Attribute attribute, FieldInfo sourceField) {
            this.kind = kind;
            this.attribute = attribute;
            this.sourceField = sourceField;
        }

        String attributeName() {
            return sourceField != null ? "unique" : switch (kind) {
                case NORMAL -> "index";
                case UNIQUE -> "unique";
                case FULLTEXT -> "fulltext";
            };
        }
    }

    /** {@code @id} or {@code @@id}. */
    static final class PrimaryKeyInfo {
        final Attribute attribute;
        final FieldInfo sourceField;
        List<IndexFieldInfo> fields = List.of();
        String name;
        String mappedName;
        Boolean clustered;

        PrimaryKeyInfo(Attribute attribute, FieldInfo sourceField) {
            this.attribute = attribute;
            this.sourceField = sourceField;
        }
    }

    enum RelationKind { ONE_TO_ONE, ONE_TO_MANY, IMPLICIT_MANY_TO_MANY, EMBEDDED_MANY_TO_MANY }

    /**
     * A relation as inferred from its fields. For inline relations {@code fieldA} is the forward (FK) side and may
     * be missing (a back-only relation); {@code fieldB} is the back side and may be missing.
     */
    static final class RelationInfo {
        final RelationKind kind;
        final String explicitName;
        final ModelInfo modelA;
        final ModelInfo modelB;
        final FieldInfo fieldA;
        final FieldInfo fieldB;

        RelationInfo(RelationKind kind, String explicitName, ModelInfo modelA, ModelInfo modelB, FieldInfo fieldA,
                     FieldInfo fieldB) {
            this.kind = kind;
            this.explicitName = explicitName;
            this.modelA = modelA;
            this.modelB = modelB;
            this.fieldA = fieldA;
            this.fieldB = fieldB;
        }

        boolean isInline() {
            return kind == RelationKind.ONE_TO_ONE || kind == RelationKind.ONE_TO_MANY;
        }

        String name() {
            if (explicitName != null) {
                return explicitName;
            }
            return generatedName(modelA.name, modelB.name);
        }

        static String generatedName(String a, String b) {
            return a.compareTo(b) < 0 ? a + "To" + b : b + "To" + a;
        }

        /** The field with {@code fields:}, or null. */
        FieldInfo forward() {
            return isInline() ? fieldA : null;
        }

        FieldInfo back() {
            return isInline() ? fieldB : null;
        }

        boolean isComplete() {
            return fieldA != null && fieldB != null;
        }

        List<FieldInfo> referencingFields() {
            return fieldA == null || fieldA.referencingFields == null ? null : fieldA.referencingFields;
        }

        List<FieldInfo> referencedFields() {
            return fieldA == null || fieldA.referencedFields == null ? null : fieldA.referencedFields;
        }
    }
}
