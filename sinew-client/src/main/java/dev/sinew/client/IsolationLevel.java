package dev.sinew.client;

import java.sql.Connection;

/**
 * The isolation level of an interactive transaction ({@link Sinew#transaction(IsolationLevel, java.util.function.Function)}),
 * as Prisma's {@code isolationLevel} option names them. SQLite runs every transaction serializable and accepts only
 * {@link #SERIALIZABLE}.
 */
public enum IsolationLevel {
    READ_UNCOMMITTED("READ UNCOMMITTED", Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED("READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ("REPEATABLE READ", Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE("SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String sql;
    private final int jdbc;

    IsolationLevel(String sql, int jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** The level as SQL writes it ("REPEATABLE READ"). */
    String sql() {
        return sql;
    }

    /** The level's {@link Connection} constant. */
    int jdbc() {
        return jdbc;
    }
}
