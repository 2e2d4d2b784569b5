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
 * <p>Deadlocks and serialization failures are not retried inside a transaction; they surface as {@code P2034}.
 */
public final class Transaction {
    private final Engine engine;
    private final Session session;
    private boolean open = true;

    Transaction(Engine engine, Connection connection) {
        this.engine = engine;
        this.session = new Session(engine, connection);
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

    void close() {
        open = false;
    }

    private final Scope scope = new Scope() {
        @Override
        public <T> T read(String model, Work<T> work) {
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

    private void rollbackTo(String savepoint) {
        try {
            session.rollbackToSavepoint(savepoint);
        } catch (SQLException ignored) {
            // the transaction is broken; the whole transaction rolls back when the body returns
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new SinewException("P2028", "Transaction API error: Transaction already closed: A query cannot be"
                    + " executed on a committed or rolled back transaction.", Map.of());
        }
    }
}
