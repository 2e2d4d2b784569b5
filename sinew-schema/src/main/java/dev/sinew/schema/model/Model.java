package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code model} (a table or collection) or a {@code view}.
 *
 * @param name          the model's name
 * @param databaseName  {@code @@map("...")}, or null
 * @param schema        {@code @@schema("...")}, or null
 * @param view          true for a {@code view} block
 * @param ignored       {@code @@ignore}
 * @param documentation the {@code ///} comments above the block, or null
 * @param fields        the fields in source order
 * @param primaryKey    the id, or null (views and ignored models may have none)
 * @param indexes       the indexes, unique constraints and fulltext indexes, field ones first, in source order
 * @param span          the whole block
 */
public record Model(String name, String databaseName, String schema, boolean view, boolean ignored,
                    String documentation, List<Field> fields, PrimaryKey primaryKey, List<Index> indexes,
                    Span span) {

    public Model {
        fields = List.copyOf(fields);
        indexes = List.copyOf(indexes);
    }

    /** The table (or collection) name: {@code @@map} or the model's name. */
    public String tableName() {
        return databaseName != null ? databaseName : name;
    }

    public Optional<Field> field(String fieldName) {
        for (Field field : fields) {
            if (field.name().equals(fieldName)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public Optional<ScalarField> scalarField(String fieldName) {
        return field(fieldName).filter(ScalarField.class::isInstance).map(ScalarField.class::cast);
    }

    public Optional<RelationField> relationField(String fieldName) {
        return field(fieldName).filter(RelationField.class::isInstance).map(RelationField.class::cast);
    }

    public List<ScalarField> scalarFields() {
        return fields.stream().filter(ScalarField.class::isInstance).map(ScalarField.class::cast).toList();
    }

    public List<RelationField> relationFields() {
        return fields.stream().filter(RelationField.class::isInstance).map(RelationField.class::cast).toList();
    }

    /** Unique constraints, in order (single-field and compound). */
    public List<Index> uniques() {
        return indexes.stream().filter(Index::isUnique).toList();
    }

    /** Scalar fields by name, in source order. */
    public Map<String, ScalarField> scalarFieldsByName() {
        Map<String, ScalarField> byName = new LinkedHashMap<>();
        for (ScalarField field : scalarFields()) {
            byName.put(field.name(), field);
        }
        return byName;
    }
}
