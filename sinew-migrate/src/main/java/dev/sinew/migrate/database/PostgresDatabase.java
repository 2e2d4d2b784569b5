package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.DatabaseUrl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A database on a PostgreSQL server (CockroachDB too: same protocol, same catalog). */
final class PostgresDatabase extends Database {

    /** Prisma's DDL for PostgreSQL. */
    private static final String MIGRATIONS_TABLE = """
            CREATE TABLE _prisma_migrations (
                id                      VARCHAR(36) PRIMARY KEY NOT NULL,
                checksum                VARCHAR(64) NOT NULL,
                finished_at             TIMESTAMPTZ,
                migration_name          VARCHAR(255) NOT NULL,
                logs                    TEXT,
                rolled_back_at          TIMESTAMPTZ,
                started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
                applied_steps_count     INTEGER NOT NULL DEFAULT 0
            )""";

    /** Databases that every server has, to connect to when the target does not exist yet. */
    private static final List<String> MAINTENANCE_DATABASES = List.of("postgres", "template1");

    PostgresDatabase(DatabaseUrl url, Dialect dialect) {
        super(url, dialect);
    }

    @Override
    public boolean createIfMissing() {
        if (exists()) {
            return false;
        }
        withMaintenanceConnection(st -> st.execute("CREATE DATABASE " + dialect().quote(url().database())),
                e -> new MigrateException("P3000", "Failed to create database: " + oneLine(e.getMessage()),
                        "let the user create databases, or create `" + url().database() + "` by hand", List.of(), e));
        return true;
    }

    private interface StatementWork {
        void run(Statement statement) throws SQLException;
    }

    private void withMaintenanceConnection(StatementWork work,
                                           java.util.function.Function<SQLException, MigrateException> failure) {
        MigrateException last = null;
        for (String name : MAINTENANCE_DATABASES) {
            PostgresDatabase maintenance = new PostgresDatabase(url().withDatabase(name), dialect());
            Connection c;
            try {
                c = maintenance.connect();
            } catch (MigrateException e) {
                if (!e.code().equals("P1003") && !e.code().equals("P1010")) {
                    throw e;
                }
                last = e;
                continue;
            }
            try (c; Statement st = c.createStatement()) {
                work.run(st);
                return;
            } catch (SQLException e) {
                throw failure.apply(e);
            }
        }
        throw last;
    }

    @Override
    public String description() {
        return "PostgreSQL database \"" + url().database() + "\", schema \"" + url().schema() + "\" at \""
                + url().location() + "\"";
    }

    @Override
    public String resetScope() {
        return "the \"" + url().schema() + "\" schema at \"" + url().location() + "\"";
    }

    @Override
    public String resetMessage() {
        return "The PostgreSQL database \"" + url().database() + "\" schema \"" + url().schema() + "\" at \""
                + url().location() + "\" was successfully reset.";
    }

    @Override
    public void ensureSchema(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, url().schema());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + dialect().quote(url().schema()));
        }
    }

    /** Migrations create {@code public}; a URL's {@code ?schema=other} puts everything in that schema instead. */
    @Override
    public SqlSchema onThisDatabase(SqlSchema calculated, Connection connection) {
        String schema = url().schema();
        if (calculated.namespaces().equals(List.of("public")) && !schema.equals("public")) {
            return new SqlSchema(List.of(schema), calculated.extensions(), calculated.enums(), calculated.tables());
        }
        return calculated;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** As Prisma resets a PostgreSQL database: the schema is dropped with everything in it, and created again. */
    @Override
    public void reset() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + dialect().quote(url().schema()) + " CASCADE");
            st.execute("CREATE SCHEMA " + dialect().quote(url().schema()));
        } catch (SQLException e) {
            throw new MigrateException("P3016", "The fallback method for database resets failed, meaning Migrate "
                    + "could not clean up the database entirely. Original error: " + oneLine(e.getMessage()),
                    "the user must own the schema \"" + url().schema() + "\" to reset it", List.of(), e);
        }
    }

    @Override
    public Database createTemporary() {
        String name = "prisma_migrate_shadow_db_" + UUID.randomUUID();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dialect().quote(name));
        } catch (SQLException e) {
            throw ShadowDatabases.creationFailed(e);
        }
        return new PostgresDatabase(url().withDatabase(name), dialect());
    }

    @Override
    public void drop() {
        String quoted = dialect().quote(url().database());
        withMaintenanceConnection(st -> {
            try {
                st.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            } catch (SQLException e) {
                st.execute("DROP DATABASE IF EXISTS " + quoted); // before PostgreSQL 13
            }
        }, e -> new MigrateException("C314", "Could not drop the temporary database `" + url().database() + "`: "
                + oneLine(e.getMessage()), "drop it by hand", List.of(), e));
    }

    @Override
    public String migrationsTableDdl() {
        return MIGRATIONS_TABLE;
    }

    @Override
    public boolean hasMigrationsTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1 FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'")) {
            return rs.next();
        }
    }

    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant time) throws SQLException {
        statement.setObject(index, time == null ? null : time.atOffset(ZoneOffset.UTC),
                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    public Instant timestamp(ResultSet row, int column) throws SQLException {
        OffsetDateTime t = row.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
