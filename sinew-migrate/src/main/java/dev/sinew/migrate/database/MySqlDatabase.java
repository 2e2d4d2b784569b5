package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.connect.ConnectionFailures;
import dev.sinew.sql.connect.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A database on a MySQL or MariaDB server. */
final class MySqlDatabase extends Database {

    /** Prisma's DDL for MySQL. */
    private static final String MIGRATIONS_TABLE = """
            CREATE TABLE _prisma_migrations (
                id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                checksum                VARCHAR(64) NOT NULL,
                finished_at             DATETIME(3),
                migration_name          VARCHAR(255) NOT NULL,
                logs                    TEXT,
                rolled_back_at          DATETIME(3),
                started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci""";

    private static final int ACCESS_DENIED_FOR_USER = 1045;
    private static final int ACCESS_DENIED_TO_DATABASE = 1044;
    private static final int UNKNOWN_DATABASE = 1049;

    MySqlDatabase(DatabaseUrl url, Dialect dialect) {
        super(url, dialect);
    }

    /** Creates the database with Prisma's character set. */
    @Override
    public boolean createIfMissing() {
        if (exists()) {
            return false;
        }
        String serverUrl = url().jdbcUrl().substring(0, url().jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(serverUrl, url().connectionProperties());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + dialect().quote(url().database())
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return true;
        } catch (SQLException e) {
            if (ConnectionFailures.isNetworkFailure(e)) {
                throw connectionFailure(e);
            }
            throw new MigrateException("P3000", "Failed to create database: " + oneLine(e.getMessage()),
                    "let the user create databases, or create `" + url().database() + "` by hand", List.of(), e);
        }
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * Drops every view and table of the database, with foreign-key checks off; the database itself, its character
     * set and its grants stay, so that this works for users who may not create databases (PlanetScale, Vitess).
     */
    @Override
    public void reset() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            List<String> drops = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name, table_type FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() ORDER BY table_type DESC, table_name")) {
                while (rs.next()) {
                    String kind = "VIEW".equals(rs.getString(2)) ? "VIEW" : "TABLE";
                    drops.add("DROP " + kind + " IF EXISTS " + dialect().quote(rs.getString(1)));
                }
            }
            st.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (String drop : drops) {
                    st.execute(drop);
                }
            } finally {
                st.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        } catch (SQLException e) {
            throw new MigrateException("P3016", "The fallback method for database resets failed, meaning Migrate "
                    + "could not clean up the database entirely. Original error: " + oneLine(e.getMessage()),
                    "let the user drop tables in `" + url().database() + "`", List.of(), e);
        }
    }

    @Override
    public Database createTemporary() {
        String name = "prisma_migrate_shadow_db_" + UUID.randomUUID();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dialect().quote(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw ShadowDatabases.creationFailed(e);
        }
        return new MySqlDatabase(url().withDatabase(name), dialect());
    }

    @Override
    public void drop() {
        String serverUrl = url().jdbcUrl().substring(0, url().jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(serverUrl, url().connectionProperties());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dialect().quote(url().database()));
        } catch (SQLException e) {
            throw new MigrateException("C314", "Could not drop the temporary database `" + url().database() + "`: "
                    + oneLine(e.getMessage()), "drop it by hand", List.of(), e);
        }
    }

    @Override
    public String migrationsTableDdl() {
        return MIGRATIONS_TABLE;
    }

    @Override
    public boolean hasMigrationsTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM information_schema.tables "
                     + "WHERE table_schema = DATABASE() AND table_name = '_prisma_migrations'")) {
            return rs.next();
        }
    }

    /** DATETIME has no time zone: the table holds UTC, whatever the session's zone. */
    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, time == null ? null : LocalDateTime.ofInstant(time, ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP);
    }

    @Override
    public Instant timestamp(ResultSet row, int column) throws SQLException {
        LocalDateTime t = row.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
