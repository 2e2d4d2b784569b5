package dev.sinew.schema.model;

import java.util.Optional;

/** The built-in scalar types of the schema language. */
public enum ScalarKind {
    STRING("String"), BOOLEAN("Boolean"), INT("Int"), BIG_INT("BigInt"), FLOAT("Float"), DECIMAL("Decimal"),
    DATE_TIME("DateTime"), JSON("Json"), BYTES("Bytes");

    private final String schemaName;

    ScalarKind(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The type name as written in a schema, e.g. {@code DateTime}. */
    public String schemaName() {
        return schemaName;
    }

    public static Optional<ScalarKind> fromSchemaName(String name) {
        for (ScalarKind kind : values()) {
            if (kind.schemaName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return schemaName;
    }
}
