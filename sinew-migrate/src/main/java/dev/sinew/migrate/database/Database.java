package dev.sinew.migrate.database;

import dev.sinew.migrate.MigrateException;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.ConnectionFailures;
import dev.sinew.sql.connect.ConnectionSettingsException;
import dev.sinew.sql.connect.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A live database that the migration commands work on, one subclass per database with the same members in each:
 * connecting (with Prisma's {@code P1000}/{@code P1001}/{@code P1003} errors), creating it when missing, resetting
 * it, making a temporary shadow database beside it, whether its DDL runs in transactions, and Prisma's
 * {@code _prisma_migrations} table in its SQL. The SQL of schemas and migrations is the {@link Dialect}'s; this class
 * is about the database as a thing one connects to and manages.
 */
public abstract class Database {

    private final DatabaseUrl url;
    private final Dialect dialect;

    Database(DatabaseUrl url, Dialect dialect) {
        this.url = url;
        this.dialect = dialect;
    }

    /**
     * The database behind a URL for a datasource provider.
     *
     * @throws MigrateException when the URL does not fit the provider, or Sinew cannot work on such a database
     */
    public static Database of(DatabaseUrl url, Provider provider) {
        if (!url.suits(provider)) {
            throw new MigrateException("P1012", "Error validating datasource `db`: the URL must start with the "
                    + "protocol " + DatabaseUrl.expectedProtocols(provider) + ".",
                    "the datasource provider is \"" + provider.schemaName() + "\"; give a URL of that database, "
                            + "or change the provider");
        }
        Dialect dialect = Dialect.forProvider(provider.schemaName());
        return switch (url.family()) {
            case SQLITE -> new SqliteDatabase(url, dialect);
            case POSTGRESQL -> new PostgresDatabase(url, dialect);
            case MYSQL -> new MySqlDatabase(url, dialect);
            case SQLSERVER -> throw new MigrateException("C311",
                    "Sinew cannot work on a live SQL Server database yet: it cannot read SQL Server's catalog",
                    "render the SQL with `sinew migrate diff --script` and apply it with SQL Server's own tools");
        };
    }

    /**
     * A new temporary SQLite file, for replaying migrations without a development database ({@code migrate diff
     * --from-migrations} on SQLite). The caller drops it with {@link #drop()}.
     */
    public static Database temporarySqlite() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("sinew-shadow-", ".db");
            return new SqliteDatabase(DatabaseUrl.sqliteFile(file), Dialect.forProvider("sqlite"));
        } catch (java.io.IOException e) {
            throw new MigrateException("P3014", "Prisma Migrate could not create the shadow database. "
                    + oneLine(e.getMessage()), "check that the temporary directory can be written", List.of(), e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    /** The SQL of this database's schemas and migrations. */
    public Dialect dialect() {
        return dialect;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Connecting

    /**
     * Opens a connection to the database, in auto-commit mode.
     *
     * @throws MigrateException {@code P1000} (credentials refused), {@code P1001} (server not reachable),
     *                          {@code P1003} (no such database), {@code P1010} (access denied)
     */
    public Connection connect() {
        try {
            Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
            prepare(connection);
            return connection;
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** Session settings every connection gets (MySQL's time zone, SQLite's busy timeout). */
    void prepare(Connection connection) throws SQLException {
    }

    /** A driver's connection error as Prisma's error for it. */
    MigrateException connectionFailure(SQLException error) {
        return asMigrateException(ConnectionFailures.of(url, error));
    }

    static MigrateException asMigrateException(ConnectionSettingsException failure) {
        return new MigrateException(failure.code(), failure.getMessage(), failure.hint(), failure.details(),
                failure.getCause());
    }

    /**
     * Whether the database exists (the file, or the database on its server). On a server: whether connecting to it
     * succeeds or fails only with {@code P1003}; any other failure to connect is thrown.
     */
    public boolean exists() {
        try {
            connect().close();
            return true;
        } catch (MigrateException e) {
            if (e.code().equals("P1003")) {
                return false;
            }
            throw e;
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /**
     * Creates the database when it does not exist, as {@code db push}, {@code migrate dev} and {@code migrate deploy}
     * do.
     *
     * @return whether it was created
     */
    public abstract boolean createIfMissing();

    /**
     * Makes sure the schema the URL names exists (PostgreSQL's {@code ?schema=}); nothing elsewhere. Commands that
     * write call this after connecting.
     */
    public void ensureSchema(Connection connection) throws SQLException {
    }

    /** {@code SQLite database dev.db created at file:./dev.db}: what Prisma prints after creating it. */
    public String createdMessage() {
        return url.family().displayName() + " database " + url.database() + " created at " + url.location();
    }

    /**
     * The datasource line Prisma prints: {@code SQLite database "dev.db" at "file:./dev.db"}, {@code PostgreSQL
     * database "app", schema "public" at "localhost:5432"}.
     */
    public String description() {
        return url.family().displayName() + " database \"" + url.database() + "\" at \"" + url.location() + "\"";
    }

    /**
     * What a reset would drop, as {@code migrate dev} says it: {@code the SQLite database "dev.db" at
     * "file:./dev.db"}, {@code the "public" schema at "localhost:5432"}.
     */
    public String resetScope() {
        return "the " + description();
    }

    /** {@code The SQLite database "dev.db" at "file:./dev.db" was successfully reset.} */
    public String resetMessage() {
        return "The " + description() + " was successfully reset.";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Schema and DDL

    /** The schema of the database, read from its catalog, without {@code _prisma_migrations}. */
    public SqlSchema introspect(Connection connection) {
        try {
            return dialect.introspect(connection);
        } catch (SQLException e) {
            throw new MigrateException("C312", "Could not read the schema of the " + description() + ": "
                    + oneLine(e.getMessage()), "check that the user may read the database's catalog", List.of(), e);
        }
    }

    /**
     * The calculated schema as this connection's database names it: a PostgreSQL URL's {@code ?schema=} replaces the
     * default {@code public} when the datasource lists no {@code schemas}.
     */
    public SqlSchema onThisDatabase(SqlSchema calculated, Connection connection) {
        return calculated;
    }

    /**
     * Whether a migration's DDL runs in a transaction that a failure rolls back whole (PostgreSQL, SQLite). MySQL
     * commits each DDL statement on its own.
     */
    public abstract boolean transactionalDdl();

    /** Drops everything in the database (tables, views, types), leaving it empty. */
    public abstract void reset();

    /**
     * A new, empty database beside this one, for a shadow database: a temporary file for SQLite, a database named
     * {@code prisma_migrate_shadow_db_<uuid>} on the same server otherwise. The caller drops it with
     * {@link #drop()}.
     *
     * @throws MigrateException {@code P3014} when the server refuses to create it
     */
    public abstract Database createTemporary();

    /** Deletes the database itself (used for temporary shadow databases). */
    public abstract void drop();

    // ---------------------------------------------------------------------------------------------------------------
    // The migrations table

    /** Prisma's {@code CREATE TABLE _prisma_migrations} in this database's SQL. */
    public abstract String migrationsTableDdl();

    /** Whether the {@code _prisma_migrations} table exists. */
    public abstract boolean hasMigrationsTable(Connection connection) throws SQLException;

    /** Binds a point in time as this database stores the migrations table's timestamps. */
    public abstract void setTimestamp(PreparedStatement statement, int index, Instant time) throws SQLException;

    /** Reads one of the migrations table's timestamps, in whatever form a tool stored it; null for NULL. */
    public abstract Instant timestamp(ResultSet row, int column) throws SQLException;

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return description();
    }
}
