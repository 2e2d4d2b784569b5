package dev.sinew.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabaseExtension.class)
class SqliteDatabaseTest {
    @Test
    void givesAWritableFileDatabase(@Database(DatabaseKind.SQLITE) TestDatabase db) throws SQLException {
        assertThat(db.kind()).isEqualTo(DatabaseKind.SQLITE);
        assertThat(db.jdbcUrl()).startsWith("jdbc:sqlite:/");
        assertThat(db.prismaUrl()).startsWith("file:/").endsWith(".db");
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            statement.execute("INSERT INTO t (name) VALUES ('a')");
            try (ResultSet result = statement.executeQuery("SELECT sqlite_version(), count(*) FROM t")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).startsWith("3.");
                assertThat(result.getInt(2)).isPositive();
            }
        }
        assertThat(Path.of(db.prismaUrl().substring("file:".length()))).isRegularFile();
    }

    @Test
    void closingAFreshDatabaseDeletesItsDirectory(ClassDatabases databases) throws SQLException {
        TestDatabase fresh = databases.fresh(DatabaseKind.SQLITE);
        assertThat(fresh.name()).isNotEqualTo(databases.shared(DatabaseKind.SQLITE).name());
        try (Connection connection = fresh.connect(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
        Path file = Path.of(fresh.prismaUrl().substring("file:".length()));
        assertThat(file).isRegularFile();
        fresh.close();
        assertThat(Files.exists(file.getParent())).isFalse();
    }
}
