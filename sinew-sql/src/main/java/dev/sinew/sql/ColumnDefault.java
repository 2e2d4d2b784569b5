package dev.sinew.sql;

import java.util.List;

/** The default value of a column. */
public sealed interface ColumnDefault {

    /**
     * A literal; its text is read according to the column's type family: a string's characters, a number's decimal
     * digits, {@code true}/{@code false}, an enum value's name, a date-time in ISO-8601, JSON text, or the bytes in
     * lower-case hexadecimal.
     */
    record Value(String text) implements ColumnDefault {
    }

    /** A list literal (PostgreSQL and CockroachDB arrays); each item is read like a {@link Value}. */
    record ListValue(List<String> items) implements ColumnDefault {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    /** The current timestamp ({@code now()}). */
    record Now() implements ColumnDefault {
    }

    /** An expression evaluated by the database ({@code dbgenerated("…")}), rendered as written. */
    record DbGenerated(String expression) implements ColumnDefault {
    }

    /**
     * The value of a sequence, as PostgreSQL's {@code SERIAL} columns have it. The name is empty when the schema was
     * calculated (the database names the sequence itself).
     */
    record Sequence(String name) implements ColumnDefault {
    }

    /** CockroachDB's {@code unique_rowid()}, its way of auto-incrementing a {@code BigInt}. */
    record UniqueRowId() implements ColumnDefault {
    }

    /**
     * CockroachDB's {@code sequence()}: an identity column with optional options; null means the database's default.
     */
    record Identity(Boolean virtual, Long cache, Long increment, Long minValue, Long maxValue, Long start)
            implements ColumnDefault {
    }
}
