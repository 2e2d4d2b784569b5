package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A write that dies in the middle of its emulated cascade leaves the data exactly as it was. On PostgreSQL and
 * MariaDB the client's connection is killed from another connection while the cascade runs: a test trigger makes the
 * delete of the posts sleep, after the delete of their comments has run in the same transaction, and the kill comes
 * during that sleep. On SQLite (in process) the call fails at the same point.
 */
class FaultTest {

    @TestFactory
    Stream<DynamicTest> aConnectionKilledMidCascadeChangesNothing() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> run(kind)));
    }

    private void run(DatabaseKind kind) throws Exception {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma",
                EmulationShapeTest.MODELS));
        try (TestDb database = TestDb.create(kind, "fault")) {
            database.push(datamodel);
            try (Sinew seed = database.client(datamodel)) {
                Map<String, Object> first = Map.of("id", 1, "comments", Map.of("create",
                        List.of(Map.of("id", 1), Map.of("id", 2))));
                Map<String, Object> second = Map.of("id", 2, "comments", Map.of("create", Map.of("id", 3)));
                seed.model("User").create(Map.of("data", Map.of("id", 1,
                        "profile", Map.of("create", Map.of("id", 1)),
                        "posts", Map.of("create", List.of(first, second)))));
            }
            Map<String, List<List<Object>>> before = database.snapshot(datamodel);
            if (kind == DatabaseKind.SQLITE) {
                failBetweenStatements(datamodel, database, before);
            } else {
                killDuringTheCascade(kind, datamodel, database, before);
            }
        }
    }

    private void failBetweenStatements(Datamodel datamodel, TestDb database, Map<String, List<List<Object>>> before) {
        AtomicInteger changes = new AtomicInteger();
        List<String> sent = new ArrayList<>();
        Consumer<String> fault = sql -> {
            sent.add(sql);
            if ((sql.startsWith("DELETE") || sql.startsWith("UPDATE")) && changes.incrementAndGet() == 2) {
                throw new SinewException(null, "injected failure", Map.of());
            }
        };
        try (Sinew victim = database.clientBuilder(datamodel).poolSize(1).maxRetries(0).onStatement(fault).build()) {
            SinewException error = CrudCases.catchSinew(() -> victim.model("User").delete(Map.of("where",
                    Map.of("id", 1))));
            assertThat(error.getMessage()).isEqualTo("injected failure");
            assertThat(changes.get()).as("the failure came in the middle of the plan: %s", sent).isEqualTo(2);
            assertThat(database.snapshot(datamodel)).isEqualTo(before);
            changes.set(100);
            assertThat(victim.model("Comment").count()).isEqualTo(3);
        }
    }

    private void killDuringTheCascade(DatabaseKind kind, Datamodel datamodel, TestDb database,
                                      Map<String, List<List<Object>>> before) throws Exception {
        if (kind == DatabaseKind.POSTGRESQL) {
            database.execute(List.of("CREATE FUNCTION sinew_slow() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(5);"
                    + " RETURN NULL; END $$ LANGUAGE plpgsql", "CREATE TRIGGER sinew_slow BEFORE DELETE ON \"Post\""
                    + " FOR EACH STATEMENT EXECUTE FUNCTION sinew_slow()"));
        } else {
            database.execute(List.of("CREATE TRIGGER sinew_slow BEFORE DELETE ON `Post` FOR EACH ROW"
                    + " SET @sinew_slow = SLEEP(5)"));
        }
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Sinew victim = database.clientBuilder(datamodel).poolSize(1).maxRetries(0).onStatement(sent::add)
                .build()) {
            java.util.concurrent.CompletableFuture<Boolean> killed = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> killWhileSleeping(kind, database));
            SinewException error = CrudCases.catchSinew(() -> victim.model("User").delete(Map.of("where",
                    Map.of("id", 1))));
            assertThat(killed.get()).as("the connection was killed during the cascade").isTrue();
            assertThat(error.code()).as(error.getMessage()).isEqualTo("P1017");
            assertThat(String.join("\n", sent)).as("the comments' delete ran before the posts' delete")
                    .containsSubsequence("DELETE FROM " + database.quote("Comment"), "DELETE FROM " + database.quote("Post"));
            assertThat(database.snapshot(datamodel)).isEqualTo(before);
            database.execute(List.of(kind == DatabaseKind.POSTGRESQL ? "DROP TRIGGER sinew_slow ON \"Post\""
                    : "DROP TRIGGER sinew_slow"));
            assertThat(victim.model("Comment").count()).as("the pool replaced the connection").isEqualTo(3);
        }
    }

    /** Waits until another connection sleeps in the test trigger (mid-cascade), then kills it. */
    private static boolean killWhileSleeping(DatabaseKind kind, TestDb database) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        try (Connection admin = database.connect(); Statement s = admin.createStatement()) {
            while (System.nanoTime() < deadline) {
                String find = kind == DatabaseKind.POSTGRESQL
                        ? "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'"
                        : "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                                + " AND ID <> CONNECTION_ID() AND STATE = 'User sleep'";
                Long victim = null;
                try (ResultSet rs = s.executeQuery(find)) {
                    if (rs.next()) {
                        victim = rs.getLong(1);
                    }
                }
                if (victim != null) {
                    s.execute(kind == DatabaseKind.POSTGRESQL ? "SELECT pg_terminate_backend(" + victim + ")"
                            : "KILL CONNECTION " + victim);
                    return true;
                }
                Thread.sleep(20);
            }
            return false;
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
