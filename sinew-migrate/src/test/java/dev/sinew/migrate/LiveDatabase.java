package dev.sinew.migrate;

import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real database server (or file) that live tests create empty databases in. SQLite runs in process; PostgreSQL
 * and MariaDB plug in here as implementations once the test kit starts them.
 */
interface LiveDatabase {

    /** The Prisma provider name whose schemas this database takes. */
    String provider();

    /** A connection to a new, empty database that no other test uses. */
    Connection freshDatabase() throws SQLException;

    default Dialect dialect() {
        return Dialect.forProvider(provider());
    }

    /** Runs every statement of every step, in order, as a migration would. */
    default void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (MigrationStep step : migration.steps()) {
                for (String sql : dialect().render(step, migration.previous(), migration.next())) {
                    st.execute(sql);
                }
            }
        }
    }

    default SqlSchema introspect(Connection connection) throws SQLException {
        return dialect().introspect(connection);
    }
}
