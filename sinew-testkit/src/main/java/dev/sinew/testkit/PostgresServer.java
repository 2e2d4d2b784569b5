package dev.sinew.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/** Makes databases on a PostgreSQL server (embedded or named by {@code SINEW_TEST_POSTGRES_URL}). */
final class PostgresServer implements DatabaseServer {
    private final ServerAddress address;

    PostgresServer(ServerAddress address) {
        this.address = address;
    }

    @Override
    public TestDatabase createDatabase(String name) {
        execute("CREATE DATABASE " + quote(name));
        String jdbcUrl = "jdbc:postgresql://" + address.host() + ":" + address.port() + "/" + name
                + address.querySuffix();
        String prismaUrl = "postgresql://" + address.encodedCredentials() + address.host() + ":" + address.port()
                + "/" + name + address.querySuffix();
        return new TestDatabase(DatabaseKind.POSTGRESQL, name, jdbcUrl, address.user(), address.password(),
                prismaUrl, dataSource(jdbcUrl), () -> drop(name));
    }

    private void drop(String name) {
        // FORCE ends the sessions a test left open (PostgreSQL 13+); the plain form serves servers without it.
        try {
            execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        } catch (IllegalStateException e) {
            execute("DROP DATABASE IF EXISTS " + quote(name));
        }
    }

    private void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + address.host() + ":" + address.port() + "/" + address.database()
                + address.querySuffix();
        try (Connection connection = dataSource(adminUrl).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + address.host() + ":" + address.port() + " refused `"
                    + sql + "`: " + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource dataSource(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(address.user());
        dataSource.setPassword(address.password());
        return dataSource;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
