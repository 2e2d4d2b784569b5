package dev.sinew.codegen;

import com.palantir.javapoet.ClassName;
import dev.sinew.schema.model.CompositeType;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the typed client shows of a Datamodel, and every Java name it uses: the models, fields and relations that
 * the dynamic client serves (ignored models and fields and {@code Unsupported} fields left out, as Prisma Client
 * leaves them out), each model's unique criteria, and the classes generated for each. Refuses schemas whose names
 * would clash in Java.
 */
final class ClientSchema {
    /** The classes every generated package holds besides the per-model ones: the runtime support. */
    static final List<String> SUPPORT_CLASSES = List.of("SinewArguments", "SinewInput", "SinewEnum", "SinewValues",
            "OrderTerms", "EqualityFilter", "NullableEqualityFilter", "ComparableFilter", "NullableComparableFilter",
            "StringFilter", "NullableStringFilter", "ListFilter", "ToManyFilter", "ToOneFilter", "NullableToOneFilter",
            "ToOneCreate", "ToManyCreate", "ToOneUpdate", "NullableToOneUpdate", "ToManyUpdate", "NumberUpdate",
            "ScalarListUpdate", "SortDirection", "NullableSortDirection", "RecordArguments", "ListArguments",
            "ViewOperations", "ModelOperations");

    final Datamodel datamodel;
    final GeneratorSettings settings;
    final ClassName client;
    final List<ModelInfo> models = new ArrayList<>();
    final List<EnumInfo> enums = new ArrayList<>();
    final List<CompositeInfo> composites = new ArrayList<>();
    private final Map<String, ModelInfo> modelsByName = new LinkedHashMap<>();
    private final Map<String, EnumInfo> enumsByName = new LinkedHashMap<>();
    private final Map<String, CompositeInfo> compositesByName = new LinkedHashMap<>();
    /** Every top-level class of the package, to refuse clashes and to qualify clashing JDK names. */
    final Map<String, String> topLevelNames = new LinkedHashMap<>();

    ClientSchema(Datamodel datamodel, GeneratorSettings settings) {
        this.datamodel = datamodel;
        this.settings = settings;
        this.client = ClassName.get(settings.packageName(), settings.clientName());
        claim(settings.clientName(), "the client class (clientName)");
        for (String support : SUPPORT_CLASSES) {
            claim(support, "a support class of the generated client");
        }
        for (EnumType enumType : datamodel.enums()) {
            EnumInfo info = new EnumInfo(enumType, className(enumType.name()));
            claim(enumType.name(), "the enum `" + enumType.name() + "`");
            enums.add(info);
            enumsByName.put(enumType.name(), info);
        }
        for (CompositeType type : datamodel.compositeTypes()) {
            CompositeInfo info = new CompositeInfo(type, className(type.name()));
            claim(type.name(), "the composite type `" + type.name() + "`");
            composites.add(info);
            compositesByName.put(type.name(), info);
        }
        for (Model model : datamodel.models()) {
            if (model.ignored()) {
                continue;
            }
            ModelInfo info = new ModelInfo(model, this);
            models.add(info);
            modelsByName.put(model.name(), info);
        }
        Set<String> accessors = JavaNames.newNameSet();
        // The client's own methods without parameters; transaction(body) and the others with parameters are
        // overloads that a model's accessor may share a name with (db.transaction() for a model Transaction).
        accessors.addAll(Set.of("close", "dynamic", "connect", "datamodel", "schema", "executeRaw", "queryRaw"));
        for (ModelInfo model : models) {
            model.accessor = JavaNames.unique(JavaNames.member(JavaNames.accessor(model.name)), accessors);
        }
        for (CompositeInfo composite : composites) {
            composite.fields = scalars(composite.type.fields());
        }
        for (ModelInfo model : models) {
            model.resolve(this);
        }
    }

    ClassName className(String simpleName) {
        return ClassName.get(settings.packageName(), simpleName);
    }

    ModelInfo model(String name) {
        return modelsByName.get(name);
    }

    EnumInfo enumInfo(String name) {
        return enumsByName.get(name);
    }

    CompositeInfo composite(String name) {
        return compositesByName.get(name);
    }

    private void claim(String simpleName, String what) {
        String previous = topLevelNames.putIfAbsent(simpleName, what);
        if (previous != null) {
            throw new CodegenException("G106", "the Java class `" + simpleName + "` would be both " + previous
                    + " and " + what, "rename the model, enum or type in the schema (keep its database name with"
                    + " @@map), or set clientName in the generator block when the client class clashes");
        }
    }

    /** The fields the client reads and writes: not ignored, not {@code Unsupported}. */
    List<FieldInfo> scalars(List<ScalarField> fields) {
        List<FieldInfo> out = new ArrayList<>();
        Set<String> names = JavaNames.newNameSet();
        for (ScalarField field : fields) {
            if (field.ignored() || field.isUnsupported()) {
                continue;
            }
            out.add(new FieldInfo(field, JavaNames.unique(JavaNames.member(field.name()), names)));
        }
        return out;
    }

    /** A model and the classes generated for it. */
    static final class ModelInfo {
        final Model model;
        final String name;
        final ClassName record;
        final ClassName where;
        final ClassName whereUnique;
        final ClassName create;
        final ClassName createMany;
        final ClassName update;
        final ClassName updateMany;
        final ClassName select;
        final ClassName include;
        final ClassName orderBy;
        final ClassName args;
        final ClassName findManyArgs;
        final ClassName scalarField;
        final ClassName delegate;
        /** The record of relation counts and its select; null when the model has no to-many relation. */
        ClassName count;
        ClassName countSelect;
        String accessor;
        List<FieldInfo> scalars;
        final List<RelationInfo> relations = new ArrayList<>();
        final List<UniqueCriterion> uniques = new ArrayList<>();

        ModelInfo(Model model, ClientSchema schema) {
            this.model = model;
            this.name = model.name();
            this.record = own(schema, "", "the model `" + name + "`");
            this.where = own(schema, "Where", "the where filter of model `" + name + "`");
            this.whereUnique = own(schema, "WhereUnique", "the unique where of model `" + name + "`");
            this.create = own(schema, "Create", "the create data of model `" + name + "`");
            this.createMany = own(schema, "CreateMany", "the createMany data of model `" + name + "`");
            this.update = own(schema, "Update", "the update data of model `" + name + "`");
            this.updateMany = own(schema, "UpdateMany", "the updateMany data of model `" + name + "`");
            this.select = own(schema, "Select", "the select of model `" + name + "`");
            this.include = own(schema, "Include", "the include of model `" + name + "`");
            this.orderBy = own(schema, "OrderBy", "the orderBy of model `" + name + "`");
            this.args = own(schema, "Args", "the read arguments of model `" + name + "`");
            this.findManyArgs = own(schema, "FindManyArgs", "the findMany arguments of model `" + name + "`");
            this.scalarField = own(schema, "ScalarField", "the scalar field enum of model `" + name + "`");
            this.delegate = own(schema, "Delegate", "the operations of model `" + name + "`");
        }

        private ClassName own(ClientSchema schema, String suffix, String what) {
            schema.claim(name + suffix, what);
            return schema.className(name + suffix);
        }

        /** Fields, relations and unique criteria; after every model has its names. */
        void resolve(ClientSchema schema) {
            scalars = schema.scalars(model.scalarFields());
            Set<String> names = JavaNames.newNameSet();
            scalars.forEach(f -> names.add(f.javaName));
            for (RelationField field : model.relationFields()) {
                if (field.ignored()) {
                    continue;
                }
                ModelInfo related = schema.model(field.relatedModel());
                Relation relation = schema.datamodel.relation(name, field.name()).orElse(null);
                if (related == null || relation == null) {
                    continue;
                }
                relations.add(new RelationInfo(field, related,
                        JavaNames.unique(JavaNames.member(field.name()), names)));
            }
            if (relations.stream().anyMatch(RelationInfo::isList)) {
                count = own(schema, "Count", "the relation counts of model `" + name + "`");
                countSelect = own(schema, "CountSelect", "the relation counts select of model `" + name + "`");
            }
            Map<String, FieldInfo> byName = new LinkedHashMap<>();
            scalars.forEach(f -> byName.put(f.field.name(), f));
            Set<String> criterionNames = JavaNames.newNameSet();
            names.clear();
            if (model.primaryKey() != null) {
                addUnique(model.primaryKey().name(), model.primaryKey().fieldNames(), byName, criterionNames);
            }
            for (Index index : model.uniques()) {
                addUnique(index.name(), index.fieldNames(), byName, criterionNames);
            }
        }

        private void addUnique(String explicitName, List<String> fieldNames, Map<String, FieldInfo> byName,
                               Set<String> taken) {
            List<FieldInfo> fields = new ArrayList<>();
            for (String fieldName : fieldNames) {
                FieldInfo field = byName.get(fieldName);
                if (field == null) {
                    return; // a composite path (MongoDB) or an Unsupported field: not a criterion the client takes
                }
                fields.add(field);
            }
            if (uniques.stream().anyMatch(u -> u.fields.equals(fields))) {
                return;
            }
            String name = explicitName != null ? explicitName : String.join("_", fieldNames);
            uniques.add(new UniqueCriterion(name, JavaNames.unique(JavaNames.member(name), taken), fields));
        }

        /** The to-many relations, whose records {@code _count} counts. */
        List<RelationInfo> listRelations() {
            return relations.stream().filter(RelationInfo::isList).toList();
        }

        boolean isView() {
            return model.view();
        }

        String documentation() {
            return model.documentation();
        }
    }

    /** A scalar, enum or composite field and its Java name. */
    static final class FieldInfo {
        final ScalarField field;
        final String javaName;

        FieldInfo(ScalarField field, String javaName) {
            this.field = field;
            this.javaName = javaName;
        }

        String name() {
            return field.name();
        }

        boolean isList() {
            return field.arity().isList();
        }

        boolean isOptional() {
            return field.arity().isOptional();
        }
    }

    /** A relation field of a model, with the model it points to. */
    static final class RelationInfo {
        final RelationField field;
        final ModelInfo related;
        final String javaName;

        RelationInfo(RelationField field, ModelInfo related, String javaName) {
            this.field = field;
            this.related = related;
            this.javaName = javaName;
        }

        String name() {
            return field.name();
        }

        boolean isList() {
            return field.arity().isList();
        }

        boolean isOptional() {
            return field.arity().isOptional();
        }
    }

    /**
     * A unique criterion: a field's name, or the fields joined by {@code _} (or {@code name:}) for a compound one.
     */
    record UniqueCriterion(String name, String javaName, List<FieldInfo> fields) {
        boolean isCompound() {
            return fields.size() > 1;
        }
    }

    /** An enum and its Java enum. */
    record EnumInfo(EnumType type, ClassName className) {
    }

    /** A composite type and its record. */
    static final class CompositeInfo {
        final CompositeType type;
        final ClassName className;
        List<FieldInfo> fields;

        CompositeInfo(CompositeType type, ClassName className) {
            this.type = type;
            this.className = className;
        }
    }
}
