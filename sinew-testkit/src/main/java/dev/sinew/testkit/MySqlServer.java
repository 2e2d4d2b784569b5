package dev.sinew.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.mariadb.jdbc.MariaDbDataSource;

/** Makes databases on a MySQL-protocol server (the embedded MariaDB or one named by {@code SINEW_TEST_MYSQL_URL}). */
final class MySqlServer implements DatabaseServer {
    private final ServerAddress address;

    MySqlServer(ServerAddress address) {
        this.address = address;
    }

    @Override
    public TestDatabase createDatabase(String name) {
        execute("CREATE DATABASE " + quote(name));
        String jdbcUrl = "jdbc:mariadb://" + address.host() + ":" + address.port() + "/" + name
                + address.querySuffix();
        String prismaUrl = "mysql://" + address.encodedCredentials() + address.host() + ":" + address.port() + "/"
                + name + address.querySuffix();
        return new TestDatabase(DatabaseKind.MYSQL, name, jdbcUrl, address.user(), address.password(), prismaUrl,
                dataSource(jdbcUrl), () -> execute("DROP DATABASE IF EXISTS " + quote(name)));
    }

    private void execute(String sql) {
        String adminUrl = "jdbc:mariadb://" + address.host() + ":" + address.port() + "/" + address.database()
                + address.querySuffix();
        try (Connection connection = dataSource(adminUrl).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL server at " + address.host() + ":" + address.port() + " refused `"
                    + sql + "`: " + e.getMessage(), e);
        }
    }

    private MariaDbDataSource dataSource(String jdbcUrl) {
        try {
            MariaDbDataSource dataSource = new MariaDbDataSource(jdbcUrl);
            dataSource.setUser(address.user());
            dataSource.setPassword(address.password());
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalArgumentException("not a MariaDB driver URL: " + jdbcUrl, e);
        }
    }

    private static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }
}
