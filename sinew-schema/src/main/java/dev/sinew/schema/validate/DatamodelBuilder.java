package dev.sinew.schema.validate;

import dev.sinew.schema.model.CompositeType;
import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Field;
import dev.sinew.schema.model.Generator;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.IndexField;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.PrimaryKey;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;

/** Turns a validated {@link Db} into the public, immutable {@link Datamodel}. */
final class DatamodelBuilder {
    private final Db db;
    private final Datasource datasource;
    private final Provider provider;
    private final RelationMode mode;

    private DatamodelBuilder(Db db, Datasource datasource) {
        this.db = db;
        this.datasource = datasource;
        this.provider = datasource == null ? null : datasource.provider();
        this.mode = datasource == null ? RelationMode.FOREIGN_KEYS : datasource.relationMode();
    }

    static Datamodel build(Db db, Datasource datasource, List<Generator> generators) {
        return new DatamodelBuilder(db, datasource).build(generators);
    }

    private Datamodel build(List<Generator> generators) {
        List<Model> models = db.models.stream().map(this::model).toList();
        List<EnumType> enums = db.enums.stream().map(DatamodelBuilder::enumType).toList();
        List<CompositeType> composites = db.composites.stream()
                .map(c -> new CompositeType(c.name, c.fields.stream().filter(Db.FieldInfo::isScalar)
                        .map(this::scalarField).toList(), c.block.documentation(), c.block.span()))
                .toList();
        List<Relation> relations = new ArrayList<>();
        for (Db.RelationInfo relation : db.relations) {
            if (relation.isComplete()) {
                relations.add(relation(relation));
            }
        }
        return new Datamodel(datasource, generators, models, enums, composites, relations);
    }

    private Model model(Db.ModelInfo model) {
        List<Field> fields = new ArrayList<>();
        for (Db.FieldInfo field : model.fields) {
            if (field.isRelation()) {
                fields.add(relationField(field));
            } else if (field.isScalar()) {
                fields.add(scalarField(field));
            }
        }
        String table = model.databaseName();
        PrimaryKey primaryKey = null;
        if (model.primaryKey != null) {
            Db.PrimaryKeyInfo pk = model.primaryKey;
            String databaseName = pk.mappedName != null ? pk.mappedName : ConstraintNames.primaryKey(table, provider);
            primaryKey = new PrimaryKey(indexFields(pk.fields), pk.name, pk.mappedName, databaseName,
                    pk.sourceField != null, pk.clustered, pk.attribute.span());
        }
        List<Index> indexes = new ArrayList<>();
        for (Db.IndexInfo index : model.indexes) {
            List<String> columns = index.fields.stream().map(f -> f.path() != null ? f.path().replace('.', '_')
                    : f.field().databaseName()).toList();
            String databaseName = index.mappedName != null ? index.mappedName
                    : index.kind == Db.IndexKind.UNIQUE ? ConstraintNames.uniqueIndex(table, columns, provider)
                    : ConstraintNames.index(table, columns, provider);
            Index.Kind kind = switch (index.kind) {
                case NORMAL -> Index.Kind.NORMAL;
                case UNIQUE -> Index.Kind.UNIQUE;
                case FULLTEXT -> Index.Kind.FULLTEXT;
            };
            indexes.add(new Index(kind, indexFields(index.fields), index.name, index.mappedName, databaseName,
                    index.sourceField != null, index.clustered, index.algorithm, index.attribute.span()));
        }
        return new Model(model.name, model.mappedName, model.schema, model.isView(), model.ignored,
                model.block.documentation(), fields, primaryKey, indexes, model.block.span());
    }

    private static List<IndexField> indexFields(List<Db.IndexFieldInfo> fields) {
        return fields.stream().map(f -> new IndexField(f.name(), f.sortOrder(), f.length(), f.operatorClass()))
                .toList();
    }

    private ScalarField scalarField(Db.FieldInfo field) {
        ScalarType type = switch (field.scalarKind) {
            case BUILTIN -> new ScalarType.Builtin(field.builtin);
            case ENUM -> new ScalarType.EnumRef(field.enumType.name);
            case COMPOSITE -> new ScalarType.CompositeRef(field.compositeType.name);
            case UNSUPPORTED -> new ScalarType.Unsupported(field.ast.type().unsupported());
        };
        dev.sinew.schema.model.NativeType nativeType = field.nativeType == null ? null
                : new dev.sinew.schema.model.NativeType(field.nativeType.name(), field.nativeType.arguments().stream()
                .map(Expressions::render).toList());
        boolean id = field.model != null && field.model.primaryKey != null
                && field.model.primaryKey.sourceField == field;
        boolean unique = field.model != null && field.model.indexes.stream()
                .anyMatch(i -> i.sourceField == field && i.kind == Db.IndexKind.UNIQUE);
        return new ScalarField(field.name, field.mappedName, field.arity, type, nativeType,
                field.defaultValue == null ? null : field.defaultValue.resolved(),
                field.defaultValue == null ? null : field.defaultValue.mappedName(), field.updatedAt, field.ignored,
                id, unique, field.ast.documentation(), field.span());
    }

    private static RelationField relationField(Db.FieldInfo field) {
        return new RelationField(field.name, field.arity, field.relatedModel.name, field.relationName,
                names(field.referencingFields), names(field.referencedFields), field.onDelete, field.onUpdate,
                field.foreignKeyMap, field.ignored, field.ast.documentation(), field.span());
    }

    private static List<String> names(List<Db.FieldInfo> fields) {
        return fields == null ? List.of() : fields.stream().map(f -> f.name).toList();
    }

    private static EnumType enumType(Db.EnumInfo enumInfo) {
        List<EnumType.Value> values = enumInfo.block.enumValues().stream()
                .map(v -> new EnumType.Value(v.name().name(), enumInfo.mappedValues.get(v.name().name()),
                        v.documentation(), v.span()))
                .toList();
        return new EnumType(enumInfo.name, enumInfo.mappedName, enumInfo.schema, values,
                enumInfo.block.documentation(), enumInfo.block.span());
    }

    private Relation relation(Db.RelationInfo relation) {
        String name = relation.name();
        if (relation.kind == Db.RelationKind.IMPLICIT_MANY_TO_MANY
                || relation.kind == Db.RelationKind.EMBEDDED_MANY_TO_MANY) {
            String joinTable = relation.kind == Db.RelationKind.IMPLICIT_MANY_TO_MANY
                    ? ConstraintNames.joinTable(name, provider) : null;
            return new Relation(name, Relation.Kind.MANY_TO_MANY, relation.modelA.name, relation.fieldA.name,
                    relation.modelB.name, relation.fieldB.name, names(relation.fieldA.referencingFields),
                    names(relation.fieldA.referencedFields), ReferentialAction.CASCADE, ReferentialAction.CASCADE,
                    false, false, false, null, null, joinTable);
        }
        Db.FieldInfo forward = relation.fieldA;
        List<String> fields = names(forward.referencingFields);
        List<String> references = names(forward.referencedFields);
        ReferentialAction onDelete = forward.onDelete;
        if (onDelete == null) {
            onDelete = RelationRules.isReferentiallyRequired(relation)
                    ? (provider == null ? ReferentialAction.RESTRICT : provider.defaultOnDeleteForRequired(mode))
                    : ReferentialAction.SET_NULL;
        }
        ReferentialAction onUpdate = RelationRules.onUpdate(relation);
        String foreignKeyName = null;
        if (!fields.isEmpty()) {
            List<String> columns = forward.referencingFields.stream().map(Db.FieldInfo::databaseName).toList();
            foreignKeyName = forward.foreignKeyMap != null ? forward.foreignKeyMap
                    : ConstraintNames.foreignKey(relation.modelA.databaseName(), columns, provider);
        }
        Relation.Kind kind = relation.kind == Db.RelationKind.ONE_TO_ONE ? Relation.Kind.ONE_TO_ONE
                : Relation.Kind.ONE_TO_MANY;
        return new Relation(name, kind, relation.modelA.name, forward.name, relation.modelB.name,
                relation.fieldB.name, fields, references, onDelete, onUpdate, forward.onDelete != null,
                forward.onUpdate != null, RelationRules.isReferentiallyRequired(relation), forward.foreignKeyMap,
                foreignKeyName, null);
    }
}
