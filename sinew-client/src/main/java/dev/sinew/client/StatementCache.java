package dev.sinew.client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepared statements kept open per physical connection, for drivers that keep none themselves
 * ({@link dev.sinew.sql.Dialect#clientStatementCacheSize()}): preparing is a large part of a short query's cost
 * on SQLite, and a client call sends the same SQL text every time it runs. Statements are prepared on the
 * physical connection, not the pool's proxy, because the pool closes every statement of its proxy when the
 * connection goes back to it. A physical connection is used by one thread at a time (the pool hands it to one
 * borrower), so only the map of connections is shared.
 */
final class StatementCache {
    private final int size;
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    StatementCache(int size) {
        this.size = size;
    }

    /** A statement ready to be bound and executed; {@link Prepared#close()} gives it back or closes it. */
    Prepared prepare(Connection pooled, String sql) throws SQLException {
        if (size == 0) {
            return new Prepared(pooled.prepareStatement(sql), null);
        }
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = statementsOf(physical);
        PreparedStatement statement = statements.remove(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
        }
        return new Prepared(statement, new Slot(statements, sql));
    }

    private Map<String, PreparedStatement> statementsOf(Connection physical) throws SQLException {
        synchronized (byConnection) {
            Map<String, PreparedStatement> statements = byConnection.get(physical);
            if (statements == null) {
                forgetClosedConnections();
                statements = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                        if (size() <= StatementCache.this.size) {
                            return false;
                        }
                        closeQuietly(eldest.getValue());
                        return true;
                    }
                };
                byConnection.put(physical, statements);
            }
            return statements;
        }
    }

    /** How many physical connections have statements here. */
    int connections() {
        synchronized (byConnection) {
            return byConnection.size();
        }
    }

    /** The pool has retired these connections (their statements went with them): nothing may keep them alive. */
    private void forgetClosedConnections() throws SQLException {
        List<Connection> closed = new ArrayList<>();
        for (Connection connection : byConnection.keySet()) {
            if (connection.isClosed()) {
                closed.add(connection);
            }
        }
        closed.forEach(byConnection::remove);
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a statement of a broken connection: the connection's end frees it
        }
    }

    /** Where a cached statement goes back to. */
    private record Slot(Map<String, PreparedStatement> statements, String sql) {}

    /**
     * A prepared statement for one execution. Closing it puts a cached statement back with its parameters cleared,
     * or closes it; {@link #discard()} closes it whatever, after an execution that failed.
     */
    static final class Prepared implements AutoCloseable {
        final PreparedStatement statement;
        private Slot slot;

        private Prepared(PreparedStatement statement, Slot slot) {
            this.statement = statement;
            this.slot = slot;
        }

        /** The statement must not be reused: its execution failed, and the driver's state for it is unknown. */
        void discard() {
            slot = null;
        }

        @Override
        public void close() throws SQLException {
            if (slot == null) {
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                closeQuietly(statement);
                return;
            }
            PreparedStatement previous = slot.statements().put(slot.sql(), statement);
            if (previous != null && previous != statement) {
                closeQuietly(previous);
            }
        }
    }
}
