package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * The id of a model: {@code @id} on one field or {@code @@id([...])}.
 *
 * @param fields          the id fields in order
 * @param name            {@code name:} (the client-side name of a compound id), or null
 * @param map             {@code map:} (the explicit constraint name), or null
 * @param databaseName    the constraint name: {@code map}, else {@code {table}_pkey} truncated to the provider's
 *                        limit (only rendered by providers with named primary keys)
 * @param declaredOnField true for {@code @id}, false for {@code @@id}
 * @param clustered       {@code clustered:} (SQL Server), or null when not given
 * @param span            the attribute
 */
public record PrimaryKey(List<IndexField> fields, String name, String map, String databaseName,
                         boolean declaredOnField, Boolean clustered, Span span) {
    public PrimaryKey {
        fields = List.copyOf(fields);
    }

    public List<String> fieldNames() {
        return fields.stream().map(IndexField::name).toList();
    }
}
