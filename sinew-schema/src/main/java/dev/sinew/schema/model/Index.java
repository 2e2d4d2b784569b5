package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * An index of a model: {@code @@index}, {@code @unique}/{@code @@unique} or {@code @@fulltext}.
 *
 * @param kind           which attribute made it
 * @param fields         the indexed fields in order
 * @param name           {@code name:} (the client-side name of a compound unique), or null
 * @param map            {@code map:} (the explicit database name), or null
 * @param databaseName   the constraint or index name in the database: {@code map}, else Prisma's default
 * @param declaredOnField true for {@code @unique} on a field, false for a block attribute
 * @param clustered      {@code clustered:} (SQL Server), or null when not given
 * @param algorithm      {@code type:} (PostgreSQL index method, e.g. {@code Hash}), or null
 * @param span           the attribute
 */
public record Index(Kind kind, List<IndexField> fields, String name, String map, String databaseName,
                    boolean declaredOnField, Boolean clustered, String algorithm, Span span) {

    public enum Kind { NORMAL, UNIQUE, FULLTEXT }

    public Index {
        fields = List.copyOf(fields);
    }

    public boolean isUnique() {
        return kind == Kind.UNIQUE;
    }

    public List<String> fieldNames() {
        return fields.stream().map(IndexField::name).toList();
    }
}
