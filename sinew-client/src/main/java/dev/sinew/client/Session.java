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

    void operationModel(String model) {
        this.operationModel = model;
    }

    /** A table alias not used yet in this session's statements. */
    String alias() {
        return "t" + aliases++;
    }

    String quote(String identifier) {
        return dialect.quote(identifier);
    }

    /** {@code alias."column"}. */
    String column(String qualifier, String column) {
        return qualifier + "." + dialect.quote(column);
    }

    String table(ModelMeta model) {
        return dialect.quote(model.table);
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

    int update(Sql sql) throws SQLException {
        engine.statementExecuted(sql);
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            bind(statement, sql.params());
            return statement.executeUpdate();
        }
    }

    /** Runs an INSERT and returns the database-generated keys of the rows (one list per row). */
    List<List<Object>> insertReturningGeneratedKeys(Sql sql, int keyCount) throws SQLException {
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
