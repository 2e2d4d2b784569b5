package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.connect.ConnectionFailures;
import dev.sinew.sql.connect.DatabaseUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SQLite file. */
final class SqliteDatabase extends Database {

    /** Prisma's DDL for SQLite, as its schema engine creates the table. */
    private static final String MIGRATIONS_TABLE = """
            CREATE TABLE "_prisma_migrations" (
                "id"                    TEXT PRIMARY KEY NOT NULL,
                "checksum"              TEXT NOT NULL,
                "finished_at"           DATETIME,
                "migration_name"        TEXT NOT NULL,
                "logs"                  TEXT,
                "rolled_back_at"        DATETIME,
                "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
                "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
            )""";

    SqliteDatabase(DatabaseUrl url, Dialect dialect) {
        super(url, dialect);
    }

    /** The driver would create a missing file on connecting; only the commands that create databases may. */
    @Override
    public Connection connect() {
        if (!exists()) {
            throw asMigrateException(ConnectionFailures.missingDatabase(url(), null));
        }
        return super.connect();
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(url().file());
    }

    @Override
    public boolean createIfMissing() {
        if (exists()) {
            return false;
        }
        try {
            Files.createDirectories(url().file().getParent());
            try (Connection c = DriverManager.getConnection(url().jdbcUrl(), url().connectionProperties());
                 Statement st = c.createStatement()) {
                st.execute("PRAGMA user_version"); // opening and reading writes the file
            }
            return true;
        } catch (IOException | SQLException e) {
            throw new MigrateException("P3000", "Failed to create database: " + oneLine(e.getMessage()),
                    "check that the directory of " + url().file() + " can be written", List.of(), e);
        }
    }

    @Override
    public String createdMessage() {
        return "SQLite database " + url().database() + " created at " + url().location();
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** Drops every view, trigger and table; the file, its permissions and its settings stay. */
    @Override
    public void reset() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF");
            List<String> drops = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT type, name FROM sqlite_master "
                    + "WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'trigger', 'table') "
                    + "ORDER BY CASE type WHEN 'view' THEN 0 WHEN 'trigger' THEN 1 ELSE 2 END, name")) {
                while (rs.next()) {
                    drops.add("DROP " + rs.getString(1).toUpperCase(java.util.Locale.ROOT) + " IF EXISTS "
                            + dialect().quote(rs.getString(2)));
                }
            }
            for (String drop : drops) {
                st.execute(drop);
            }
            if (tableExists(st, "sqlite_sequence")) {
                st.execute("DELETE FROM sqlite_sequence");
            }
            st.execute("VACUUM");
        } catch (SQLException e) {
            throw new MigrateException("P3016", "The fallback method for database resets failed, meaning Migrate "
                    + "could not clean up the database entirely. Original error: " + oneLine(e.getMessage()),
                    "delete the file " + url().file() + " by hand", List.of(), e);
        }
    }

    private static boolean tableExists(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '"
                + name + "'")) {
            return rs.next();
        }
    }

    @Override
    public Database createTemporary() {
        try {
            Path file = Files.createTempFile("sinew-shadow-", ".db");
            return new SqliteDatabase(DatabaseUrl.sqliteFile(file), dialect());
        } catch (IOException e) {
            throw new MigrateException("P3014", "Prisma Migrate could not create the shadow database. "
                    + oneLine(e.getMessage()), "check that the temporary directory can be written", List.of(), e);
        }
    }

    @Override
    public void drop() {
        Path file = url().file();
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // A file the system keeps is left behind; it is a temporary file.
            }
        }
    }

    @Override
    public String migrationsTableDdl() {
        return MIGRATIONS_TABLE;
    }

    @Override
    public boolean hasMigrationsTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return tableExists(st, "_prisma_migrations");
        }
    }

    /** Prisma's schema engine stores times in SQLite as milliseconds since the epoch. */
    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setLong(index, time.toEpochMilli());
        }
    }

    @Override
    public Instant timestamp(ResultSet row, int column) throws SQLException {
        return Timestamps.read(row.getObject(column));
    }
}
