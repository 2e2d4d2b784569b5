package dev.sinew.sql;

/**
 * A column.
 *
 * @param defaultValue          null when the column has no default
 * @param autoIncrement         an integer column filled by the database (SERIAL, AUTO_INCREMENT, IDENTITY, SQLite's
 *                              INTEGER PRIMARY KEY AUTOINCREMENT)
 * @param defaultConstraintName SQL Server names its default constraints ({@code User_balance_df}); null elsewhere
 * @param prismaLevelDefault    the schema gives the field a default the client computes ({@code uuid()}, {@code cuid()});
 *                              the database never sees it, but adding such a required column to a filled table warns
 *                              differently. Never set by introspection, never compared.
 */
public record Column(String name, ColumnType type, Arity arity, ColumnDefault defaultValue, boolean autoIncrement,
                     String defaultConstraintName, boolean prismaLevelDefault) {

    public static Column of(String name, ColumnType type, Arity arity) {
        return new Column(name, type, arity, null, false, null, false);
    }

    public Column withDefault(ColumnDefault value) {
        return new Column(name, type, arity, value, autoIncrement, defaultConstraintName, prismaLevelDefault);
    }

    public Column withAutoIncrement(boolean value) {
        return new Column(name, type, arity, defaultValue, value, defaultConstraintName, prismaLevelDefault);
    }

    public Column withDefaultConstraintName(String value) {
        return new Column(name, type, arity, defaultValue, autoIncrement, value, prismaLevelDefault);
    }

    public Column withPrismaLevelDefault(boolean value) {
        return new Column(name, type, arity, defaultValue, autoIncrement, defaultConstraintName, value);
    }

    public Column withType(ColumnType value) {
        return new Column(name, value, arity, defaultValue, autoIncrement, defaultConstraintName, prismaLevelDefault);
    }

    public Column withArity(Arity value) {
        return new Column(name, type, value, defaultValue, autoIncrement, defaultConstraintName, prismaLevelDefault);
    }

    public boolean isRequired() {
        return arity == Arity.REQUIRED;
    }
}
