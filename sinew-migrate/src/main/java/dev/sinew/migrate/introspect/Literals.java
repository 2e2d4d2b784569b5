package dev.sinew.migrate.introspect;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

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

    /**
     * An ISO-8601 date-time as Prisma writes it into SQLite: {@code 2020-01-01 10:11:12.345 +02:00}, the fraction in
     * groups of three digits and left out when zero.
     */
    static String sqliteDateTime(String iso) {
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(iso);
        } catch (RuntimeException e) {
            return iso;
        }
        StringBuilder s = new StringBuilder(t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            if (nanos % 1_000_000 == 0) {
                digits = digits.substring(0, 3);
            } else if (nanos % 1_000 == 0) {
                digits = digits.substring(0, 6);
            }
            s.append('.').append(digits);
        }
        s.append(' ').append(t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId());
        return s.toString();
    }
}
