package dev.sinew.client;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.Model;
import dev.sinew.sql.ConstraintViolation;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.connect.ConnectionFailures;
import dev.sinew.sql.connect.ConnectionSettingsException;
import dev.sinew.sql.connect.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's core: the schema, the database's dialect, the relation-mode strategy and the connection pool; runs
 * each call on a connection, writes in one transaction each, retried on deadlock or serialization failure.
 */
final class Engine implements Scope, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sinew.class);

    final Schema schema;
    final Dialect dialect;
    final Values values;
    final RelationModeStrategy strategy;
    private final HikariDataSource dataSource;
    private final DatabaseUrl url;
    private final Pool pool;
    private final int maxRetries;
    private final Consumer<String> statementListener;
    final StatementCache statements;
    /** The statements of a delete by identifier, per model (one entry per model at most). */
    final ConcurrentHashMap<Schema.ModelMeta, Writer.PreparedDelete> preparedDeletes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> quotedNames = new ConcurrentHashMap<>();
    /** Runs the timeouts of interactive transactions; started by the first transaction that has one. */
    private ScheduledThreadPoolExecutor timer;

    /** The pool's size and how long a call waits for a connection (zero: as long as it takes). */
    record Pool(int size, Duration timeout) {
    }

    Engine(Datamodel datamodel, Dialect dialect, DatabaseUrl url, java.util.Properties connectionProperties,
           boolean checkOnCreate, int maxRetries, Pool pool, Consumer<String> statementListener) {
        this.schema = new Schema(datamodel);
        this.dialect = dialect;
        this.values = new Values(datamodel);
        this.strategy = datamodel.relationMode().usesForeignKeys() ? new ForeignKeysStrategy()
                : new EmulatedStrategy(schema, dialect, checkOnCreate);
        this.statements = new StatementCache(dialect.clientStatementCacheSize());
        this.maxRetries = maxRetries;
        this.statementListener = statementListener;
        this.url = url;
        this.pool = pool;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(connectionProperties);
        config.setMaximumPoolSize(pool.size());
        config.setMinimumIdle(Math.min(1, pool.size()));
        config.setPoolName("sinew");
        config.setConnectionTimeout(pool.timeout().toMillis()); // HikariCP takes 0 as no limit
        // one attempt at startup: a server that cannot be reached is reported then, not after the pool timeout
        config.setInitializationFailTimeout(1);
        IsolationLevel isolation = strategy.connectionIsolationLevel();
        if (isolation != null) {
            // set on every new connection, and set back by the pool when a transaction asked for another level
            config.setTransactionIsolation("TRANSACTION_" + isolation.name());
        }
        try {
            this.dataSource = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw e.getCause() instanceof SQLException failure ? connectionFailure(failure)
                    : connectionFailure(new SQLException(e.getMessage(), e));
        }
        try (Connection connection = connection()) {
            dialect.initializeConnection(connection);
        } catch (SQLException e) {
            dataSource.close();
            throw connectionFailure(e);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** The identifier quoted for the database; names repeat in every statement, so they are quoted once. */
    String quoted(String identifier) {
        return quotedNames.computeIfAbsent(identifier, dialect::quote);
    }

    void statementExecuted(Sql sql) {
        if (statementListener != null) {
            statementListener.accept(sql.text());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", sql);
        }
    }

    /**
     * A connection from the pool. When none comes in time: {@code P2024} if the pool is busy, or Prisma's error for
     * the reason new connections fail ({@code P1001} for a server that cannot be reached, ...).
     *
     * @throws IllegalStateException once the client is closed
     */
    Connection connection() {
        if (dataSource.isClosed()) {
            throw new IllegalStateException("This Sinew client is closed; build a new one to go on.");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw connectionFailure(failure);
            }
            if (e instanceof SQLTransientConnectionException) {
                throw Errors.poolTimeout(pool.timeout(), pool.size(), e);
            }
            throw connectionFailure(e);
        }
    }

    private SinewException connectionFailure(SQLException error) {
        ConnectionSettingsException failure = ConnectionFailures.of(url, error);
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("hint", failure.hint());
        return new SinewException(failure.code(), failure.getMessage(), meta, error);
    }

    // --------------------------------------------------------------------------------------------------------------
    // calls outside an interactive transaction

    @Override
    public <T> T read(String model, Work<T> work) {
        try (Connection connection = connection()) {
            Session session = new Session(this, connection);
            session.operationModel(model);
            return work.run(session);
        } catch (SQLException e) {
            throw translate(e, model);
        }
    }

    /** One transaction per call; on a deadlock or serialization failure the whole call runs again. */
    @Override
    public <T> T write(String model, Work<T> work) {
        int attempt = 0;
        while (true) {
            try (Connection connection = connection()) {
                String begin = dialect.writeTransactionBegin();
                if (begin == null) {
                    connection.setAutoCommit(false);
                }
                Session session = new Session(this, connection);
                try {
                    session.operationModel(model);
                    if (begin != null) {
                        session.beginWith(begin);
                    }
                    T result = work.run(session);
                    if (session.hasQueued()) {
                        session.flush();
                    }
                    if (begin == null) {
                        connection.commit();
                    } else if (session.begun()) {
                        execute(connection, "COMMIT");
                    }
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    if (begin == null || session.begun()) { // a call refused before its BEGIN went has nothing to undo
                        rollbackQuietly(connection, begin != null);
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (dialect.isRetryable(e)) {
                    if (attempt++ < maxRetries) {
                        backoff(attempt);
                        continue;
                    }
                    throw Errors.writeConflict(e);
                }
                throw translate(e, model);
            }
        }
    }

    /**
     * Rolls back the connection's transaction. One begun by a statement on a connection in auto-commit mode is rolled
     * back by a statement too, rather than trusting the driver's idea of whether a transaction is open (a no-op when
     * none is; but SQLite fails a ROLLBACK without a transaction, so callers roll back only what they began). When
     * the rollback fails, the connection leaves the pool: on MySQL the next borrower's {@code START TRANSACTION}
     * would commit whatever the failed call had written.
     */
    void rollbackQuietly(Connection connection, boolean begunByStatement) {
        try {
            if (begunByStatement) {
                execute(connection, "ROLLBACK");
            } else {
                connection.rollback();
            }
        } catch (SQLException broken) {
            // closed rather than reused; the database rolls the transaction back when the connection goes
            dataSource.evictConnection(connection);
        }
    }

    /**
     * Ends a transaction begun by a statement with a statement too: the pool rolls back only connections in
     * manual-commit mode, so a transaction that the driver's {@code commit()} overlooked would go to the next
     * borrower still open.
     */
    static void execute(Connection connection, String transactionControl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(transactionControl);
        }
    }

    private static void backoff(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 10L << Math.min(attempt, 6));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinewException("P2034", "Interrupted while waiting to retry the transaction", Map.of(), e);
        }
    }

    // --------------------------------------------------------------------------------------------------------------
    // errors

    /** The client error for a driver error in a call on {@code model}. */
    SinewException translate(SQLException error, String model) {
        if (dialect.isRetryable(error)) {
            return Errors.writeConflict(error);
        }
        if (error instanceof Raw.RawQueryFailure) {
            return Errors.rawQueryFailed(error.getSQLState(), error.getMessage(), error.getCause());
        }
        ConstraintViolation violation = dialect.constraintViolation(error).orElse(null);
        if (violation instanceof ConstraintViolation.UniqueViolation unique) {
            List<String> columns = unique.columns();
            if (columns.isEmpty() && unique.constraintName() != null) {
                columns = constraintColumns(unique.constraintName());
            }
            return Errors.uniqueViolation(model, columns, unique.constraintName(), error);
        }
        if (violation instanceof ConstraintViolation.ForeignKeyViolation foreignKey) {
            return Errors.foreignKeyViolation(model, foreignKey.constraintName(), foreignKey.columns(), error);
        }
        if (violation instanceof ConstraintViolation.NullViolation notNull) {
            return Errors.nullViolation(model, notNull.column(), error);
        }
        if (violation instanceof ConstraintViolation.ValueTooLong tooLong) {
            return Errors.valueTooLong(model, tooLong.column(), error);
        }
        if (violation instanceof ConstraintViolation.ValueOutOfRange outOfRange) {
            return Errors.valueOutOfRange(model, outOfRange.detail(), error);
        }
        String state = error.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("57P01"))) {
            return new SinewException("P1017", "Server has closed the connection.", Map.of(), error);
        }
        return Errors.database(state, error.getMessage(), error);
    }

    /** The columns of a unique constraint or primary key named in a driver error. */
    private List<String> constraintColumns(String constraint) {
        for (Model model : schema.datamodel.models()) {
            if (model.primaryKey() != null && constraint.equals(model.primaryKey().databaseName())) {
                return columns(model, model.primaryKey().fieldNames());
            }
            for (Index index : model.indexes()) {
                if (constraint.equals(index.databaseName())) {
                    return columns(model, index.fieldNames());
                }
            }
        }
        if (constraint.equals("PRIMARY")) {
            return List.of();
        }
        return List.of();
    }

    private static List<String> columns(Model model, List<String> fields) {
        return fields.stream().map(f -> model.scalarField(f).map(s -> s.columnName()).orElse(f)).toList();
    }

    /** Runs {@code task} once {@code delay} has passed, on the client's timer thread, unless cancelled. */
    synchronized ScheduledFuture<?> afterDelay(Duration delay, Runnable task) {
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "sinew-transaction-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        dataSource.close();
    }
}
