package dev.sinew.client;

import dev.sinew.client.Schema.ModelMeta;
import dev.sinew.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection for the duration of one call (or one interactive transaction), with everything the query and
 * write code needs: the schema, the database's dialect, the relation-mode strategy, and statement execution.
 */
final class Session {
    final Engine engine;
    final Connection connection;
    final Dialect dialect;
    final Schema schema;
    final Values values;
    final RelationModeStrategy strategy;
    private int aliases;
    /** Statements queued by {@link #defer}, run before the next one. */
    private final List<Sql> deferred = new ArrayList<>();
    /** The model of the client call running in this session, for error metadata. */
    private String operationModel;

    Session(Engine engine, Connection connection) {
        this.engine = engine;
        this.connection = connection;
        this.dialect = engine.dialect;
        this.schema = engine.schema;
        this.values = engine.values;
        this.strategy = engine.strategy;
    }

    String operationModel() {
        return operationModel;
    }

    /**
     * Starts a client call on this session: its model for error metadata, and aliases from {@code t0} again, so
     * that the same call sends the same SQL text (which the driver's statement cache recognizes).
     */
    void operationModel(String model) {
        this.operationModel = model;
        this.aliases = 0;
    }

    /** A table alias not used yet in this session's statements. */
    String alias() {
        return "t" + aliases++;
    }

    String quote(String identifier) {
        return engine.quoted(identifier);
    }

    /** {@code alias."column"}. */
    String column(String qualifier, String column) {
        return qualifier + "." + engine.quoted(column);
    }

    String table(ModelMeta model) {
        return engine.quoted(model.table);
    }

    /** The value to bind for a canonical client value of the field. */
    Object param(dev.sinew.schema.model.ScalarField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            Object[] items = new Object[list.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = item(field, list.get(i));
            }
            return new ArrayValue(field.isEnum() ? values.enumTypeName(field) : dialect.arrayElementType(field),
                    items);
        }
        return item(field, value);
    }

    private Object item(dev.sinew.schema.model.ScalarField field, Object value) {
        if (value != null && field.isEnum()) {
            return values.storedEnumValue(field, (String) value);
        }
        return dialect.bindValue(field, value);
    }

    /** Reads a column as the field's canonical client value. */
    Object read(ResultSet rs, int index, dev.sinew.schema.model.ScalarField field) throws SQLException {
        Object value = dialect.readValue(rs, index, field);
        if (value != null && field.isEnum()) {
            if (value instanceof List<?> list) {
                List<Object> names = new ArrayList<>(list.size());
                for (Object item : list) {
                    names.add(values.enumValueName(field, String.valueOf(item)));
                }
                return names;
            }
            return values.enumValueName(field, value.toString());
        }
        return value;
    }

    /** A scalar list value bound through {@code Connection.createArrayOf}. */
    record ArrayValue(String elementType, Object[] items) {}

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(Sql sql, RowMapper<T> mapper) throws SQLException {
        flush();
        engine.statementExecuted(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            bind(statement, sql.params());
            try (ResultSet rs = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** Whether the query returns at least one row. */
    boolean exists(Sql sql) throws SQLException {
        return !query(sql, rs -> Boolean.TRUE).isEmpty();
    }

    /** Runs a statement that changes rows, after the deferred ones (in the same round trip where possible). */
    int update(Sql sql) throws SQLException {
        if (!deferred.isEmpty()) {
            List<Sql> statements = new ArrayList<>(deferred);
            deferred.clear();
            statements.add(sql);
            List<Object> results = batch(statements);
            return (Integer) results.get(results.size() - 1);
        }
        engine.statementExecuted(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            bind(statement, sql.params());
            return statement.executeUpdate();
        }
    }

    /**
     * Queues a statement that changes rows and whose result nobody reads: it runs, in order, before the session's
     * next statement, with the deferred ones before it in one round trip where the database takes several
     * statements at once.
     */
    void defer(Sql sql) {
        deferred.add(sql);
    }

    /** Forgets the deferred statements (their write failed and is being rolled back). */
    void discard() {
        deferred.clear();
    }

    /** Runs the deferred statements now. */
    void flush() throws SQLException {
        if (!deferred.isEmpty()) {
            List<Sql> statements = new ArrayList<>(deferred);
            deferred.clear();
            batch(statements);
        }
    }

    /**
     * Runs the statements in order and returns, for each, its update count (Integer) or whether it returned a row
     * (Boolean). On PostgreSQL and MySQL they travel in one round trip.
     */
    List<Object> batch(List<Sql> statements) throws SQLException {
        List<Object> results = new ArrayList<>(statements.size());
        if (statements.size() == 1 || !dialect.supportsMultipleStatements()) {
            for (Sql sql : statements) {
                engine.statementExecuted(sql);
                try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
                    bind(statement, sql.params());
                    if (statement.execute()) {
                        try (ResultSet rs = statement.getResultSet()) {
                            results.add(rs.next());
                        }
                    } else {
                        results.add(statement.getUpdateCount());
                    }
                }
            }
            return results;
        }
        StringBuilder text = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Sql sql : statements) {
            engine.statementExecuted(sql);
            text.append(text.length() == 0 ? "" : ";\n").append(sql.text());
            params.addAll(sql.params());
        }
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            bind(statement, params);
            boolean isResultSet = statement.execute();
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = statement.getResultSet()) {
                        results.add(rs.next());
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    results.add(count);
                }
                isResultSet = statement.getMoreResults();
            }
        }
        if (results.size() != statements.size()) {
            throw new SQLException("expected " + statements.size() + " results of a statement batch, got "
                    + results.size());
        }
        return results;
    }

    /** Runs an INSERT and returns the database-generated keys of the rows (one list per row). */
    List<List<Object>> insertReturningGeneratedKeys(Sql sql, int keyCount) throws SQLException {
        flush();
        engine.statementExecuted(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.text(),
                Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, sql.params());
            statement.executeUpdate();
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = statement.getGeneratedKeys()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(keyCount);
                    for (int i = 1; i <= keyCount; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof ArrayValue array) {
                statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.items()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
