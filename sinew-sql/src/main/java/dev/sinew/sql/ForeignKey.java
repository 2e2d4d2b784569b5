package dev.sinew.sql;

import java.util.List;

/**
 * A foreign key of the table that holds it.
 *
 * @param name                 the constraint name; null where the database reports none (SQLite without a name)
 * @param referencedNamespace  null for the default schema
 */
public record ForeignKey(String name, List<String> columns, String referencedNamespace, String referencedTable,
                         List<String> referencedColumns, ForeignKeyAction onDelete, ForeignKeyAction onUpdate) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    public ForeignKey withName(String newName) {
        return new ForeignKey(newName, columns, referencedNamespace, referencedTable, referencedColumns, onDelete,
                onUpdate);
    }
}
