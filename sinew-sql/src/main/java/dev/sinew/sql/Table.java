package dev.sinew.sql;

import java.util.List;
import java.util.Optional;

/**
 * A table with its columns, primary key, secondary indexes and foreign keys.
 *
 * @param namespace   the schema it lives in, or null for the connection's default schema
 * @param primaryKey  null when the table has none
 */
public record Table(String namespace, String name, List<Column> columns, PrimaryKey primaryKey, List<Index> indexes,
                    List<ForeignKey> foreignKeys) {

    public Table {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public boolean hasColumn(String columnName) {
        return column(columnName).isPresent();
    }

    public Table withForeignKeys(List<ForeignKey> fks) {
        return new Table(namespace, name, columns, primaryKey, indexes, fks);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(namespace, name, columns, primaryKey, newIndexes, foreignKeys);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(namespace, name, newColumns, primaryKey, indexes, foreignKeys);
    }

    public Table withPrimaryKey(PrimaryKey pk) {
        return new Table(namespace, name, columns, pk, indexes, foreignKeys);
    }
}
