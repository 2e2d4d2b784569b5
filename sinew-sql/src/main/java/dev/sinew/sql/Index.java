package dev.sinew.sql;

import java.util.List;

/**
 * A secondary index.
 *
 * @param algorithm the index method where it is not the default B-tree (PostgreSQL: {@code Hash}, {@code Gist},
 *                  {@code Gin}, {@code SpGist}, {@code Brin}); null for the default
 * @param clustered SQL Server's CLUSTERED choice; null means the database's default
 */
public record Index(String name, Kind kind, List<IndexColumn> columns, String algorithm, Boolean clustered) {

    public Index {
        columns = List.copyOf(columns);
    }

    public static Index of(String name, Kind kind, List<IndexColumn> columns) {
        return new Index(name, kind, columns, null, null);
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::name).toList();
    }

    public boolean isUnique() {
        return kind == Kind.UNIQUE;
    }

    public Index withName(String newName) {
        return new Index(newName, kind, columns, algorithm, clustered);
    }

    /** What the index enforces or serves. */
    public enum Kind { NORMAL, UNIQUE, FULLTEXT }
}
