package dev.sinew.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sinew.migrate.MigrateException;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection failures are Prisma's errors, one line each: against the real servers where they can be provoked (a
 * closed port, a missing database), and from the drivers' error codes where the test servers cannot refuse a
 * password (both accept any).
 */
class ConnectionErrorsTest {

    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aClosedPortIsP1001() throws IOException {
        int port = closedPort();
        for (String url : new String[]{"postgresql://u:p@127.0.0.1:" + port + "/db", "mysql://u:p@127.0.0.1:" + port
                + "/db"}) {
            Provider provider = url.startsWith("mysql") ? Provider.MYSQL : Provider.POSTGRESQL;
            Database database = Database.of(DatabaseUrl.parse(url, dir), provider);
            MigrateException e = catchThrowableOfType(database::connect, MigrateException.class);
            assertThat(e.code()).as(url).isEqualTo("P1001");
            assertThat(e.getMessage()).isEqualTo("Can't reach database server at `127.0.0.1`:`" + port + "`");
            assertThat(e.hint()).isEqualTo("Please make sure your database server is running at `127.0.0.1`:`" + port
                    + "`.");
        }
    }

    @Test
    void aMissingPostgresDatabaseIsP1003() {
        try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL, "ConnectionErrors")) {
            DatabaseUrl url = DatabaseUrl.parse(db.prismaUrl(), dir).withDatabase("sinew_no_such_database");
            Database database = Database.of(url, Provider.POSTGRESQL);
            MigrateException e = catchThrowableOfType(database::connect, MigrateException.class);
            assertThat(e.code()).isEqualTo("P1003");
            assertThat(e.getMessage()).isEqualTo("Database `sinew_no_such_database` does not exist on the database "
                    + "server at `" + url.host() + ":" + url.port() + "`.");
            assertThat(database.exists()).isFalse();
        }
    }

    @Test
    void aMissingMysqlDatabaseIsP1003() {
        try (TestDatabase db = TestDatabases.create(DatabaseKind.MYSQL, "ConnectionErrors")) {
            DatabaseUrl url = DatabaseUrl.parse(db.prismaUrl(), dir).withDatabase("sinew_no_such_database");
            Database database = Database.of(url, Provider.MYSQL);
            MigrateException e = catchThrowableOfType(database::connect, MigrateException.class);
            assertThat(e.code()).isEqualTo("P1003");
            assertThat(database.exists()).isFalse();
            assertThat(database.createIfMissing()).isTrue();
            assertThat(database.exists()).isTrue();
            database.drop();
        }
    }

    @Test
    void aMissingSqliteFileIsP1003AndIsNotCreatedByConnecting() {
        Database database = Database.of(DatabaseUrl.parse("file:./missing.db", dir), Provider.SQLITE);
        MigrateException e = catchThrowableOfType(database::connect, MigrateException.class);

        assertThat(e.code()).isEqualTo("P1003");
        assertThat(e.getMessage()).isEqualTo("Database missing.db does not exist at " + dir.resolve("missing.db"));
        assertThat(dir.resolve("missing.db")).doesNotExist();
    }

    @Test
    void refusedCredentialsAreP1000() {
        DatabaseUrl pgUrl = DatabaseUrl.parse("postgresql://jo:wrong@db.example.com:5432/app", dir);
        PostgresDatabase pg = new PostgresDatabase(pgUrl, Dialect.forProvider("postgresql"));
        MigrateException e = pg.connectionFailure(new SQLException("password authentication failed", "28P01"));
        assertThat(e.code()).isEqualTo("P1000");
        assertThat(e.getMessage()).isEqualTo("Authentication failed against database server at `db.example.com`, the "
                + "provided database credentials for `jo` are not valid.");
        assertThat(e.hint()).isEqualTo("Please make sure to provide valid database credentials for the database "
                + "server at `db.example.com`.");

        DatabaseUrl myUrl = DatabaseUrl.parse("mysql://jo:wrong@db.example.com:3306/app", dir);
        MySqlDatabase my = new MySqlDatabase(myUrl, Dialect.forProvider("mysql"));
        assertThat(my.connectionFailure(new SQLException("Access denied for user 'jo'", "28000", 1045)).code())
                .isEqualTo("P1000");
        assertThat(my.connectionFailure(new SQLException("Unknown database 'app'", "42000", 1049)).code())
                .isEqualTo("P1003");
        assertThat(pg.connectionFailure(new SQLException("database \"app\" does not exist", "3D000")).code())
                .isEqualTo("P1003");
    }
}
