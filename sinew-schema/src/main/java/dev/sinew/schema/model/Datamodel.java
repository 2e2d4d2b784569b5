package dev.sinew.schema.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved, immutable content of a valid schema: the single truth that migrations, introspection, the client
 * and the code generator read. Elements refer to each other by name; the lookup methods here resolve the names.
 */
public final class Datamodel {
    private final Datasource datasource;
    private final List<Generator> generators;
    private final List<Model> models;
    private final List<EnumType> enums;
    private final List<CompositeType> compositeTypes;
    private final List<Relation> relations;

    private final Map<String, Model> modelsByName = new HashMap<>();
    private final Map<String, EnumType> enumsByName = new HashMap<>();
    private final Map<String, CompositeType> compositeTypesByName = new HashMap<>();
    private final Map<String, List<Relation>> relationsByModel = new HashMap<>();
    private final Map<String, List<Relation>> relationsPointingTo = new HashMap<>();
    private final Map<String, Relation> relationsByField = new HashMap<>();

    /**
     * @param datasource     the datasource, or null when the schema has none
     * @param generators     the generators in source order
     * @param models         the models and views in source order
     * @param enums          the enums in source order
     * @param compositeTypes the composite types in source order
     * @param relations      the relations, each paired from its two fields
     */
    public Datamodel(Datasource datasource, List<Generator> generators, List<Model> models, List<EnumType> enums,
                     List<CompositeType> compositeTypes, List<Relation> relations) {
        this.datasource = datasource;
        this.generators = List.copyOf(generators);
        this.models = List.copyOf(models);
        this.enums = List.copyOf(enums);
        this.compositeTypes = List.copyOf(compositeTypes);
        this.relations = List.copyOf(relations);
        for (Model model : this.models) {
            modelsByName.put(model.name(), model);
        }
        for (EnumType enumType : this.enums) {
            enumsByName.put(enumType.name(), enumType);
        }
        for (CompositeType type : this.compositeTypes) {
            compositeTypesByName.put(type.name(), type);
        }
        for (Relation relation : this.relations) {
            relationsByModel.computeIfAbsent(relation.modelA(), k -> new ArrayList<>()).add(relation);
            if (!relation.isSelfRelation()) {
                relationsByModel.computeIfAbsent(relation.modelB(), k -> new ArrayList<>()).add(relation);
            }
            if (relation.isInline()) {
                relationsPointingTo.computeIfAbsent(relation.modelB(), k -> new ArrayList<>()).add(relation);
            }
            relationsByField.put(relation.modelA() + "." + relation.fieldA(), relation);
            relationsByField.put(relation.modelB() + "." + relation.fieldB(), relation);
        }
    }

    public Optional<Datasource> datasource() {
        return Optional.ofNullable(datasource);
    }

    /** The datasource's provider; empty when the schema has no datasource. */
    public Optional<Provider> provider() {
        return datasource().map(Datasource::provider);
    }

    /** The effective relation mode: the datasource's (explicit or its provider's default), else foreignKeys. */
    public RelationMode relationMode() {
        return datasource != null ? datasource.relationMode() : RelationMode.FOREIGN_KEYS;
    }

    public List<Generator> generators() {
        return generators;
    }

    /** Models and views, in source order. */
    public List<Model> models() {
        return models;
    }

    /** Only the {@code view} blocks. */
    public List<Model> views() {
        return models.stream().filter(Model::view).toList();
    }

    public List<EnumType> enums() {
        return enums;
    }

    public List<CompositeType> compositeTypes() {
        return compositeTypes;
    }

    /**
     * Every relation, in Prisma's order: by the model and field that define it (the side with {@code fields:}, or
     * the first side of a many-to-many relation by model name).
     */
    public List<Relation> relations() {
        return relations;
    }

    public Optional<Model> model(String name) {
        return Optional.ofNullable(modelsByName.get(name));
    }

    public Optional<EnumType> enumType(String name) {
        return Optional.ofNullable(enumsByName.get(name));
    }

    public Optional<CompositeType> compositeType(String name) {
        return Optional.ofNullable(compositeTypesByName.get(name));
    }

    /** The relations that have the model on either side, self relations once. */
    public List<Relation> relationsOf(String modelName) {
        return List.copyOf(relationsByModel.getOrDefault(modelName, List.of()));
    }

    /**
     * The one-to-one and one-to-many relations whose referenced model (side B) is this model, self relations
     * included: the relations whose referential actions run when a record of this model is deleted or its
     * referenced fields change.
     */
    public List<Relation> relationsPointingTo(String modelName) {
        return List.copyOf(relationsPointingTo.getOrDefault(modelName, List.of()));
    }

    /** The relation that a relation field belongs to. */
    public Optional<Relation> relation(String modelName, String fieldName) {
        return Optional.ofNullable(relationsByField.get(modelName + "." + fieldName));
    }
}
