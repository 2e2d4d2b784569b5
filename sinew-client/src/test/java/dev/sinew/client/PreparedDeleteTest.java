package dev.sinew.client;

import static dev.sinew.client.CrudCases.catchSinew;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A delete by identifier runs statements prepared once per model, with the record's identifier values filled in
 * for each call. One client deletes record after record (simple and compound identifiers, a cascade two levels
 * deep, a Restrict that refuses, a record that is gone) and every call must act on its own record only, in both
 * relation modes on every database.
 */
class PreparedDeleteTest {
    static final String MODELS = """
            model User {
              id     Int     @id
              name   String  @unique
              posts  Post[]
              badges Badge[]
            }

            model Post {
              id       Int       @id
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]

              @@index([authorId])
            }

            model Comment {
              id     Int  @id
              postId Int
              post   Post @relation(fields: [postId], references: [id], onDelete: Cascade)

              @@index([postId])
            }

            model Badge {
              id      Int  @id
              ownerId Int
              owner   User @relation(fields: [ownerId], references: [id], onDelete: Restrict)

              @@index([ownerId])
            }

            model Seat {
              row     Int
              number  Int
              tickets Ticket[]

              @@id([row, number])
            }

            model Ticket {
              id         Int  @id
              seatRow    Int
              seatNumber Int
              seat       Seat @relation(fields: [seatRow, seatNumber], references: [row, number], onDelete: Cascade)

              @@index([seatRow, seatNumber])
            }
            """;

    @TestFactory
    Stream<DynamicTest> eachDeleteActsOnItsOwnRecord() {
        return TestDb.available().stream().flatMap(kind -> Stream.of("foreignKeys", "prisma")
                .map(mode -> DynamicTest.dynamicTest(kind.provider() + " " + mode, () -> run(kind, mode))));
    }

    private void run(DatabaseKind kind, String mode) {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, MODELS));
        try (TestDb database = TestDb.create(kind, "prepared")) {
            database.push(datamodel);
            try (Sinew db = database.client(datamodel)) {
                deleteOneAfterAnother(db, mode);
            }
        }
    }

    private static void deleteOneAfterAnother(Sinew db, String mode) {
        for (int user = 1; user <= 4; user++) {
            db.model("User").create(Map.of("data", Map.of("id", user, "name", "u" + user, "posts",
                    Map.of("create", List.of(post(user * 10, user * 100), post(user * 10 + 1, user * 100 + 10))))));
        }
        db.model("Badge").create(Map.of("data", Map.of("id", 1, "ownerId", 2)));
        for (int number = 1; number <= 3; number++) {
            db.model("Seat").create(Map.of("data", Map.of("row", 1, "number", number, "tickets",
                    Map.of("create", List.of(Map.of("id", number * 10), Map.of("id", number * 10 + 1))))));
        }

        assertThat(db.model("User").delete(Map.of("where", Map.of("id", 1)))).isEqualTo(Map.of("id", 1,
                "name", "u1"));
        assertThat(descendantsOf(db)).isEqualTo(Map.of(2, 6L, 3, 6L, 4, 6L));

        SinewException refused = catchSinew(() -> db.model("User").delete(Map.of("where", Map.of("id", 2))));
        assertThat(refused.code()).isEqualTo(mode.equals("prisma") ? "P2014" : "P2003");
        if (mode.equals("prisma")) {
            assertThat(refused.getMessage()).isEqualTo("The change you are trying to make would violate the"
                    + " required relation 'BadgeToUser' between the `Badge` and `User` models.");
            assertThat(refused.meta()).containsEntry("modelName", "User");
        }
        assertThat(descendantsOf(db)).isEqualTo(Map.of(2, 6L, 3, 6L, 4, 6L));

        assertThat(db.model("User").delete(Map.of("where", Map.of("id", 3), "select", Map.of("name", true))))
                .isEqualTo(Map.of("name", "u3"));
        assertThat(descendantsOf(db)).isEqualTo(Map.of(2, 6L, 4, 6L));
        assertThat(catchSinew(() -> db.model("User").delete(Map.of("where", Map.of("id", 3)))).code())
                .isEqualTo("P2025");
        // A unique that is not the identifier takes the statements planned for the call.
        assertThat(db.model("User").delete(Map.of("where", Map.of("name", "u4")))).containsEntry("id", 4);
        assertThat(descendantsOf(db)).isEqualTo(Map.of(2, 6L));

        for (int number : new int[] {2, 1}) {
            assertThat(db.model("Seat").delete(Map.of("where", Map.of("row_number",
                    Map.of("row", 1, "number", number))))).isEqualTo(Map.of("row", 1, "number", number));
        }
        assertThat(db.model("Ticket").findMany(Map.of("select", Map.of("id", true), "orderBy",
                Map.of("id", "asc")))).isEqualTo(List.of(Map.of("id", 30), Map.of("id", 31)));
        assertThat(catchSinew(() -> db.model("Seat").delete(Map.of("where", Map.of("row_number",
                Map.of("row", 1, "number", 1))))).code()).isEqualTo("P2025");
    }

    private static Map<String, Object> post(int id, int firstComment) {
        return Map.of("id", id, "comments", Map.of("create", List.of(Map.of("id", firstComment),
                Map.of("id", firstComment + 1))));
    }

    /** Per remaining user, how many posts and comments are left under it; there must be no others. */
    private static Map<Integer, Long> descendantsOf(Sinew db) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        long all = 0;
        for (Map<String, Object> user : db.model("User").findMany(Map.of("select", Map.of("id", true)))) {
            int id = (Integer) user.get("id");
            long posts = db.model("Post").count(Map.of("where", Map.of("authorId", id)));
            long comments = db.model("Comment").count(Map.of("where",
                    Map.of("post", Map.of("is", Map.of("authorId", id)))));
            out.put(id, posts + comments);
            all += posts + comments;
        }
        assertThat(db.model("Post").count() + db.model("Comment").count()).as("posts and comments of no user")
                .isEqualTo(all);
        return out;
    }
}
