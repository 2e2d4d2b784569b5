package dev.sinew.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** SQLite in process: each fresh database is a new file in a temporary folder. */
final class SqliteLiveDatabase implements LiveDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Path folder;

    SqliteLiveDatabase() {
        try {
            folder = Files.createTempDirectory("sinew-sqlite-");
            folder.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String provider() {
        return "sqlite";
    }

    @Override
    public Connection freshDatabase() throws SQLException {
        Path file = folder.resolve("db-" + COUNTER.incrementAndGet() + ".db");
        file.toFile().deleteOnExit();
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
