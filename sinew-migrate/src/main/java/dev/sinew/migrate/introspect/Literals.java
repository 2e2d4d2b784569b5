package dev.sinew.migrate.introspect;

/** Values written as schema literals. */
final class Literals {
    private Literals() {
    }

    /** A string literal in double quotes with the schema language's escapes. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code dbgenerated("sql")}, or {@code dbgenerated()} when the expression is empty. */
    static String dbGenerated(String sql) {
        String trimmed = sql == null ? "" : sql.replace("\0", "").strip();
        return trimmed.isEmpty() ? "dbgenerated()" : "dbgenerated(" + string(sql) + ")";
    }
}
