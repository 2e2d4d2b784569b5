package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's view of a Datamodel: per model its table, columns, unique criteria and relations seen from its side,
 * computed once.
 */
final class Schema {
    final Datamodel datamodel;
    private final Map<String, ModelMeta> models = new LinkedHashMap<>();

    Schema(Datamodel datamodel) {
        this.datamodel = datamodel;
        for (Model model : datamodel.models()) {
            if (!model.ignored()) {
                models.put(model.name(), new ModelMeta(model));
            }
        }
        for (ModelMeta meta : models.values()) {
            meta.resolveRelations(this);
        }
    }

    /** The model, or a validation error naming the models there are. */
    ModelMeta model(String name) {
        ModelMeta meta = models.get(name);
        if (meta == null) {
            throw Errors.invalid("Unknown model `" + name + "`." + Hints.didYouMean(name, models.keySet())
                    + " Models: " + String.join(", ", models.keySet()) + ".");
        }
        return meta;
    }

    ModelMeta modelOrNull(String name) {
        return models.get(name);
    }

    /** A unique criterion usable in a {@code where} of findUnique, update, delete, connect. */
    record UniqueCriterion(String name, List<String> fields) {
        boolean isCompound() {
            return fields.size() > 1;
        }
    }

    /** Which side of a relation a model's relation field is on. */
    enum Side {
        /** This model holds the foreign key ({@code fields:}). */
        FORWARD,
        /** The other model holds the foreign key and references this one. */
        BACK,
        /** An implicit many-to-many through a join table. */
        MANY_TO_MANY
    }

    /** A relation seen from one model's relation field. */
    static final class RelationLink {
        final Relation relation;
        final String field;
        final ModelMeta self;
        ModelMeta other;
        final boolean list;
        final boolean fieldRequired;
        final Side side;
        /** Forward: the foreign key fields; back: the referenced fields; many-to-many: the id field. */
        List<ScalarField> selfFields;
        /** Forward: the referenced fields of the other model; back: its foreign key fields; m:n: its id field. */
        List<ScalarField> otherFields;
        /** Many-to-many only: the join table and its column holding this side's id and the other side's. */
        String joinTable;
        String selfJoinColumn;
        String otherJoinColumn;

        RelationLink(Relation relation, RelationField field, ModelMeta self) {
            this.relation = relation;
            this.field = field.name();
            this.self = self;
            this.list = field.arity().isList();
            this.fieldRequired = field.arity().isRequired();
            if (relation.isManyToMany()) {
                side = Side.MANY_TO_MANY;
            } else if (relation.modelA().equals(self.name) && relation.fieldA().equals(field.name())) {
                side = Side.FORWARD;
            } else {
                side = Side.BACK;
            }
        }

        boolean isForward() {
            return side == Side.FORWARD;
        }

        boolean isBack() {
            return side == Side.BACK;
        }

        boolean isManyToMany() {
            return side == Side.MANY_TO_MANY;
        }

        /** Whether the foreign key side's scalars are required (Prisma's referential arity). */
        boolean foreignKeyRequired() {
            return relation.required();
        }

        List<String> selfColumns() {
            return selfFields.stream().map(ScalarField::columnName).toList();
        }

        List<String> otherColumns() {
            return otherFields.stream().map(ScalarField::columnName).toList();
        }

        /** The name of the other model's field of this relation. */
        String inverseFieldName() {
            boolean thisIsA = relation.modelA().equals(self.name) && relation.fieldA().equals(field);
            return thisIsA ? relation.fieldB() : relation.fieldA();
        }

        /** The same relation seen from the other model's field. */
        RelationLink inverse() {
            boolean thisIsA = relation.modelA().equals(self.name) && relation.fieldA().equals(field);
            return other.relations.get(thisIsA ? relation.fieldB() : relation.fieldA());
        }
    }

    /** One model: table, scalar fields, unique criteria and relations. */
    static final class ModelMeta {
        final Model model;
        final String name;
        final String table;
        final List<ScalarField> scalars;
        final Map<String, ScalarField> scalarsByName = new LinkedHashMap<>();
        final Map<String, ScalarField> scalarsByColumn = new LinkedHashMap<>();
        final List<UniqueCriterion> uniques = new ArrayList<>();
        /** The primary key's fields, else the first unique criterion's: how the client names one record. */
        final List<ScalarField> identifier;
        final Map<String, RelationLink> relations = new LinkedHashMap<>();

        ModelMeta(Model model) {
            this.model = model;
            this.name = model.name();
            this.table = model.tableName();
            List<ScalarField> usable = new ArrayList<>();
            for (ScalarField field : model.scalarFields()) {
                if (!field.ignored() && !field.isUnsupported()) {
                    usable.add(field);
                    scalarsByName.put(field.name(), field);
                    scalarsByColumn.put(field.columnName(), field);
                }
            }
            this.scalars = Collections.unmodifiableList(usable);
            if (model.primaryKey() != null) {
                List<String> fields = model.primaryKey().fieldNames();
                String criterion = model.primaryKey().name() != null ? model.primaryKey().name()
                        : String.join("_", fields);
                uniques.add(new UniqueCriterion(criterion, fields));
            }
            for (Index index : model.uniques()) {
                List<String> fields = index.fieldNames();
                String criterion = index.name() != null ? index.name() : String.join("_", fields);
                if (uniques.stream().noneMatch(u -> u.fields().equals(fields))) {
                    uniques.add(new UniqueCriterion(criterion, fields));
                }
            }
            List<ScalarField> id = new ArrayList<>();
            if (!uniques.isEmpty()) {
                for (String field : uniques.get(0).fields()) {
                    ScalarField scalar = scalarsByName.get(field);
                    if (scalar != null) {
                        id.add(scalar);
                    }
                }
            }
            this.identifier = Collections.unmodifiableList(id);
        }

        void resolveRelations(Schema schema) {
            for (RelationField field : model.relationFields()) {
                if (field.ignored()) {
                    continue;
                }
                Relation relation = schema.datamodel.relation(name, field.name()).orElse(null);
                ModelMeta other = schema.modelOrNull(field.relatedModel());
                if (relation == null || other == null) {
                    continue;
                }
                RelationLink link = new RelationLink(relation, field, this);
                link.other = other;
                switch (link.side) {
                    case FORWARD -> {
                        link.selfFields = fields(this, relation.fields());
                        link.otherFields = fields(other, relation.references());
                    }
                    case BACK -> {
                        link.selfFields = fields(this, relation.references());
                        link.otherFields = fields(other, relation.fields());
                    }
                    case MANY_TO_MANY -> {
                        link.selfFields = identifier;
                        link.otherFields = other.identifier;
                        link.joinTable = relation.joinTableName();
                        boolean sideA = relation.modelA().equals(name) && relation.fieldA().equals(field.name());
                        link.selfJoinColumn = sideA ? "A" : "B";
                        link.otherJoinColumn = sideA ? "B" : "A";
                    }
                }
                relations.put(field.name(), link);
            }
        }

        private static List<ScalarField> fields(ModelMeta model, List<String> names) {
            List<ScalarField> out = new ArrayList<>();
            for (String name : names) {
                ScalarField field = model.model.scalarField(name).orElseThrow(() -> new IllegalStateException(
                        "relation field refers to unknown field " + model.name + "." + name));
                out.add(field);
            }
            return List.copyOf(out);
        }

        ScalarField scalar(String fieldName) {
            return scalarsByName.get(fieldName);
        }

        List<String> identifierColumns() {
            return identifier.stream().map(ScalarField::columnName).toList();
        }

        List<String> identifierNames() {
            return identifier.stream().map(ScalarField::name).toList();
        }

        /** Every name a {@code where} may use at the top level of this model. */
        List<String> whereFieldNames() {
            List<String> names = new ArrayList<>(scalarsByName.keySet());
            names.addAll(relations.keySet());
            return names;
        }
    }
}
