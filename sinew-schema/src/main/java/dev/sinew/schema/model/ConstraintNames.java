package dev.sinew.schema.model;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prisma's default names of constraints and indexes, built from database names (after {@code @@map} and
 * {@code @map}) and cut to the provider's identifier limit in UTF-8 bytes, never inside a character.
 *
 * <p>The validator uses them to find clashing names; the SQL schema calculation uses them to name what it creates.
 */
public final class ConstraintNames {
    private ConstraintNames() {}

    /** {@code {table}_pkey}. */
    public static String primaryKey(String table, Provider provider) {
        return truncate(table, limit(provider) - 5) + "_pkey";
    }

    /** {@code {table}_{col1}_{col2}_key}. */
    public static String uniqueIndex(String table, List<String> columns, Provider provider) {
        return indexName(table, columns, "_key", provider);
    }

    /** {@code {table}_{col1}_{col2}_idx}; also the default of {@code @@fulltext}. */
    public static String index(String table, List<String> columns, Provider provider) {
        return indexName(table, columns, "_idx", provider);
    }

    /** {@code {table}_{columns}_fkey}, where table and columns are the referencing side's. */
    public static String foreignKey(String table, List<String> columns, Provider provider) {
        return truncate(table + "_" + String.join("_", columns), limit(provider) - 5) + "_fkey";
    }

    /** {@code {table}_{column}_df}: the name of a default constraint (SQL Server). */
    public static String defaultConstraint(String table, String column, Provider provider) {
        return truncate(table + "_" + column, limit(provider) - 3) + "_df";
    }

    /** The join table of an implicit many-to-many relation: {@code _} and the relation's name, cut to the limit. */
    public static String joinTable(String relationName, Provider provider) {
        return truncateAtMost("_" + relationName, limit(provider));
    }

    /** The join table's primary key ({@code {table}_AB_pkey}, PostgreSQL and CockroachDB). */
    public static String joinTablePrimaryKey(String joinTable, Provider provider) {
        return truncateAtMost(joinTable, limit(provider) - 8) + "_AB_pkey";
    }

    /** The join table's unique index on both columns ({@code {table}_AB_unique}, providers without a join PK). */
    public static String joinTableUnique(String joinTable, Provider provider) {
        return truncateAtMost(joinTable, limit(provider) - 10) + "_AB_unique";
    }

    /** The join table's index on column B: {@code {table}_B_index}. */
    public static String joinTableIndexB(String joinTable, Provider provider) {
        return truncateAtMost(joinTable, limit(provider) - 8) + "_B_index";
    }

    /** The join table's foreign key on column A: {@code {table}_A_fkey}. */
    public static String joinTableForeignKeyA(String joinTable, Provider provider) {
        int max = limit(provider) - 7;
        String table = utf8Length(joinTable) > max ? cut(joinTable, max) : joinTable;
        return table + "_A_fkey";
    }

    /** The join table's foreign key on column B: {@code {table}_B_fkey}; Prisma cuts one byte earlier than for A. */
    public static String joinTableForeignKeyB(String joinTable, Provider provider) {
        int max = limit(provider) - 7;
        String table = utf8Length(joinTable) >= max ? cut(joinTable, max) : joinTable;
        return table + "_B_fkey";
    }

    /** Whether an explicit {@code map:} name is longer than the provider accepts. */
    public static boolean isTooLong(String name, Provider provider) {
        return utf8Length(name) > limit(provider);
    }

    private static String indexName(String table, List<String> columns, String suffix, Provider provider) {
        return truncate(table + "_" + String.join("_", columns), limit(provider) - suffix.length()) + suffix;
    }

    private static int limit(Provider provider) {
        return provider == null ? 10000 : provider.maxIdentifierLength();
    }

    /** Prisma's rule for generated names: cut when the length reaches {@code max}, not only when it exceeds it. */
    private static String truncate(String name, int max) {
        return utf8Length(name) >= max ? cut(name, max) : name;
    }

    private static String truncateAtMost(String name, int max) {
        return utf8Length(name) > max ? cut(name, max) : name;
    }

    /** The longest prefix of at most {@code maxBytes} UTF-8 bytes that ends on a character boundary. */
    private static String cut(String name, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int codePoint = name.codePointAt(i);
            int size = utf8Length(new String(Character.toChars(codePoint)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return name.substring(0, i);
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
