package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's own types in the values the client binds as arrays: scalar lists, and {@code in} lists long enough to
 * go as one array. An array must have the column's type where that type has operators of its own (a {@code uuid}
 * does not compare with {@code text}), and an enum's array type is found by its exact, quoted name.
 */
class PostgresTypesTest {
    private static final String MODELS = """
            enum Role {
              USER
              ADMIN
            }

            model Item {
              id     String     @id @db.Uuid
              at     DateTime   @db.Timestamptz(3)
              day    DateTime   @db.Date
              roles  Role[]
              labels String[]
              refs   String[]   @db.Uuid
              times  DateTime[]
            }
            """;
    private static final String FIRST = "00000000-0000-0000-0000-000000000001";
    private static final String SECOND = "00000000-0000-0000-0000-000000000002";

    private TestDb database;
    private Sinew db;

    @BeforeEach
    void connect() {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource("postgresql", "foreignKeys", MODELS));
        database = TestDb.create(DatabaseKind.POSTGRESQL, "types");
        database.push(datamodel);
        db = database.client(datamodel);
        db.model("Item").create(Map.of("data", Map.of("id", FIRST, "at", Instant.parse("2024-05-01T10:00:00Z"),
                "day", Instant.parse("2024-05-01T00:00:00Z"), "roles", List.of("ADMIN", "USER"),
                "labels", List.of("a", "b"), "refs", List.of(SECOND),
                "times", List.of(Instant.parse("2024-05-01T10:00:00.123Z")))));
        db.model("Item").create(Map.of("data", Map.of("id", SECOND, "at", Instant.parse("2024-05-02T10:00:00Z"),
                "day", Instant.parse("2024-05-02T00:00:00Z"), "roles", List.of(), "labels", List.of(),
                "refs", List.of(), "times", List.of())));
    }

    @AfterEach
    void close() {
        db.close();
        database.close();
    }

    @Test
    void scalarListsOfEnumsAndNativeTypesAreWrittenReadAndFiltered() {
        Map<String, Object> first = db.model("Item").findUnique(Map.of("where", Map.of("id", FIRST)));
        assertThat(first).containsEntry("roles", List.of("ADMIN", "USER")).containsEntry("refs", List.of(SECOND))
                .containsEntry("times", List.of(Instant.parse("2024-05-01T10:00:00.123Z")));
        assertThat(ids(Map.of("roles", Map.of("has", "ADMIN")))).containsExactly(FIRST);
        assertThat(ids(Map.of("refs", Map.of("hasSome", List.of(SECOND, FIRST))))).containsExactly(FIRST);
        assertThat(ids(Map.of("roles", Map.of("isEmpty", true)))).containsExactly(SECOND);
        db.model("Item").update(Map.of("where", Map.of("id", SECOND), "data", Map.of("roles", Map.of("push", "USER"),
                "refs", Map.of("set", List.of(FIRST)))));
        assertThat(db.model("Item").findUnique(Map.of("where", Map.of("id", SECOND))))
                .containsEntry("roles", List.of("USER")).containsEntry("refs", List.of(FIRST));
        java.util.HashMap<String, Object> pushNothing = new java.util.HashMap<>();
        pushNothing.put("push", null);
        SinewException refused = CrudCases.catchSinew(() -> db.model("Item").update(Map.of("where",
                Map.of("id", SECOND), "data", Map.of("labels", pushNothing))));
        assertThat(refused.code()).isEqualTo("P2009");
    }

    @Test
    void longInListsCompareAsTheColumnDoes() {
        List<Object> uuids = new ArrayList<>();
        List<Object> instants = new ArrayList<>();
        List<Object> days = new ArrayList<>();
        List<Object> roles = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            uuids.add(String.format("00000000-0000-0000-0001-%012d", i));
            instants.add(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i));
            days.add(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(86_400L * i));
            roles.add("ADMIN");
        }
        uuids.add(SECOND);
        instants.add(Instant.parse("2024-05-01T10:00:00Z"));
        days.add(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(ids(Map.of("id", Map.of("in", uuids)))).containsExactly(SECOND);
        assertThat(ids(Map.of("id", Map.of("notIn", uuids)))).containsExactly(FIRST);
        assertThat(ids(Map.of("at", Map.of("in", instants)))).containsExactly(FIRST);
        assertThat(ids(Map.of("day", Map.of("in", days)))).containsExactly(SECOND);
        assertThat(ids(Map.of("roles", Map.of("hasSome", roles)))).containsExactly(FIRST);
    }

    private List<Object> ids(Map<String, Object> where) {
        return db.model("Item").findMany(Map.of("where", where, "orderBy", Map.of("id", "asc"))).stream()
                .map(item -> item.get("id")).toList();
    }
}
