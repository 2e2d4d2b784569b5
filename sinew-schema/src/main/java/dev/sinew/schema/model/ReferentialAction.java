package dev.sinew.schema.model;

import java.util.Optional;

/**
 * What happens to referencing records when the referenced record is deleted or its referenced fields are updated.
 * The declaration order is Prisma's, which is also the order of the allowed values in its error messages.
 */
public enum ReferentialAction {
    CASCADE("Cascade", "CASCADE"),
    RESTRICT("Restrict", "RESTRICT"),
    NO_ACTION("NoAction", "NO ACTION"),
    SET_NULL("SetNull", "SET NULL"),
    SET_DEFAULT("SetDefault", "SET DEFAULT");

    private final String schemaName;
    private final String sqlKeyword;

    ReferentialAction(String schemaName, String sqlKeyword) {
        this.schemaName = schemaName;
        this.sqlKeyword = sqlKeyword;
    }

    /** The name as written in {@code onDelete:} / {@code onUpdate:}, e.g. {@code SetNull}. */
    public String schemaName() {
        return schemaName;
    }

    /** The SQL keyword of a foreign key clause, e.g. {@code SET NULL}. */
    public String sqlKeyword() {
        return sqlKeyword;
    }

    /** True for every action that changes referencing records: all but {@code Restrict} and {@code NoAction}. */
    public boolean triggersModification() {
        return this != RESTRICT && this != NO_ACTION;
    }

    public static Optional<ReferentialAction> fromSchemaName(String value) {
        for (ReferentialAction action : values()) {
            if (action.schemaName.equals(value)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return schemaName;
    }
}
