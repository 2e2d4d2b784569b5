package dev.sinew.sql;

import java.util.ArrayList;
import java.util.List;

/** Collects a table while a catalog is read row by row. */
final class TableBuilder {
    final String name;
    final List<Column> columns = new ArrayList<>();
    final List<IndexColumn> pkColumns = new ArrayList<>();
    String pkName;
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();

    TableBuilder(String name) {
        this.name = name;
    }

    Table build() {
        PrimaryKey pk = pkColumns.isEmpty() ? null : new PrimaryKey(pkName, pkColumns, null);
        return new Table(null, name, columns, pk, indexes, foreignKeys);
    }
}
