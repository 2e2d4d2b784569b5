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
    private final List<Queued> queue = new ArrayList<>();
    /** The statement that begins the transaction, until it has gone with the first round trip. */
    private Sql begin;
    /** Whether {@link #begin} has gone to the database. */
    private boolean begun;
    /** Savepoints set so far, for their names. */
    private int savepoints;
    /** The model of the client call running in this session, for error metadata. */
    private String operationModel;
    /** The level of the interactive transaction this session runs, when it asked for one; null: the pool's. */
    private final IsolationLevel isolationLevel;

    Session(Engine engine, Connection connection) {
        this(engine, connection, null);
    }

    Session(Engine engine, Connection connection, IsolationLevel isolationLevel) {
        this.engine = engine;
        this.isolationLevel = isolationLevel;
        this.connection = connection;
        this.dialect = engine.dialect;
        this.schema = engine.schema;
        this.values = engine.values;
        this.strategy = engine.strategy;
    }

    String operationModel() {
        return operationModel;
    }

    /** The isolation level the session's transaction asked for; null where it runs at the pool's. */
    IsolationLevel isolationLevel() {
        return isolationLevel;
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
        if (value == null || value instanceof Sql.Slot) {
            return value; // a slot gets its value, converted here, when its statement is bound for a run
        }
        if (value instanceof List<?> list) {
            Object[] items = new Object[list.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = item(field, list.get(i));
            }
            // an enum's name quoted: the driver folds an unquoted type name of an array to lower case
            return new ArrayValue(field.isEnum() ? engine.quoted(values.enumTypeName(field))
                    : dialect.arrayElementType(field), items);
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

    /**
     * Checks the rows of a queued query as soon as its round trip is back, before the results of the statements
     * after it are looked at (so that a missing record is reported before a failed check that followed it).
     */
    @FunctionalInterface
    interface RowsCheck<T> {
        void check(List<T> rows) throws SQLException;
    }

    /** The rows of a queued query, there once the round trip that carried it is back. */
    static final class Deferred<T> {
        private final RowMapper<T> mapper;
        private final RowsCheck<T> check;
        private List<T> rows;

        private Deferred(RowMapper<T> mapper, RowsCheck<T> check) {
            this.mapper = mapper;
            this.check = check;
        }

        List<T> rows() {
            if (rows == null) {
                throw new IllegalStateException("the query has not run yet");
            }
            return rows;
        }
    }

    /** A statement queued for the next round trip: its rows go to {@code target}, or nobody reads its result. */
    private record Queued(Sql sql, Deferred<?> target) {}

    <T> List<T> query(Sql sql, RowMapper<T> mapper) throws SQLException {
        Deferred<T> rows = new Deferred<>(mapper, null);
        pipeline(List.of(new Queued(sql, rows)));
        return rows.rows();
    }

    /** Whether the query returns at least one row. */
    boolean exists(Sql sql) throws SQLException {
        return !query(sql, rs -> Boolean.TRUE).isEmpty();
    }

    /** Runs a statement that changes rows, after the queued ones (in the same round trip where possible). */
    int update(Sql sql) throws SQLException {
        List<Object> results = pipeline(List.of(new Queued(sql, null)));
        return (Integer) results.get(0);
    }

    /**
     * Queues a statement that changes rows or takes locks and whose result nobody reads: it runs, in order, before
     * the session's next statement, in the same round trip where the database takes several statements at once.
     */
    void defer(Sql sql) {
        queue.add(new Queued(sql, null));
    }

    /**
     * Queues a query whose rows the caller needs only after a later statement: it travels with that statement.
     * {@code check} sees the rows first, as soon as they are back.
     */
    <T> Deferred<T> defer(Sql sql, RowMapper<T> mapper, RowsCheck<T> check) {
        Deferred<T> rows = new Deferred<>(mapper, check);
        queue.add(new Queued(sql, rows));
        return rows;
    }

    /**
     * Begins the session's transaction with {@code statement}, sent with its first statements (the connection
     * stays in auto-commit mode until then; the dialect's {@link Dialect#writeTransactionBegin()}).
     */
    void beginWith(String statement) {
        begin = new Sql(statement);
    }

    /**
     * Sets a savepoint by a statement, after the queued statements; returns its name. Statements rather than the
     * driver's {@code Savepoint}s, because a transaction begun by a statement is outside the driver's view (and
     * sqlite-jdbc would take a savepoint on a connection in auto-commit mode as the start of its own transaction).
     */
    String savepoint() throws SQLException {
        flush();
        String name = "sinew_" + ++savepoints;
        Engine.execute(connection, "SAVEPOINT " + name);
        return name;
    }

    /** Releases the savepoint, keeping what was done since. */
    void releaseSavepoint(String name) throws SQLException {
        Engine.execute(connection, "RELEASE SAVEPOINT " + name);
    }

    /** Undoes what was done since the savepoint; the transaction goes on. */
    void rollbackToSavepoint(String name) throws SQLException {
        Engine.execute(connection, "ROLLBACK TO SAVEPOINT " + name);
    }

    /** Forgets the queued statements (their write failed and is being rolled back). */
    void discard() {
        queue.clear();
    }

    /** Runs the queued statements now, and begins the transaction if it has not begun yet. */
    void flush() throws SQLException {
        if (!queue.isEmpty() || begin != null) {
            pipeline(List.of());
        }
    }

    /** Whether the transaction begun by {@link #beginWith}'s statement is open on the database. */
    boolean begun() {
        return begun;
    }

    /** Whether statements wait for the next round trip. */
    boolean hasQueued() {
        return !queue.isEmpty();
    }

    /**
     * Runs the statements in order and returns, for each, its update count (Integer) or whether it returned a row
     * (Boolean). On PostgreSQL and MySQL they travel in one round trip, with the queued ones before them.
     */
    List<Object> batch(List<Sql> statements) throws SQLException {
        List<Queued> items = new ArrayList<>(statements.size());
        for (Sql sql : statements) {
            items.add(new Queued(sql, null));
        }
        return pipeline(items);
    }

    /**
     * Runs the queued statements, then {@code statements}, in one round trip where the database takes several
     * statements at once; fills the queued queries' rows and runs their checks in order; returns the results of
     * {@code statements}: the update count (Integer), whether it returned a row (Boolean), or nothing of a query
     * whose rows go to its {@link Deferred}.
     */
    private List<Object> pipeline(List<Queued> statements) throws SQLException {
        List<Queued> all = statements;
        int first = 0;
        Queued beginning = null;
        if (!queue.isEmpty() || begin != null) {
            all = new ArrayList<>();
            if (begin != null) {
                // Transaction control, as the driver's own BEGIN elsewhere: not reported as a statement.
                beginning = new Queued(begin, null);
                all.add(beginning);
                begin = null;
                begun = true;
            }
            all.addAll(queue);
            queue.clear();
            first = all.size();
            all.addAll(statements);
        }
        List<Object> results = new ArrayList<>(all.size());
        if (all.size() == 1 || !dialect.supportsMultipleStatements()) {
            for (Queued item : all) {
                if (item != beginning) {
                    engine.statementExecuted(item.sql());
                }
                try (StatementCache.Prepared prepared = engine.statements.prepare(connection, item.sql().text())) {
                    PreparedStatement statement = prepared.statement;
                    try {
                        bind(statement, item.sql().params());
                        results.add(statement.execute() ? rows(statement, item) : statement.getUpdateCount());
                    } catch (SQLException | RuntimeException e) {
                        prepared.discard();
                        throw e;
                    }
                }
            }
        } else {
            StringBuilder text = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Queued item : all) {
                if (item != beginning) {
                    engine.statementExecuted(item.sql());
                }
                text.append(text.length() == 0 ? "" : ";\n").append(item.sql().text());
                params.addAll(item.sql().params());
            }
            try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
                bind(statement, params);
                boolean isResultSet = statement.execute();
                while (true) {
                    if (isResultSet) {
                        results.add(rows(statement, results.size() < all.size() ? all.get(results.size()) : null));
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
            if (results.size() != all.size()) {
                throw new SQLException("expected " + all.size() + " results of a statement batch, got "
                        + results.size());
            }
        }
        for (Queued item : all) {
            if (item.target() != null && item.target().check != null) {
                check(item.target());
            }
        }
        return results.subList(first, results.size());
    }

    private static <T> void check(Deferred<T> rows) throws SQLException {
        rows.check.check(rows.rows);
    }

    /** Reads the current result set: into the item's rows when someone wants them; else whether it has a row. */
    private static Object rows(PreparedStatement statement, Queued item) throws SQLException {
        try (ResultSet rs = statement.getResultSet()) {
            if (item == null || item.target() == null) {
                return rs.next();
            }
            return fill(rs, item.target());
        }
    }

    private static <T> Boolean fill(ResultSet rs, Deferred<T> target) throws SQLException {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
            out.add(target.mapper.map(rs));
        }
        target.rows = out;
        return !out.isEmpty();
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
            if (value instanceof Sql.Slot) {
                throw new IllegalStateException("a prepared statement ran without its values: " + value);
            }
            if (value instanceof ArrayValue array) {
                statement.setArray(i + 1, connection.createArrayOf(array.elementType(), array.items()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
