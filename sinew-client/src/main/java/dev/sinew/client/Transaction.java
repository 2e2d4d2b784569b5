package dev.sinew.client;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

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
 */
public final class Transaction {
    /** How the transaction ended, for the text of {@code P2028}. */
    enum State { OPEN, COMMITTED, ROLLED_BACK }

    private final Engine engine;
    private final Session session;
    private State state = State.OPEN;

    Transaction(Engine engine, Connection connection, IsolationLevel isolationLevel) {
        this.engine = engine;
        this.session = new Session(engine, connection, isolationLevel);
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

    /** Ends the transaction for its calls; the first end wins (a rollback by the database stays one). */
    void close(State end) {
        if (state == State.OPEN) {
            state = end;
        }
    }

    /** Whether the database has rolled the transaction back already, so that there is nothing to commit. */
    boolean rolledBack() {
        return state == State.ROLLED_BACK;
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
            close(State.ROLLED_BACK);
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw closed(state, "query");
        }
    }

    /** Prisma's P2028 for an {@code operation} ("query", "commit") on a transaction that has ended. */
    static SinewException closed(State state, String operation) {
        return new SinewException("P2028", "Transaction API error: Transaction already closed: A " + operation
                + " cannot be executed on " + (state == State.COMMITTED ? "a committed transaction"
                : "a transaction that was rolled back") + ".", Map.of());
    }
}
