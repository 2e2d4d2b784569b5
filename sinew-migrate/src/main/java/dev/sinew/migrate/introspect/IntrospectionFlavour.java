package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.Provider;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.ColumnType;
import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What introspection does differently per database, one subclass per database (as Prisma's introspection has one
 * flavour per connector): the order in which the catalog lists foreign keys, which native types are written, where
 * enums come from, and how a literal default is written back.
 */
abstract class IntrospectionFlavour {
    protected final Provider provider;
    protected final Dialect dialect;

    IntrospectionFlavour(Provider provider) {
        this.provider = provider;
        this.dialect = Dialect.forProvider(provider.schemaName());
    }

    static IntrospectionFlavour of(Provider provider) {
        return switch (provider.schemaName()) {
            case "sqlite" -> new Sqlite(provider);
            case "postgresql", "cockroachdb" -> new Postgres(provider);
            case "mysql" -> new MySql(provider);
            default -> throw new IllegalArgumentException("db pull does not support the " + provider.displayName()
                    + " provider");
        };
    }

    /** The table's foreign keys in the order Prisma's describer lists them (it decides the order of relation fields). */
    List<ForeignKey> foreignKeys(Table table) {
        return table.foreignKeys();
    }

    /** Whether the column is filled by the database with an increasing integer ({@code autoincrement()}). */
    boolean autoIncrements(Table table, Column column) {
        return column.autoIncrement();
    }

    /** The {@code @db.X} attribute of the column without its prefix, or empty when its type is the scalar's default. */
    Optional<String> nativeTypeAttribute(Column column) {
        ColumnType type = column.type();
        if (!provider.supportsNativeTypes() || type.family() == Family.ENUM || type.family() == Family.UNSUPPORTED
                || type.nativeType() == null) {
            return Optional.empty();
        }
        String defaultType = dialect.columnType(type.family(), null).nativeType();
        if (type.nativeType().equals(defaultType)) {
            return Optional.empty();
        }
        String args = type.nativeArguments();
        if (args == null) {
            return Optional.of(type.nativeName());
        }
        return Optional.of(type.nativeName() + "(" + String.join(", ", args.split("\\s*,\\s*")) + ")");
    }

    /**
     * Whether the database has no enum types and stores enum values as text (SQLite): the enums of the existing
     * schema are then kept, and so are the enum types of its fields.
     */
    boolean keepsEnumsOfTheSchema() {
        return false;
    }

    /** The enums of the database with the columns that use them, in the order Prisma's describer lists them. */
    abstract List<DatabaseEnum> enums(SqlSchema schema);

    /** The enum a column holds, or null. */
    abstract DatabaseEnum enumOf(SqlSchema schema, Table table, Column column);

    /**
     * The {@code @default(...)} argument of a literal default ({@code "text"}, {@code 42}, {@code true}, a list);
     * null when the value cannot be written as a literal of the field's type.
     */
    String literal(Column column, ColumnDefault.Value value) {
        String text = value.text();
        return switch (column.type().family()) {
            case STRING, JSON, DATETIME -> Literals.string(text);
            case BYTES -> Literals.string(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(text)));
            case INT, BIGINT, FLOAT, DECIMAL, BOOLEAN -> text;
            case ENUM, UNSUPPORTED -> null;
        };
    }

    /** A database enum: its name and values in the database, and where it is used. */
    record DatabaseEnum(String name, List<String> values) {
        DatabaseEnum {
            values = List.copyOf(values);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** SQLite: no native types, no enums; the pragma lists foreign keys last-declared first. */
    static final class Sqlite extends IntrospectionFlavour {
        Sqlite(Provider provider) {
            super(provider);
        }

        @Override
        List<ForeignKey> foreignKeys(Table table) {
            List<ForeignKey> reversed = new ArrayList<>(table.foreignKeys());
            java.util.Collections.reverse(reversed);
            return reversed;
        }

        /** A single INTEGER primary key is SQLite's rowid: the database fills it. */
        @Override
        boolean autoIncrements(Table table, Column column) {
            if (column.autoIncrement()) {
                return true;
            }
            return table.primaryKey() != null && table.primaryKey().columns().size() == 1
                    && table.primaryKey().columns().get(0).name().equals(column.name())
                    && "INTEGER".equalsIgnoreCase(column.type().nativeType());
        }

        @Override
        Optional<String> nativeTypeAttribute(Column column) {
            return Optional.empty();
        }

        @Override
        boolean keepsEnumsOfTheSchema() {
            return true;
        }

        @Override
        List<DatabaseEnum> enums(SqlSchema schema) {
            return List.of();
        }

        @Override
        DatabaseEnum enumOf(SqlSchema schema, Table table, Column column) {
            return null;
        }

        /**
         * Prisma reads SQLite's date-time and byte defaults as SQL expressions; they come back as
         * {@code dbgenerated} with the literal Prisma itself writes.
         */
        @Override
        String literal(Column column, ColumnDefault.Value value) {
            return switch (column.type().family()) {
                case DATETIME -> Literals.dbGenerated("'" + Dialect.formatDateTime(value.text()) + "'");
                case BYTES -> Literals.dbGenerated("'" + value.text() + "'");
                default -> super.literal(column, value);
            };
        }
    }

    /** PostgreSQL (and CockroachDB): named enum types, arrays, native types. */
    static final class Postgres extends IntrospectionFlavour {
        Postgres(Provider provider) {
            super(provider);
        }

        @Override
        List<DatabaseEnum> enums(SqlSchema schema) {
            return schema.enums().stream().map(e -> new DatabaseEnum(e.name(), e.values())).toList();
        }

        @Override
        DatabaseEnum enumOf(SqlSchema schema, Table table, Column column) {
            if (column.type().family() != Family.ENUM) {
                return null;
            }
            return schema.enumType(column.type().enumName()).map(e -> new DatabaseEnum(e.name(), e.values()))
                    .orElse(null);
        }
    }

    /** MySQL and MariaDB: each enum column has its own inline enum, named {@code {table}_{column}}. */
    static final class MySql extends IntrospectionFlavour {
        MySql(Provider provider) {
            super(provider);
        }

        @Override
        List<DatabaseEnum> enums(SqlSchema schema) {
            List<DatabaseEnum> out = new ArrayList<>();
            for (Table table : IntrospectionContext.sortedTables(schema)) {
                for (Column column : table.columns()) {
                    DatabaseEnum e = enumOf(schema, table, column);
                    if (e != null) {
                        out.add(e);
                    }
                }
            }
            return out;
        }

        /**
         * MySQL's temporal types without a precision have precision 0; Prisma writes it out
         * ({@code @db.DateTime(0)}).
         */
        @Override
        Optional<String> nativeTypeAttribute(Column column) {
            Optional<String> attribute = super.nativeTypeAttribute(column);
            return attribute.map(t -> switch (t) {
                case "DateTime", "Timestamp", "Time" -> t + "(0)";
                default -> t;
            });
        }

        @Override
        DatabaseEnum enumOf(SqlSchema schema, Table table, Column column) {
            if (column.type().family() != Family.ENUM) {
                return null;
            }
            return new DatabaseEnum(table.name() + "_" + column.name(),
                    dev.sinew.sql.MySqlDialect.inlineEnumValues(column.type()));
        }
    }
}
