package dev.sinew.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable description of a relational schema: what a migration creates, and what introspection reads back from
 * a live database. Two schemas of the same dialect can be compared step by step; the order of every list is kept
 * because Prisma orders migration steps by it.
 *
 * @param namespaces the schemas (PostgreSQL, SQL Server) the tables live in; empty where the database has none
 * @param extensions PostgreSQL extensions
 * @param enums      named enum types (PostgreSQL, CockroachDB) and the per-column enums of MySQL
 * @param tables     the tables, in schema order
 */
public record SqlSchema(List<String> namespaces, List<Extension> extensions, List<SqlEnum> enums, List<Table> tables) {

    public SqlSchema {
        namespaces = List.copyOf(namespaces);
        extensions = List.copyOf(extensions);
        enums = List.copyOf(enums);
        tables = List.copyOf(tables);
    }

    /** The schema of an empty database. */
    public static SqlSchema empty() {
        return new SqlSchema(List.of(), List.of(), List.of(), List.of());
    }

    /** The table with this name (namespace ignored when {@code namespace} is null). */
    public Optional<Table> table(String namespace, String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name) && (namespace == null || Objects.equals(namespace, t.namespace())))
                .findFirst();
    }

    /** The table with this name in any namespace. */
    public Optional<Table> table(String name) {
        return table(null, name);
    }

    /** The enum type with this name. */
    public Optional<SqlEnum> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public int indexOf(Table table) {
        return tables.indexOf(table);
    }

    public SqlSchema withTables(List<Table> newTables) {
        return new SqlSchema(namespaces, extensions, enums, newTables);
    }
}
