package dev.sinew.client;

import java.sql.SQLException;

/**
 * Where a call runs: on its own connection and transaction ({@link Engine}), or inside an interactive transaction
 * ({@link Transaction}).
 */
interface Scope {

    /** Work on a session. */
    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    <T> T read(String model, Work<T> work);

    /** Runs a write so that on any failure nothing of it remains. */
    <T> T write(String model, Work<T> work);
}
