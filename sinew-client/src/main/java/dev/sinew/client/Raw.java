package dev.sinew.client;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw statements: sent as written with {@code ?} parameters, never emulated. */
final class Raw {
    private Raw() {
    }

    static int execute(Session session, String sql, Object[] params) throws SQLException {
        session.flush();
        session.engine.statementExecuted(new Sql(sql));
        try (PreparedStatement statement = session.connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw rawFailure(e);
        }
    }

    static List<Map<String, Object>> query(Session session, String sql, Object[] params) throws SQLException {
        session.flush();
        session.engine.statementExecuted(new Sql(sql));
        try (PreparedStatement statement = session.connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw rawFailure(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof java.time.Instant instant) {
                value = java.sql.Timestamp.from(instant);
            }
            statement.setObject(i + 1, value);
        }
    }

    /** Retryable failures stay SQL errors (so a call can be retried); the rest become P2010. */
    private static SQLException rawFailure(SQLException e) {
        return new RawQueryFailure(e);
    }

    /** A raw statement's failure, reported as P2010 with the database's code and message. */
    static final class RawQueryFailure extends SQLException {
        private static final long serialVersionUID = 1L;

        RawQueryFailure(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }
}
