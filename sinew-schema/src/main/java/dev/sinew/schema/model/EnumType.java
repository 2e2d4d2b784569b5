package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * An {@code enum} block.
 *
 * @param name          the enum's name
 * @param databaseName  {@code @@map("...")}, or null
 * @param schema        {@code @@schema("...")}, or null
 * @param values        the values in order
 * @param documentation the {@code ///} comments, or null
 * @param span          the whole block
 */
public record EnumType(String name, String databaseName, String schema, List<Value> values, String documentation,
                       Span span) {
    public EnumType {
        values = List.copyOf(values);
    }

    /** The database type name: {@code @@map} or the enum's name. */
    public String typeName() {
        return databaseName != null ? databaseName : name;
    }

    /**
     * A value of the enum.
     *
     * @param name          the value as the client sees it
     * @param databaseName  {@code @map("...")}, or null
     * @param documentation the {@code ///} comments, or null
     * @param span          the value's line
     */
    public record Value(String name, String databaseName, String documentation, Span span) {
        public String storedName() {
            return databaseName != null ? databaseName : name;
        }
    }
}
