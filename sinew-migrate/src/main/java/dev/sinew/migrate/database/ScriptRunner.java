package dev.sinew.migrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the statements of a migration. Where the database's DDL is transactional (PostgreSQL, SQLite) they run in one
 * transaction, so that a failure leaves nothing of the migration behind; the script's own {@code BEGIN} and
 * {@code COMMIT} (Prisma writes them around a PostgreSQL enum change) join that transaction instead of splitting it.
 * MySQL commits each DDL statement by itself, so there the statements before a failing one stay applied.
 */
public final class ScriptRunner {

    private final Database database;

    public ScriptRunner(Database database) {
        this.database = database;
    }

    /** A statement the database refused, with the statements of the script that were applied before it. */
    public static final class ScriptFailure extends Exception {
        private static final long serialVersionUID = 1L;

        private final int statementIndex;
        private final String statement;
        private final int appliedBefore;
        private final boolean rolledBack;

        ScriptFailure(int statementIndex, String statement, int appliedBefore, boolean rolledBack, SQLException cause) {
            super(Database.oneLine(cause.getMessage()), cause);
            this.statementIndex = statementIndex;
            this.statement = statement;
            this.appliedBefore = appliedBefore;
            this.rolledBack = rolledBack;
        }

        /** The position of the failing statement in the script, from 0. */
        public int statementIndex() {
            return statementIndex;
        }

        public String statement() {
            return statement;
        }

        /** How many statements ran before it and remain applied (0 when the transaction was rolled back). */
        public int appliedBefore() {
            return appliedBefore;
        }

        /** Whether the whole script was rolled back, leaving the database as it was. */
        public boolean rolledBack() {
            return rolledBack;
        }

        /** The database's error code: SQLSTATE on PostgreSQL, the error number on MySQL and SQLite. */
        public String databaseErrorCode() {
            SQLException e = (SQLException) getCause();
            if (e.getSQLState() != null && !e.getSQLState().isEmpty() && e.getErrorCode() == 0) {
                return e.getSQLState();
            }
            return String.valueOf(e.getErrorCode());
        }

        /** The database's message. */
        public String databaseMessage() {
            String message = getCause().getMessage();
            return message == null ? "" : message.strip();
        }
    }

    /** Runs a script's text. */
    public void runScript(Connection connection, String script) throws ScriptFailure {
        run(connection, SqlScript.statements(script, !database.transactionalDdl()));
    }

    /**
     * Runs the statements, all or nothing where the database allows it.
     *
     * @throws ScriptFailure when a statement fails; the transaction, if any, is rolled back
     */
    public void run(Connection connection, List<String> statements) throws ScriptFailure {
        boolean transactional = database.transactionalDdl();
        try {
            if (transactional) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new ScriptFailure(0, "", 0, true, e);
        }
        int applied = 0;
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                if (transactional && SqlScript.isTransactionControl(sql)) {
                    continue;
                }
                try {
                    st.execute(sql);
                    applied++;
                } catch (SQLException e) {
                    boolean rolledBack = transactional && rollback(connection);
                    throw new ScriptFailure(i, sql, rolledBack ? 0 : applied, rolledBack, e);
                }
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            boolean rolledBack = transactional && rollback(connection);
            throw new ScriptFailure(statements.size(), "COMMIT", rolledBack ? 0 : applied, rolledBack, e);
        } finally {
            if (transactional) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    // the connection is broken; its owner closes it
                }
            }
        }
    }

    private static boolean rollback(Connection connection) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
