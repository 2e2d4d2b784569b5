package dev.sinew.migrate.workflow;

import java.util.List;

/**
 * A reference from rows of one table to rows of another, to check for orphans: a relation of the schema, a foreign
 * key a migration adds, or one column of an implicit many-to-many join table.
 *
 * @param label             how reports name it: {@code relation `PostToUser`}, or the constraint when no relation
 *                          is known
 * @param constraint        the foreign key's name, or null (prisma mode, join tables without foreign keys)
 * @param namespace         the referencing table's schema, or null for the connection's
 * @param table             the referencing table
 * @param columns           the referencing columns
 * @param referencedNamespace the referenced table's schema, or null
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in the order of {@code columns}
 */
public record Reference(String label, String constraint, String namespace, String table, List<String> columns,
                        String referencedNamespace, String referencedTable, List<String> referencedColumns) {

    public Reference {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    /** {@code `Post`(`authorId`) → `User`(`id`)}. */
    public String path() {
        return "`" + table + "`(" + quotedList(columns) + ") → `" + referencedTable + "`(" + quotedList(referencedColumns)
                + ")";
    }

    private static String quotedList(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
