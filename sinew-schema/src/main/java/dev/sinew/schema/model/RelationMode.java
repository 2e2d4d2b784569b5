package dev.sinew.schema.model;

import java.util.Optional;

/**
 * Who keeps referential integrity: the database with foreign keys ({@link #FOREIGN_KEYS}), or Sinew's client,
 * which emulates the referential actions ({@link #PRISMA}, named as in Prisma's {@code relationMode = "prisma"}).
 */
public enum RelationMode {
    FOREIGN_KEYS("foreignKeys"),
    PRISMA("prisma");

    private final String schemaName;

    RelationMode(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The value as written in the datasource ({@code "foreignKeys"} or {@code "prisma"}). */
    public String schemaName() {
        return schemaName;
    }

    public boolean usesForeignKeys() {
        return this == FOREIGN_KEYS;
    }

    /** Reads a datasource value; the names are case-sensitive, as in Prisma. */
    public static Optional<RelationMode> fromSchemaName(String value) {
        for (RelationMode mode : values()) {
            if (mode.schemaName.equals(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return schemaName;
    }
}
