package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An emulated write of many records locks the rows it changes, not the whole table. The emulation names the records
 * of a large write by key lists; a list too long for the database's range optimizer (MariaDB gives up above 32,000
 * values) turns an UPDATE or DELETE into a scan of the whole table, which at REPEATABLE READ locks every row of it
 * until commit, so that the write waits for (and then blocks) every other writer of the table.
 */
class LockScopeTest {
    static final String MODELS = """
            model User {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)

              @@index([authorId])
            }
            """;
    private static final int DELETED = 33_000;
    private static final int KEPT = 100_000;

    @TestFactory
    Stream<DynamicTest> aLargeDeleteManyWaitsForNoRowItLeaves() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE)
                .map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> run(kind)));
    }

    private void run(DatabaseKind kind) throws Exception {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", MODELS));
        try (TestDb database = TestDb.create(kind, "lockscope")) {
            database.push(datamodel);
            List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
            try (Sinew db = database.clientBuilder(datamodel).onStatement(statements::add).build()) {
                List<Map<String, Object>> users = new ArrayList<>();
                for (int id = 1; id <= DELETED + KEPT; id++) {
                    users.add(Map.of("id", id));
                }
                db.model("User").createMany(Map.of("data", users));
                database.analyze("User", "Post");
                statements.clear();
                try (Connection other = database.connect()) {
                    // Another transaction holds a user that the deleteMany leaves alone.
                    other.setAutoCommit(false);
                    try (Statement s = other.createStatement();
                         ResultSet rs = s.executeQuery("SELECT 1 FROM " + database.quote("User") + " WHERE "
                                 + database.quote("id") + " = " + (DELETED + KEPT) + " FOR UPDATE")) {
                        assertThat(rs.next()).isTrue();
                    }
                    CompletableFuture<Map<String, Object>> deleted = CompletableFuture.supplyAsync(() ->
                            db.model("User").deleteMany(Map.of("where", Map.of("id", Map.of("lte", DELETED)))));
                    try {
                        assertThat(deleted.get(30, TimeUnit.SECONDS)).containsEntry("count", DELETED);
                    } catch (TimeoutException e) {
                        fail("the deleteMany waited for a row it does not delete; its statements:%n%s",
                                String.join("\n", statements.stream().map(LockScopeTest::abbreviate).toList()));
                    } finally {
                        other.rollback();
                    }
                    deleted.join();
                }
                assertThat(db.model("User").count()).isEqualTo(KEPT);
            }
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "… (" + sql.chars().filter(c -> c == '?').count()
                + " parameters)";
    }
}
