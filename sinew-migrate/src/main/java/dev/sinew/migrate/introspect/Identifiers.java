package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.ReservedNames;

/**
 * Database names made into schema identifiers the way Prisma's introspection does it: an identifier must start with
 * an ASCII letter and hold only ASCII letters, digits and underscores. A name that breaks the rule loses its leading
 * characters up to the first letter, every other invalid character becomes an underscore, and the original is kept
 * in {@code @map}/{@code @@map}.
 */
final class Identifiers {
    private Identifiers() {
    }

    /** Whether the name cannot be written as an identifier as it is. */
    static boolean needsSanitation(String name) {
        if (name.isEmpty()) {
            return false;
        }
        if (!isAsciiLetter(name.charAt(0))) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_')) {
                return true;
            }
        }
        return false;
    }

    /** The name as an identifier; empty when nothing of it can be used. */
    static String sanitize(String name) {
        if (!needsSanitation(name)) {
            return name;
        }
        int start = 0;
        while (start < name.length() && !isAsciiLetter(name.charAt(start))) {
            start += Character.charCount(name.codePointAt(start));
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i < name.length(); ) {
            int cp = name.codePointAt(i);
            boolean valid = cp < 128 && (isAsciiLetter((char) cp) || cp >= '0' && cp <= '9' || cp == '_');
            out.append(valid ? (char) cp : '_');
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The model or enum name of a table or database enum: reserved names get a prefix, others are sanitized. */
    static Name typeName(String databaseName) {
        if (ReservedNames.isReservedTypeName(databaseName)) {
            return new Name("Renamed" + databaseName, databaseName, true);
        }
        if (needsSanitation(databaseName)) {
            return new Name(sanitize(databaseName), databaseName, false);
        }
        return new Name(databaseName, null, false);
    }

    /** The field name of a column. */
    static Name fieldName(String column) {
        return needsSanitation(column) ? new Name(sanitize(column), column, false) : new Name(column, null, false);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * A name in the schema and the database name it maps to.
     *
     * @param mapped   the database name for {@code @map}/{@code @@map}, or null when the names are the same
     * @param reserved whether the name was changed because the database name is reserved
     */
    record Name(String name, String mapped, boolean reserved) {
        static Name fromSchema(String name, String mapped) {
            return new Name(name, mapped, false);
        }
    }
}
