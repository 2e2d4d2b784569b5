package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A cursor on an included relation where the cursor record is not named by a single id: a many-to-many relation
 * (the cursor record belongs to several parents, and each of them pages from it), a compound id, a unique that is
 * not the id.
 */
class NestedCursorTest {
    static final String MODELS = """
            model Shelf {
              id    Int    @id
              books Book[]
              tags  Tag[]
            }

            model Book {
              shelfId Int
              pos     Int
              title   String @unique
              shelf   Shelf  @relation(fields: [shelfId], references: [id])

              @@id([shelfId, pos])
            }

            model Tag {
              id      Int     @id
              name    String  @unique
              shelves Shelf[]
            }
            """;

    @TestFactory
    Stream<DynamicTest> cursorsNotNamedByASingleId() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "foreignKeys", MODELS));
            try (TestDb database = TestDb.create(kind, "cursor")) {
                database.push(datamodel);
                try (Sinew db = database.client(datamodel)) {
                    for (int tag = 1; tag <= 3; tag++) {
                        db.model("Tag").create(Map.of("data", Map.of("id", tag, "name", "t" + tag)));
                    }
                    db.model("Shelf").create(Map.of("data", Map.of("id", 1,
                            "tags", Map.of("connect", List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3))),
                            "books", Map.of("create", List.of(Map.of("pos", 1, "title", "a"),
                                    Map.of("pos", 2, "title", "b"), Map.of("pos", 3, "title", "c"))))));
                    db.model("Shelf").create(Map.of("data", Map.of("id", 2,
                            "tags", Map.of("connect", List.of(Map.of("id", 2), Map.of("id", 3))),
                            "books", Map.of("create", List.of(Map.of("pos", 1, "title", "d"),
                                    Map.of("pos", 2, "title", "e"))))));
                    db.model("Shelf").create(Map.of("data", Map.of("id", 3,
                            "tags", Map.of("connect", List.of(Map.of("id", 1))))));

                    // many-to-many: t2 is on shelves 1 and 2, and both page from it
                    assertThat(page(db, "tags", "name", Map.of("cursor", Map.of("name", "t2"))))
                            .containsExactly(List.of("t2", "t3"), List.of("t2", "t3"), List.of());
                    assertThat(page(db, "tags", "name", Map.of("cursor", Map.of("id", 2), "take", -5)))
                            .containsExactly(List.of("t1", "t2"), List.of("t2"), List.of());
                    assertThat(page(db, "tags", "name", Map.of("cursor", Map.of("id", 2), "skip", 1)))
                            .containsExactly(List.of("t3"), List.of("t3"), List.of());
                    assertThat(page(db, "tags", "name", Map.of("cursor", Map.of("name", "t2"),
                            "orderBy", Map.of("name", "desc"))))
                            .containsExactly(List.of("t2", "t1"), List.of("t2"), List.of());

                    // a compound id, and a unique that is not the id
                    assertThat(page(db, "books", "title", Map.of("cursor",
                            Map.of("shelfId_pos", Map.of("shelfId", 1, "pos", 2)))))
                            .containsExactly(List.of("b", "c"), List.of(), List.of());
                    assertThat(page(db, "books", "title", Map.of("cursor",
                            Map.of("shelfId_pos", Map.of("shelfId", 2, "pos", 1)), "skip", 1, "take", 1)))
                            .containsExactly(List.of(), List.of("e"), List.of());
                    assertThat(page(db, "books", "title", Map.of("cursor", Map.of("title", "e"), "take", -5)))
                            .containsExactly(List.of(), List.of("d", "e"), List.of());
                    assertThat(page(db, "books", "title", Map.of("cursor", Map.of("title", "b"),
                            "orderBy", Map.of("title", "desc"))))
                            .containsExactly(List.of("b", "a"), List.of(), List.of());
                }
            }
        }));
    }

    /** Each shelf's related records (by id) paged by {@code args}: the values of {@code field}. */
    private static List<List<Object>> page(Sinew db, String relation, String field, Map<String, Object> args) {
        Map<String, Object> nested = new LinkedHashMap<>(args);
        nested.put("select", Map.of(field, true));
        return db.model("Shelf").findMany(Map.of("orderBy", Map.of("id", "asc"),
                "select", Map.of(relation, nested))).stream()
                .map(shelf -> ((List<?>) shelf.get(relation)).stream()
                        .map(record -> ((Map<?, ?>) record).get(field)).toList())
                .map(List::<Object>copyOf).toList();
    }
}
