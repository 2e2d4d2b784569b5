package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the rows whose reference points at no row: those a foreign key would refuse. One set-based query per
 * reference, grouped by the missing key, so a table of any size costs one scan:
 *
 * <pre>{@code
 * SELECT * FROM (
 *   SELECT c."authorId" AS k1, COUNT(*) AS n, SUM(COUNT(*)) OVER () AS total, COUNT(*) OVER () AS missing
 *   FROM "Post" c
 *   WHERE c."authorId" IS NOT NULL
 *     AND NOT EXISTS (SELECT 1 FROM "User" p WHERE p."id" = c."authorId")
 *   GROUP BY c."authorId") o
 * ORDER BY 1 LIMIT 5
 * }</pre>
 *
 * The window functions count every group before the outer query keeps the first few (MariaDB does not order a
 * grouped query with window functions reliably, hence the subquery).
 *
 * A reference with a NULL in any of its columns points nowhere and is no orphan, as a foreign key (MATCH SIMPLE)
 * sees it.
 */
final class OrphanFinder {

    /** How many missing keys a report shows per reference. */
    static final int SAMPLES = 5;

    private final Dialect dialect;

    OrphanFinder(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The orphans of a reference.
     *
     * @param referencedTableExists false when the referenced table does not exist yet (a migration creates it, so
     *                              it is empty): then every referencing row with all its columns set is an orphan
     */
    Orphans find(Connection connection, Reference reference, boolean referencedTableExists) {
        String child = tableReference(reference.namespace(), reference.table());
        List<String> keys = reference.columns().stream().map(c -> "c." + dialect.quote(c)).toList();
        String keyList = String.join(", ", keys);
        List<String> aliased = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            aliased.add(keys.get(i) + " AS k" + (i + 1));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT ").append(String.join(", ", aliased))
                .append(", COUNT(*) AS n, SUM(COUNT(*)) OVER () AS total, COUNT(*) OVER () AS missing FROM ")
                .append(child).append(" c WHERE ")
                .append(keys.stream().map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND ")));
        if (referencedTableExists) {
            List<String> match = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                match.add("p." + dialect.quote(reference.referencedColumns().get(i)) + " = " + keys.get(i));
            }
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ")
                    .append(tableReference(reference.referencedNamespace(), reference.referencedTable()))
                    .append(" p WHERE ").append(String.join(" AND ", match)).append(')');
        }
        String positions = java.util.stream.IntStream.rangeClosed(1, keys.size()).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        sql.append(" GROUP BY ").append(keyList).append(") o ORDER BY ").append(positions).append(" LIMIT ")
                .append(SAMPLES);
        long rows = 0;
        long distinctKeys = 0;
        List<List<String>> samples = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            int n = keys.size();
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    key.add(rs.getString(i));
                }
                samples.add(key);
                rows = rs.getLong(n + 2);
                distinctKeys = rs.getLong(n + 3);
            }
        } catch (SQLException e) {
            throw new MigrateException("C320", "Could not look for orphans of " + reference.label() + " ("
                    + reference.path() + "): " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "),
                    "check that the tables and columns exist and can be read", List.of(), e);
        }
        return new Orphans(reference, rows, distinctKeys, samples);
    }

    /** Whether the tables and columns of a reference exist in the schema (so that it can be checked). */
    static boolean checkable(SqlSchema schema, Reference reference) {
        return schema.table(reference.table())
                .map(t -> reference.columns().stream().allMatch(t::hasColumn)).orElse(false);
    }

    /** Whether the referenced side exists with its columns. */
    static boolean referencedExists(SqlSchema schema, Reference reference) {
        return schema.table(reference.referencedTable())
                .map(t -> reference.referencedColumns().stream().allMatch(t::hasColumn)).orElse(false);
    }

    private String tableReference(String namespace, String name) {
        return dialect.tableReference(new Table(namespace, name, List.of(), null, List.of(), List.of()));
    }
}
