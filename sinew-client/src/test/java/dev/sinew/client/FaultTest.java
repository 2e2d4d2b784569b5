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
 * A write that dies in the middle of its emulated cascade leaves the data exactly as it was: on PostgreSQL and
 * MariaDB the client's connection is killed from another connection after the cascade's first change; on SQLite
 * the call fails at the same point.
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
            AtomicInteger changes = new AtomicInteger();
            List<String> sent = new ArrayList<>();
            Consumer<String> fault = sql -> {
                sent.add(sql);
                if ((sql.startsWith("DELETE") || sql.startsWith("UPDATE")) && changes.incrementAndGet() == 2) {
                    fail(kind, database);
                }
            };
            try (Sinew victim = database.clientBuilder(datamodel).poolSize(1).maxRetries(0).onStatement(fault)
                    .build()) {
                SinewException error = CrudTest.catchSinew(() -> victim.model("User").delete(Map.of("where",
                        Map.of("id", 1))));
                assertThat(error.code()).as(error.getMessage()).isIn("P1017", null);
                assertThat(changes.get()).as("the failure came in the middle of the plan: %s", sent).isEqualTo(2);
                assertThat(database.snapshot(datamodel)).isEqualTo(before);
                changes.set(100);
                assertThat(victim.model("Comment").count()).as("the pool replaced the connection").isEqualTo(3);
            }
        }
    }

    /** Kills every other connection to the test database (the client's pool has exactly one). */
    private static void fail(DatabaseKind kind, TestDb database) {
        if (kind == DatabaseKind.SQLITE) {
            throw new SinewException(null, "injected failure", Map.of());
        }
        try (Connection admin = database.connect(); Statement s = admin.createStatement()) {
            if (kind == DatabaseKind.POSTGRESQL) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()");
            } else {
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                        + " AND ID <> CONNECTION_ID()")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                for (long id : ids) {
                    s.execute("KILL CONNECTION " + id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
