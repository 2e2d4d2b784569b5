package dev.sinew.sql;

/**
 * A column of an index or primary key.
 *
 * @param sortOrder     null when not given (ascending)
 * @param length        MySQL's prefix length, else null
 * @param operatorClass PostgreSQL's operator class (as written in SQL, e.g. {@code jsonb_path_ops}), else null
 */
public record IndexColumn(String name, SortOrder sortOrder, Integer length, String operatorClass) {

    public static IndexColumn of(String name) {
        return new IndexColumn(name, null, null, null);
    }

    /** Ascending or descending. */
    public enum SortOrder { ASC, DESC }
}
