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
class MariaDbDatabaseTest {
    @Test
    void connectsToARealServer(@Database(DatabaseKind.MYSQL) TestDatabase db) throws SQLException {
        assertThat(db.kind()).isEqualTo(DatabaseKind.MYSQL);
        assertThat(db.prismaUrl()).startsWith("mysql://").endsWith("/" + db.name());
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT database(), version(), @@character_set_database, @@bind_address")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(db.name());
            if (System.getenv(TestDatabases.MYSQL_URL_VARIABLE) == null) {
                assertThat(result.getString(2)).contains("MariaDB");
                assertThat(result.getString(3)).isEqualTo("utf8mb4");
                assertThat(result.getString(4)).isEqualTo("127.0.0.1");
            }
        }
    }

    @Test
    void enforcesForeignKeysAndTakesShareLocks(@Database(DatabaseKind.MYSQL) TestDatabase db) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE parent (id int PRIMARY KEY) ENGINE=InnoDB");
            statement.execute("CREATE TABLE child (id int PRIMARY KEY, parent_id int NOT NULL, "
                    + "CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id)) ENGINE=InnoDB");
            statement.execute("INSERT INTO parent VALUES (1)");
            connection.setAutoCommit(false);
            try (ResultSet locked = statement.executeQuery("SELECT id FROM parent WHERE id = 1 LOCK IN SHARE MODE")) {
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
    void freshDatabasesAreEmptyAndDroppedOnClose(@Database(DatabaseKind.MYSQL) TestDatabase shared,
            ClassDatabases databases) throws SQLException {
        TestDatabase fresh = databases.fresh(DatabaseKind.MYSQL);
        assertThat(fresh.name()).isNotEqualTo(shared.name());
        assertThat(schemaExists(shared, fresh.name())).isTrue();
        try (Connection open = fresh.connect()) {
            assertThat(open.isValid(5)).isTrue();
            fresh.close();
        }
        assertThat(schemaExists(shared, fresh.name())).isFalse();
    }

    private static boolean schemaExists(TestDatabase via, String name) throws SQLException {
        try (Connection connection = via.connect(); var statement = connection.prepareStatement(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }
}
