package dev.sinew.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class PostgresDatabaseTest {
    @Test
    void connectsToARealServer(@Database(DatabaseKind.POSTGRESQL) TestDatabase db) throws SQLException {
        assertThat(db.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(db.prismaUrl()).startsWith("postgresql://").endsWith("/" + db.name());
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_database(), version()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(db.name());
            assertThat(result.getString(2)).startsWith("PostgreSQL");
        }
    }

    @Test
    void enforcesForeignKeysAndTakesKeyShareLocks(@Database(DatabaseKind.POSTGRESQL) TestDatabase db)
            throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id int PRIMARY KEY)");
            statement.execute("CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL "
                    + "CONSTRAINT child_parent_id_fkey REFERENCES parent (id))");
            statement.execute("INSERT INTO parent VALUES (1)");
            connection.setAutoCommit(false);
            try (ResultSet locked = statement.executeQuery("SELECT id FROM parent WHERE id = 1 FOR KEY SHARE")) {
                assertThat(locked.next()).isTrue();
            }
            connection.commit();
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> statement.execute("INSERT INTO child VALUES (1, 2)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("child_parent_id_fkey");
        }
    }

    @Test
    void freshDatabasesAreEmptyAndDroppedOnClose(@Database(DatabaseKind.POSTGRESQL) TestDatabase shared,
            ClassDatabases databases) throws SQLException {
        TestDatabase fresh = databases.fresh(DatabaseKind.POSTGRESQL);
        assertThat(fresh.name()).isNotEqualTo(shared.name());
        try (Connection connection = fresh.connect(); Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
        // An open connection must not keep the database from being dropped.
        try (Connection open = fresh.connect()) {
            assertThat(open.isValid(5)).isTrue();
            fresh.close();
        }
        assertThat(databaseExists(shared, fresh.name())).isFalse();
        assertThat(databaseExists(shared, shared.name())).isTrue();
    }

    @Test
    void aServerNamedByUrlServesLikeTheOverrideVariable(@Database(DatabaseKind.POSTGRESQL) TestDatabase db)
            throws SQLException {
        // The same path SINEW_TEST_POSTGRES_URL takes, pointed at the embedded server through a Prisma URL.
        String serverUrl = db.prismaUrl().substring(0, db.prismaUrl().lastIndexOf('/')) + "/postgres";
        PostgresServer server = new PostgresServer(ServerAddress.parse(serverUrl, DatabaseKind.POSTGRESQL));
        try (TestDatabase other = server.createDatabase(TestDatabases.databaseName("override"))) {
            try (Connection connection = other.connect(); Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_database()")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo(other.name());
            }
            assertThat(databaseExists(db, other.name())).isTrue();
        }
    }

    static boolean databaseExists(TestDatabase via, String name) throws SQLException {
        try (Connection connection = via.connect();
                var statement = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }
}
