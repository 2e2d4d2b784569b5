package dev.sinew.migrate;

import dev.sinew.sql.Column;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts rows over a JDBC connection, for the destructive-change checks of a migration about to run. */
public final class JdbcDataInspector implements DestructiveChangeChecker.DataInspector {

    private final Connection connection;
    private final Dialect dialect;

    public JdbcDataInspector(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    @Override
    public long rowCount(Table table) {
        return count("SELECT COUNT(*) FROM " + dialect.tableReference(table));
    }

    @Override
    public long nonNullCount(Table table, Column column) {
        return count("SELECT COUNT(" + dialect.quote(column.name()) + ") FROM " + dialect.tableReference(table));
    }

    private long count(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DataInspectionException("Could not count rows (" + sql + "): " + e.getMessage(), e);
        }
    }

    /** Counting rows failed; the database's own message says why. */
    public static final class DataInspectionException extends RuntimeException {
        DataInspectionException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
