package dev.sinew.sql;

import java.util.List;

/**
 * A constraint the database refused a write for, read from its error: a key, a NOT NULL, or the limits of a column's
 * type. The client reports these the way Prisma does ({@code P2003} for foreign keys, {@code P2002} for unique
 * constraints, {@code P2000} for a value too long).
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

    /**
     * A value longer than its column's type allows.
     *
     * @param column the column, where the database reports it, else null
     */
    record ValueTooLong(String column) implements ConstraintViolation {
    }

    /**
     * A number outside its column's type.
     *
     * @param detail the database's words for it
     */
    record ValueOutOfRange(String detail) implements ConstraintViolation {
    }
}
