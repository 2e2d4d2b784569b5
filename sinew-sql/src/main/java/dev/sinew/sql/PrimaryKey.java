package dev.sinew.sql;

import java.util.List;

/**
 * A primary key.
 *
 * @param name      the constraint name where the database names primary keys (PostgreSQL, CockroachDB, SQL Server);
 *                  null on MySQL and SQLite
 * @param clustered SQL Server's CLUSTERED/NONCLUSTERED choice; null means the database's default
 */
public record PrimaryKey(String name, List<IndexColumn> columns, Boolean clustered) {

    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::name).toList();
    }
}
