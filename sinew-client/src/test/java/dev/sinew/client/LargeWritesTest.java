package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Nested writes of more records than one statement takes parameters (pgJDBC: 65,535), in both relation modes: each
 * statement the writer sends must stay within the limit, however many records a call names.
 */
class LargeWritesTest {
    private static final int RECORDS = 33_000; // two parameters per join row: 66,000

    @TestFactory
    Stream<DynamicTest> aManyToManyConnectOfMoreRecordsThanAStatementTakesParameters() {
        // PostgreSQL's driver has the lowest limit; SQLite's and MariaDB's take far more parameters
        return TestDb.available().stream().filter(kind -> kind == DatabaseKind.POSTGRESQL).flatMap(kind ->
                Stream.of("foreignKeys", "prisma").map(mode -> DynamicTest.dynamicTest(kind.provider() + ", " + mode,
                        () -> {
                            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode,
                                    ConcurrencyTest.THREADS));
                            try (TestDb database = TestDb.create(kind, "large");
                                 Sinew db = database.client(datamodel)) {
                                database.push(datamodel);
                                List<Map<String, Object>> tags = new ArrayList<>();
                                List<Object> connect = new ArrayList<>();
                                for (int i = 1; i <= RECORDS; i++) {
                                    tags.add(Map.of("id", i));
                                    connect.add(Map.of("id", i));
                                }
                                db.model("Tag").createMany(Map.of("data", tags));
                                db.model("Post").create(Map.of("data", Map.of("id", 1, "tags", Map.of("connect",
                                        connect))));
                                assertThat(tagCount(db)).isEqualTo(RECORDS);
                                assertThat(db.model("Tag").deleteMany(Map.of())).isEqualTo(Map.of("count", RECORDS));
                                assertThat(tagCount(db)).isZero();
                            }
                        })));
    }

    @SuppressWarnings("unchecked")
    private static long tagCount(Sinew db) {
        Map<String, Object> post = db.model("Post").findUnique(Map.of("where", Map.of("id", 1),
                "select", Map.of("_count", Map.of("select", Map.of("tags", true)))));
        return ((Number) ((Map<String, Object>) post.get("_count")).get("tags")).longValue();
    }
}
