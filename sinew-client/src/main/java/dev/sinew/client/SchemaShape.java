package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.Field;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.RelationField;
import dev.sinew.schema.model.ScalarField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What code written against a schema relies on: its models and enums, with their fields' names, types and arities.
 * The datasource (provider, URL, relation mode) is not part of it, so a schema file that only changes those still
 * fits a client generated from an older copy of it.
 */
final class SchemaShape {
    private SchemaShape() {
    }

    /** The first model or enum whose shape differs between the two, or empty when they fit. */
    static Optional<String> firstDifference(Datamodel expected, Datamodel actual) {
        Map<String, String> wanted = shapes(expected);
        Map<String, String> found = shapes(actual);
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            if (!Objects.equals(entry.getValue(), found.get(entry.getKey()))) {
                return Optional.of(entry.getKey());
            }
        }
        return found.keySet().stream().filter(name -> !wanted.containsKey(name)).findFirst();
    }

    private static Map<String, String> shapes(Datamodel datamodel) {
        Map<String, String> shapes = new LinkedHashMap<>();
        for (Model model : datamodel.models()) {
            StringBuilder shape = new StringBuilder(model.tableName());
            for (Field field : model.fields()) {
                shape.append('|').append(field.name()).append(':').append(field.arity());
                if (field instanceof ScalarField scalar) {
                    shape.append(':').append(scalar.type().schemaName()).append(':').append(scalar.columnName());
                } else if (field instanceof RelationField relation) {
                    shape.append(":->").append(relation.relatedModel());
                }
            }
            shapes.put("model `" + model.name() + "`", shape.toString());
        }
        for (EnumType enumType : datamodel.enums()) {
            StringBuilder shape = new StringBuilder();
            for (EnumType.Value value : enumType.values()) {
                shape.append('|').append(value.name());
            }
            shapes.put("enum `" + enumType.name() + "`", shape.toString());
        }
        return shapes;
    }
}
