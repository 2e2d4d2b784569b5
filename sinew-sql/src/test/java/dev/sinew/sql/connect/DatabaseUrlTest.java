package dev.sinew.sql.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sinew.schema.model.Provider;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    private static final Path BASE = Path.of("/project/prisma");

    @Test
    void aPostgresUrlBecomesJdbcWithItsCredentialsAsPropertiesAndItsSchema() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://jo%40corp:p%3Aw%2Bd@db.example.com:6543/shop?schema=sales"
                + "&sslmode=require&connection_limit=5", BASE);

        assertThat(url.family()).isEqualTo(DatabaseUrl.Family.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
        assertThat(url.connectionProperties()).containsEntry("user", "jo@corp").containsEntry("password", "p:w+d")
                .containsEntry("currentSchema", "sales").containsEntry("sslmode", "require")
                .doesNotContainKey("connection_limit");
        assertThat(url.schema()).isEqualTo("sales");
        assertThat(url.location()).isEqualTo("db.example.com:6543");
        assertThat(url.suits(Provider.POSTGRESQL)).isTrue();
        assertThat(url.suits(Provider.COCKROACHDB)).isTrue();
        assertThat(url.suits(Provider.MYSQL)).isFalse();
        assertThat(url.toString()).doesNotContain("p:w+d");
    }

    @Test
    void postgresDefaultsToPort5432AndSchemaPublic() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost/app", BASE);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(url.schema()).isEqualTo("public");
        assertThat(url.user()).isNull();
    }

    @Test
    void aMysqlUrlUsesTheMariaDbDriver() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root:secret@127.0.0.1/shop?sslaccept=strict", BASE);

        assertThat(url.family()).isEqualTo(DatabaseUrl.Family.MYSQL);
        assertThat(url.family().driverClass()).isEqualTo("org.mariadb.jdbc.Driver");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/shop");
        assertThat(url.connectionProperties()).containsEntry("user", "root").containsEntry("password", "secret")
                .containsEntry("sslMode", "verify-full");
    }

    @Test
    void aSqliteFileIsRelativeToTheBaseDirectory() {
        DatabaseUrl url = DatabaseUrl.parse("file:./dev.db", BASE);

        assertThat(url.file()).isEqualTo(Path.of("/project/prisma/dev.db"));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/project/prisma/dev.db");
        assertThat(url.database()).isEqualTo("dev.db");
        assertThat(url.location()).isEqualTo("file:./dev.db");
        assertThat(DatabaseUrl.parse("file:../data/app.db?connection_limit=1", BASE).file())
                .isEqualTo(Path.of("/project/data/app.db"));
        assertThat(DatabaseUrl.parse("file:/var/db/app.db", BASE).file()).isEqualTo(Path.of("/var/db/app.db"));
    }

    @Test
    void jdbcUrlsAreAcceptedToo() {
        DatabaseUrl pg = DatabaseUrl.parse("jdbc:postgresql://h:5433/db?user=u&password=pw&currentSchema=s", BASE);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
        assertThat(pg.connectionProperties()).containsEntry("user", "u").containsEntry("password", "pw");
        assertThat(pg.schema()).isEqualTo("s");

        DatabaseUrl my = DatabaseUrl.parse("jdbc:mysql://h/db?user=u", BASE);
        assertThat(my.jdbcUrl()).isEqualTo("jdbc:mariadb://h:3306/db");

        DatabaseUrl lite = DatabaseUrl.parse("jdbc:sqlite:data/app.db", BASE);
        assertThat(lite.file()).isEqualTo(Path.of("/project/prisma/data/app.db"));
    }

    @Test
    void aSqlServerUrlBecomesJdbc() {
        DatabaseUrl url = DatabaseUrl.parse("sqlserver://db:1434;database=shop;user=sa;password={p;w};"
                + "trustServerCertificate=true", BASE);

        assertThat(url.family()).isEqualTo(DatabaseUrl.Family.SQLSERVER);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlserver://db:1434;databaseName=shop");
        assertThat(url.connectionProperties()).containsEntry("user", "sa").containsEntry("trustServerCertificate",
                "true");
    }

    @Test
    void anUnknownProtocolIsP1013() {
        ConnectionSettingsException e = catchThrowableOfType(() -> DatabaseUrl.parse("db2://x/y", BASE),
                ConnectionSettingsException.class);

        assertThat(e.code()).isEqualTo("P1013");
        assertThat(e.getMessage()).startsWith("The provided database string is invalid. The URL must start with one");
        assertThat(catchThrowableOfType(() -> DatabaseUrl.parse("postgresql://h:99999/db", BASE),
                ConnectionSettingsException.class).getMessage()).contains("`99999` is not a port number.");
        assertThat(catchThrowableOfType(() -> DatabaseUrl.parse("mysql://h:3306", BASE),
                ConnectionSettingsException.class).getMessage()).contains("A MySQL URL names its database");
    }

    @Test
    void anotherDatabaseOnTheSameServer() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@h:5432/app?schema=s", BASE).withDatabase("shadow");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/shadow");
        assertThat(url.database()).isEqualTo("shadow");
        assertThat(url.schema()).isEqualTo("s");
    }

    @Test
    void prismasPoolSettingsAreReadFromItsUrlsAndLeftToTheDriverInJdbcUrls() {
        assertThat(DatabaseUrl.parse("postgresql://u@h/app?connection_limit=5&pool_timeout=0", BASE).pool())
                .isEqualTo(new DatabaseUrl.Pool(5, 0));
        assertThat(DatabaseUrl.parse("mysql://u@h/app?pool_timeout=20", BASE).pool())
                .isEqualTo(new DatabaseUrl.Pool(null, 20));
        assertThat(DatabaseUrl.parse("file:./dev.db?connection_limit=1", BASE).pool())
                .isEqualTo(new DatabaseUrl.Pool(1, null));
        assertThat(DatabaseUrl.parse("postgresql://u@h/app", BASE).pool()).isEqualTo(new DatabaseUrl.Pool(null, null));
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/app?connection_limit=5", BASE).pool().connectionLimit())
                .isNull();
        assertThat(DatabaseUrl.parse("postgresql://u@h/app?connection_limit=5", BASE).withDatabase("shadow").pool())
                .isEqualTo(new DatabaseUrl.Pool(5, null));

        ConnectionSettingsException zero = catchThrowableOfType(() -> DatabaseUrl.parse(
                "postgresql://u@h/app?connection_limit=0", BASE), ConnectionSettingsException.class);
        assertThat(zero.code()).isEqualTo("P1013");
        assertThat(zero.getMessage()).endsWith("`connection_limit=0` must be a whole number of at least 1.");
        assertThat(catchThrowableOfType(() -> DatabaseUrl.parse("mysql://u@h/app?pool_timeout=soon", BASE),
                ConnectionSettingsException.class).getMessage())
                .endsWith("`pool_timeout=soon` must be a whole number of seconds (0: no limit).");
    }
}
