package dev.sinew.sql;

import java.util.List;

/**
 * A constraint the database refused a write for, read from its error. The client reports these the way Prisma does
 * ({@code P2003} for foreign keys, {@code P2002} for unique constraints).
 */
public sealed interface ConstraintViolation {

    /**
     * A foreign key was violated.
     *
     * @param constraintName the constraint's name where the database reports it, else null
     * @param columns        the referencing columns where the database reports them instead, else empty
     */
    record ForeignKeyViolation(String constraintName, List<String> columns) implements ConstraintViolation {
        public ForeignKeyViolation {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A unique constraint or primary key was violated.
     *
     * @param constraintName the index or constraint name where the database reports it, else null
     * @param columns        the columns where the database reports them, else empty
     */
    record UniqueViolation(String constraintName, List<String> columns) implements ConstraintViolation {
        public UniqueViolation {
            columns = List.copyOf(columns);
        }
    }

    /**
     * A NOT NULL constraint was violated.
     *
     * @param column the column, where the database reports it, else null
     */
    record NullViolation(String column) implements ConstraintViolation {
    }
}
