package dev.sinew.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {
    @Test
    void readsPrismaPostgresUrls() {
        ServerAddress address = ServerAddress.parse("postgresql://alice:s%40cret@db.local:6543/admin?sslmode=require",
                DatabaseKind.POSTGRESQL);
        assertThat(address).isEqualTo(new ServerAddress("db.local", 6543, "alice", "s@cret", "admin", "sslmode=require"));
        assertThat(address.encodedCredentials()).isEqualTo("alice:s%40cret@");
        assertThat(address.querySuffix()).isEqualTo("?sslmode=require");
    }

    @Test
    void readsJdbcUrlsWithCredentialsInTheQuery() {
        ServerAddress address = ServerAddress.parse("jdbc:postgresql://localhost/postgres?user=bob&password=a+b&ssl=false",
                DatabaseKind.POSTGRESQL);
        assertThat(address).isEqualTo(new ServerAddress("localhost", 5432, "bob", "a+b", "postgres", "ssl=false"));
        assertThat(address.encodedCredentials()).isEqualTo("bob:a%2Bb@");
    }

    @Test
    void fillsInDefaultsPerKind() {
        assertThat(ServerAddress.parse("postgres://localhost", DatabaseKind.POSTGRESQL))
                .isEqualTo(new ServerAddress("localhost", 5432, "postgres", "", "postgres", ""));
        assertThat(ServerAddress.parse("mysql://127.0.0.1", DatabaseKind.MYSQL))
                .isEqualTo(new ServerAddress("127.0.0.1", 3306, "root", "", "", ""));
        assertThat(ServerAddress.parse("jdbc:mariadb://127.0.0.1:4000/?user=root", DatabaseKind.MYSQL))
                .isEqualTo(new ServerAddress("127.0.0.1", 4000, "root", "", "", ""));
        assertThat(ServerAddress.parse("mysql://root@127.0.0.1:4000", DatabaseKind.MYSQL).encodedCredentials())
                .isEqualTo("root@");
    }

    @Test
    void refusesUrlsOfAnotherKind() {
        assertThatThrownBy(() -> ServerAddress.parse("mysql://localhost", DatabaseKind.POSTGRESQL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> ServerAddress.parse("file:./dev.db", DatabaseKind.MYSQL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("postgresql:///nohost", DatabaseKind.POSTGRESQL))
                .hasMessageContaining("no host");
    }

    @Test
    void namesDatabasesWithinIdentifierLimits() {
        String name = TestDatabases.databaseName("Some.Very-Long$TestClassNameThatGoesOnAndOnAndOnForever");
        assertThat(name).matches("sinew_[a-z0-9_]+_[0-9a-f]{8}").hasSizeLessThanOrEqualTo(63);
        assertThat(TestDatabases.databaseName("X")).isNotEqualTo(TestDatabases.databaseName("X"));
    }
}
