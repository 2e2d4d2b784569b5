package dev.sinew.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteDataSource;

/** SQLite "databases": each one a file in its own temporary directory, so journal and WAL files go with it. */
final class SqliteFiles implements DatabaseServer {
    @Override
    public TestDatabase createDatabase(String name) {
        Path directory;
        try {
            directory = Files.createTempDirectory("sinew-sqlite-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for a SQLite database", e);
        }
        Path file = directory.resolve(name + ".db").toAbsolutePath();
        String jdbcUrl = "jdbc:sqlite:" + file;
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(jdbcUrl);
        return new TestDatabase(DatabaseKind.SQLITE, name + ".db", jdbcUrl, null, null, "file:" + file, dataSource,
                () -> TemporaryFiles.deleteRecursively(directory));
    }
}
