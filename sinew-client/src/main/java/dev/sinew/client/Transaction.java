package dev.sinew.client;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * An interactive transaction: every call made through it runs on one connection, and all of them commit together
 * when the function given to {@link Sinew#transaction} returns, or roll back together when it throws. Each write
 * call is atomic on its own too (a savepoint), so a caught failure leaves nothing of that call.
 *
 * <p>Calls made through it from several threads at once run one after the other (its one connection runs one
 * statement at a time, and a failed call must undo only itself); the commit waits for a call still running, and
 * calls after it fail with {@code P2028}.
 *
 * <p>Deadlocks and serialization failures are not retried inside a transaction; they surface as {@code P2034}.
 * Where the database rolled the whole transaction back on such a failure (MySQL and MariaDB do on a deadlock), the
 * transaction is over: later calls through it fail with {@code P2028}, and so does the commit when the function
 * returns, rather than running outside any transaction.
 *
 * <p>With a {@link TransactionOptions#timeout() timeout}, the transaction is rolled back once it has run that long
 * (after a call running then has ended), which frees its locks; later calls and the commit fail with {@code P2028}.
 */
public final class Transaction {
    /** How the transaction ended, for the text of {@code P2028}. */
    enum State { OPEN, COMMITTED, ROLLED_BACK, EXPIRED }

    private final Engine engine;
    private final Connection connection;
    private final boolean begunByStatement;
    private final Session session;
    private final Duration timeout;
    private final long startedAt = System.nanoTime();
    private final ScheduledFuture<?> expiry;
    private State state = State.OPEN;
    /** Whether the connection's transaction is over (committed, or rolled back by the client or the database). */
    private boolean ended;

    /**
     * A transaction begun on the connection already.
     *
     * @param begunByStatement whether it began with a statement (else by turning auto-commit off), and so ends with
     *                         one
     */
    Transaction(Engine engine, Connection connection, boolean begunByStatement, TransactionOptions options) {
        this.engine = engine;
        this.connection = connection;
        this.begunByStatement = begunByStatement;
        this.session = new Session(engine, connection, options.isolationLevel());
        this.timeout = options.timeout();
        this.expiry = timeout == null ? null : engine.afterDelay(timeout, this::expire);
    }

    /** The model's operations inside this transaction. */
    public ModelClient model(String name) {
        return new ModelClient(engine.schema.model(name), scope);
    }

    /** Runs a statement that is not emulated (as Prisma's {@code $executeRaw}); returns the update count. */
    public int executeRaw(String sql, Object... params) {
        return scope.write(null, s -> Raw.execute(s, sql, params));
    }

    /** Runs a query that is not emulated (as Prisma's {@code $queryRaw}); column label to value per row. */
    public List<Map<String, Object>> queryRaw(String sql, Object... params) {
        return scope.read(null, s -> Raw.query(s, sql, params));
    }

    /**
     * Commits, after a call another thread is still making through the transaction; fails with {@code P2028} where
     * the transaction has ended already (rolled back by the database, or expired).
     */
    synchronized void commit() throws SQLException {
        expireIfDue();
        if (state != State.OPEN) {
            throw closedError("commit");
        }
        if (begunByStatement) {
            Engine.execute(connection, "COMMIT");
        } else {
            connection.commit();
        }
        ended = true;
        end(State.COMMITTED);
    }

    /** Rolls back what is left of the transaction, if anything; later calls fail with {@code P2028}. */
    synchronized void rollBack() {
        if (!ended) {
            engine.rollbackQuietly(connection, begunByStatement);
            ended = true;
        }
        end(State.ROLLED_BACK);
    }

    /** At the timeout: the rollback frees the transaction's locks while its body may still run. */
    private synchronized void expire() {
        if (state == State.OPEN) {
            engine.rollbackQuietly(connection, begunByStatement);
            ended = true;
            end(State.EXPIRED);
        }
    }

    /** Expires the transaction now if its timer is late (the timer thread may not have run yet). */
    private void expireIfDue() {
        if (timeout != null && System.nanoTime() - startedAt >= timeout.toNanos()) {
            expire();
        }
    }

    /** Ends the transaction for its calls; the first end wins (a rollback by the database stays one). */
    private void end(State end) {
        if (state == State.OPEN) {
            state = end;
        }
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    private final Scope scope = new Scope() {
        @Override
        public <T> T read(String model, Work<T> work) {
            synchronized (Transaction.this) {
                return readInTurn(model, work);
            }
        }

        private <T> T readInTurn(String model, Work<T> work) {
            requireOpen();
            session.operationModel(model);
            try {
                return work.run(session);
            } catch (SQLException e) {
                throw engine.translate(e, model);
            }
        }

        @Override
        public <T> T write(String model, Work<T> work) {
            synchronized (Transaction.this) {
                return writeInTurn(model, work);
            }
        }

        private <T> T writeInTurn(String model, Work<T> work) {
            requireOpen();
            session.operationModel(model);
            String savepoint;
            try {
                savepoint = session.savepoint();
            } catch (SQLException e) {
                throw engine.translate(e, model);
            }
            try {
                T result = work.run(session);
                session.flush();
                session.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException e) {
                session.discard();
                rollbackTo(savepoint);
                throw engine.translate(e, model);
            } catch (RuntimeException | Error e) {
                session.discard();
                rollbackTo(savepoint);
                throw e;
            }
        }
    };

    /**
     * Undoes the failed call. Where its savepoint is gone, the database has rolled the whole transaction back (MySQL
     * on a deadlock), and the connection would run the next statements outside any transaction.
     */
    private void rollbackTo(String savepoint) {
        try {
            session.rollbackToSavepoint(savepoint);
        } catch (SQLException gone) {
            end(State.ROLLED_BACK); // rollBack() still sends a ROLLBACK, in case the database kept anything
        }
    }

    private void requireOpen() {
        expireIfDue();
        if (state != State.OPEN) {
            throw closedError("query");
        }
    }

    /** Prisma's P2028 for an {@code operation} ("query", "commit") on this transaction, which has ended. */
    private SinewException closedError(String operation) {
        if (state == State.EXPIRED) {
            long timeTaken = Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("operation", operation);
            meta.put("timeout", timeout.toMillis());
            meta.put("timeTaken", timeTaken);
            return new SinewException("P2028", "Transaction API error: A " + operation + " cannot be executed on an"
                    + " expired transaction. The timeout for this transaction was " + timeout.toMillis() + " ms,"
                    + " however " + timeTaken + " ms passed since the start of the transaction. Consider increasing"
                    + " the interactive transaction timeout or doing less work in the transaction.", meta);
        }
        return new SinewException("P2028", "Transaction API error: Transaction already closed: A " + operation
                + " cannot be executed on " + (state == State.COMMITTED ? "a committed transaction"
                : "a transaction that was rolled back") + ".", Map.of());
    }
}
