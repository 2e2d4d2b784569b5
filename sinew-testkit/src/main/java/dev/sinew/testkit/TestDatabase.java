package dev.sinew.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One empty database on a test server (or one SQLite file), created for a test class or a caller of
 * {@link TestDatabases#create}. Closing it drops the database (deletes the SQLite file); the server stays up.
 */
public final class TestDatabase implements AutoCloseable {
    private final DatabaseKind kind;
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String prismaUrl;
    private final DataSource dataSource;
    private final Runnable drop;
    private boolean closed;

    TestDatabase(DatabaseKind kind, String name, String jdbcUrl, String user, String password, String prismaUrl,
            DataSource dataSource, Runnable drop) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
        this.user = user;
        this.password = password;
        this.prismaUrl = Objects.requireNonNull(prismaUrl);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.drop = Objects.requireNonNull(drop);
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The database's name on its server (for SQLite, the file name). */
    public String name() {
        return name;
    }

    /** A JDBC URL of this database without credentials; pass {@link #user()} and {@link #password()} with it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to connect as, or {@code null} for SQLite. */
    public String user() {
        return user;
    }

    /** The password of {@link #user()}, possibly empty, or {@code null} for SQLite. */
    public String password() {
        return password;
    }

    /**
     * The URL as a schema's {@code datasource url} writes it: {@code postgresql://user:password@host:port/name},
     * {@code mysql://...} or {@code file:/absolute/path.db}.
     */
    public String prismaUrl() {
        return prismaUrl;
    }

    /** An unpooled data source of the database's own driver, with the credentials set. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Drops the database (deletes the SQLite file). Connections still open to it may be ended by the server. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            drop.run();
        }
    }

    @Override
    public String toString() {
        return kind.provider() + " database " + name + " (" + jdbcUrl + ")";
    }
}
