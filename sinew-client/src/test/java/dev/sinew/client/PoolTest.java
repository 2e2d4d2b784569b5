package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection pool as Prisma users configure it ({@code connection_limit} and {@code pool_timeout} in the URL, or
 * the builder), and its failures in Prisma's words: {@code P2024} when no connection comes free in time, the
 * connection errors the CLI gives ({@code P1001}, {@code P1003}) when none can be opened.
 */
class PoolTest {
    private static final String MODELS = """
            model Note {
              id Int @id
            }
            """;

    @TempDir
    Path dir;

    private Path schema(String url) throws IOException {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"sqlite\"\n  url      = \"" + url + "\"\n}\n" + MODELS);
        return schema;
    }

    @Test
    void theUrlsConnectionLimitAndPoolTimeoutBoundTheWaitForAConnection() throws Exception {
        try (Sinew db = Sinew.connect(schema("file:./pool.db?connection_limit=1&pool_timeout=1"))) {
            SinewException error = whileTheOnlyConnectionIsHeld(db);
            assertThat(error.code()).isEqualTo("P2024");
            assertThat(error.getMessage()).isEqualTo("Timed out fetching a new connection from the connection pool."
                    + " More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 1, connection"
                    + " limit: 1)");
            assertThat(error.meta()).containsEntry("connection_limit", 1).containsEntry("timeout", "1");
            assertThat(db.model("Note").count()).as("the pool serves again once the connection is back").isEqualTo(1);
        }
    }

    @Test
    void theBuildersSettingsWinOverTheUrls() throws Exception {
        try (Sinew db = Sinew.builder().schema(schema("file:./pool.db?connection_limit=5&pool_timeout=30"))
                .poolSize(1).poolTimeout(Duration.ofMillis(300)).build()) {
            SinewException error = whileTheOnlyConnectionIsHeld(db);
            assertThat(error.getMessage()).endsWith("(Current connection pool timeout: 0.3, connection limit: 1)");
        }
    }

    @Test
    void aClosedClientSaysSo() throws Exception {
        Sinew db = Sinew.connect(schema("file:./pool.db"));
        db.close();
        assertThatThrownBy(() -> db.model("Note").count()).isInstanceOf(IllegalStateException.class)
                .hasMessage("This Sinew client is closed; build a new one to go on.");
        assertThatThrownBy(() -> db.transaction(tx -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void poolSettingsThatAreNotNumbersAreRefusedAsTheUrlsError() throws Exception {
        Path schema = schema("file:./pool.db?connection_limit=none");
        assertThatThrownBy(() -> Sinew.connect(schema)).isInstanceOfSatisfying(SinewException.class, e -> {
            assertThat(e.code()).isEqualTo("P1013");
            assertThat(e.getMessage()).contains("`connection_limit=none` must be a whole number of at least 1.");
        });
        assertThatThrownBy(() -> Sinew.builder().schema(schema).poolTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Holds the pool's one connection in a transaction, and returns the failure of a call made meanwhile. */
    private static SinewException whileTheOnlyConnectionIsHeld(Sinew db) throws Exception {
        db.executeRaw("CREATE TABLE \"Note\" (\"id\" INTEGER NOT NULL PRIMARY KEY)");
        db.model("Note").create(Map.of("data", Map.of("id", 1)));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> db.transaction(tx -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            return CrudCases.catchSinew(() -> db.model("Note").count());
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsP1001() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (String provider : new String[]{"postgresql", "mysql"}) {
            Datamodel datamodel = PrismaSchema.validate("schema.prisma", "datasource db {\n  provider = \""
                    + provider + "\"\n}\n" + MODELS).datamodel();
            String url = provider + "://u:p@127.0.0.1:" + port + "/app";
            SinewException error = CrudCases.catchSinew(() -> Sinew.builder().datamodel(datamodel).url(url).build());
            assertThat(error.code()).as(provider).isEqualTo("P1001");
            assertThat(error.getMessage()).isEqualTo("Can't reach database server at `127.0.0.1`:`" + port + "`");
            assertThat(error.meta()).containsEntry("hint",
                    "Please make sure your database server is running at `127.0.0.1`:`" + port + "`.");
        }
    }

    @Test
    void aDatabaseThatDoesNotExistIsP1003() {
        for (DatabaseKind kind : TestDb.available()) {
            if (kind == DatabaseKind.SQLITE) {
                continue; // the driver creates the file
            }
            try (TestDb database = TestDb.create(kind, "pool")) {
                Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "foreignKeys", MODELS));
                String url = database.database.prismaUrl().replaceFirst("/([^/?]+)(\\?|$)", "/sinew_no_such_db$2");
                SinewException error = CrudCases.catchSinew(() -> Sinew.builder().datamodel(datamodel).url(url)
                        .build());
                assertThat(error.code()).as(kind.provider()).isEqualTo("P1003");
                assertThat(error.getMessage()).startsWith("Database `sinew_no_such_db` does not exist on the database"
                        + " server at `");
            }
        }
    }
}
