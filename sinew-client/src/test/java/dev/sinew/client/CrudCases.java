package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sinew.schema.model.Datamodel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.sinew.testkit.DatabaseKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads, writes, nested writes and errors, in foreignKeys mode; run on each database by {@link SqliteCrudTest},
 * {@link PostgresCrudTest} and {@link MySqlCrudTest}.
 */
abstract class CrudCases {
    static final String BLOG = """
            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String?
              role    Role     @default(USER)
              posts   Post[]
              profile Profile?
              tags    Tag[]
            }
            model Profile {
              id     Int    @id @default(autoincrement())
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
            }
            model Post {
              id        Int       @id @default(autoincrement())
              title     String
              published Boolean   @default(false)
              views     Int       @default(0)
              score     Float     @default(1.5)
              createdAt DateTime  @default(now())
              authorId  Int
              author    User      @relation(fields: [authorId], references: [id])
              comments  Comment[]
              @@index([authorId])
            }
            model Comment {
              id     Int    @id @default(autoincrement())
              text   String
              postId Int
              post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)
            }
            model Tag {
              id    Int    @id @default(autoincrement())
              name  String @unique
              users User[]
            }
            enum Role {
              USER
              ADMIN
            }
            """;

    static Datamodel schema(String provider, String mode, String models) {
        return Schemas.valid(Schemas.withDatasource(provider, mode, models));
    }

    TestDb database;
    Sinew db;

    abstract DatabaseKind kind();

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(TestDb.available().contains(kind()), kind() + " not chosen");
        Datamodel datamodel = schema(kind().provider(), "foreignKeys", BLOG);
        database = TestDb.create(kind(), "crud");
        database.push(datamodel);
        db = database.client(datamodel);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void createsWithNestedCreatesAndReadsThemBack() {
        Map<String, Object> user = db.model("User").create(Map.of(
                "data", Map.of("email", "ada@example.com", "name", "Ada",
                        "posts", Map.of("create", List.of(Map.of("title", "One"), Map.of("title", "Two",
                                "comments", Map.of("create", Map.of("text", "nice")))))),
                "include", Map.of("posts", Map.of("include", Map.of("comments", true), "orderBy", Map.of("id", "asc")))));
        assertThat(user).containsEntry("email", "ada@example.com").containsEntry("role", "USER");
        assertThat(user.keySet()).containsExactly("id", "email", "name", "role", "posts");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> posts = (List<Map<String, Object>>) user.get("posts");
        assertThat(posts).extracting(p -> p.get("title")).containsExactly("One", "Two");
        assertThat(posts.get(0)).containsEntry("published", false).containsEntry("views", 0)
                .containsEntry("score", 1.5).containsEntry("authorId", user.get("id"));
        assertThat(posts.get(0).get("createdAt")).isInstanceOf(Instant.class);
        assertThat((List<?>) posts.get(1).get("comments")).hasSize(1);
        assertThat((List<?>) posts.get(0).get("comments")).isEmpty();
    }

    @Test
    void filtersOrdersAndPages() {
        seed();
        ModelClient posts = db.model("Post");
        assertThat(posts.findMany(Map.of("where", Map.of("title", Map.of("startsWith", "P")),
                "orderBy", Map.of("title", "desc")))).extracting(p -> p.get("title"))
                .containsExactly("Post 3", "Post 2", "Post 1");
        assertThat(posts.findMany(Map.of("where", Map.of("views", Map.of("gte", 10, "lt", 30)))))
                .extracting(p -> p.get("title")).containsExactlyInAnyOrder("Post 1", "Post 2");
        assertThat(posts.findMany(Map.of("where", Map.of("OR", List.of(Map.of("views", 10),
                Map.of("title", Map.of("endsWith", "3"))))))).hasSize(2);
        assertThat(posts.findMany(Map.of("where", Map.of("NOT", Map.of("title", Map.of("in",
                List.of("Post 1", "Post 2"))))))).extracting(p -> p.get("title")).containsExactly("Post 3");
        assertThat(posts.findMany(Map.of("where", Map.of("title", Map.of("notIn", List.of()))))).hasSize(3);
        assertThat(posts.findMany(Map.of("where", Map.of("title", Map.of("in", List.of()))))).isEmpty();
        assertThat(posts.findMany(Map.of("orderBy", List.of(Map.of("views", "desc")), "skip", 1, "take", 1)))
                .extracting(p -> p.get("title")).containsExactly("Post 2");
        assertThat(posts.findMany(Map.of("orderBy", Map.of("id", "asc"), "take", -2)))
                .extracting(p -> p.get("title")).containsExactly("Post 2", "Post 3");
        Object second = posts.findMany(Map.of("orderBy", Map.of("id", "asc"))).get(1).get("id");
        assertThat(posts.findMany(Map.of("orderBy", Map.of("id", "asc"), "cursor", Map.of("id", second),
                "take", 5))).extracting(p -> p.get("title")).containsExactly("Post 2", "Post 3");
        assertThat(posts.findMany(Map.of("orderBy", Map.of("id", "asc"), "cursor", Map.of("id", second),
                "skip", 1))).extracting(p -> p.get("title")).containsExactly("Post 3");
        assertThat(posts.findMany(Map.of("distinct", List.of("authorId")))).hasSize(2);
        assertThat(posts.count(Map.of("where", Map.of("published", true)))).isEqualTo(1);
        assertThat(posts.count()).isEqualTo(3);
        assertThat(posts.findFirst(Map.of("where", Map.of("views", Map.of("gt", 100))))).isNull();
        assertThat(posts.findFirst(Map.of("orderBy", Map.of("views", "desc")))).containsEntry("title", "Post 3");
    }

    @Test
    void relationFiltersAndCounts() {
        seed();
        ModelClient users = db.model("User");
        assertThat(users.findMany(Map.of("where", Map.of("posts", Map.of("some", Map.of("published", true))))))
                .extracting(u -> u.get("email")).containsExactly("a@x");
        assertThat(users.findMany(Map.of("where", Map.of("posts", Map.of("every", Map.of("published", false))))))
                .extracting(u -> u.get("email")).containsExactlyInAnyOrder("b@x", "c@x");
        assertThat(users.findMany(Map.of("where", Map.of("posts", Map.of("none", Map.of())))))
                .extracting(u -> u.get("email")).containsExactly("c@x");
        assertThat(db.model("Post").findMany(Map.of("where", Map.of("author", Map.of("is",
                Map.of("email", "b@x")))))).extracting(p -> p.get("title")).containsExactly("Post 3");
        assertThat(db.model("Post").findMany(Map.of("where", Map.of("author", Map.of("email", "b@x")))))
                .hasSize(1);
        assertThat(users.findMany(Map.of("where", Map.of("profile", Map.of("isNot", Map.of("bio", "x")))))).hasSize(3);
        assertThat(users.findMany(Map.of("where", java.util.Collections.singletonMap("profile", null)))).hasSize(3);
        List<Map<String, Object>> counted = users.findMany(Map.of("orderBy", Map.of("email", "asc"),
                "select", Map.of("email", true, "_count", Map.of("select", Map.of("posts", true)))));
        assertThat(counted.get(0)).isEqualTo(Map.of("email", "a@x", "_count", Map.of("posts", 2)));
        assertThat(counted.get(2)).isEqualTo(Map.of("email", "c@x", "_count", Map.of("posts", 0)));
        assertThat(users.findMany(Map.of("orderBy", Map.of("posts", Map.of("_count", "desc")), "take", 1)))
                .extracting(u -> u.get("email")).containsExactly("a@x");
        assertThat(db.model("Post").findMany(Map.of("orderBy", List.of(Map.of("author", Map.of("email", "desc")),
                Map.of("title", "asc"))))).extracting(p -> p.get("title")).containsExactly("Post 3", "Post 1", "Post 2");
        List<Map<String, Object>> firstPosts = users.findMany(Map.of("orderBy", Map.of("email", "asc"),
                "select", Map.of("email", true, "posts", Map.of("select", Map.of("title", true),
                        "orderBy", Map.of("title", "desc"), "take", 1))));
        assertThat(firstPosts.get(0).get("posts")).isEqualTo(List.of(Map.of("title", "Post 2")));
        assertThat(firstPosts.get(1).get("posts")).isEqualTo(List.of(Map.of("title", "Post 3")));
    }

    /**
     * A cursor over an order by an enum field: rows are compared with the cursor record's value in the order the
     * database sorts the enum by (on MySQL a comparison would compare it as text, on PostgreSQL a bound text value
     * would not compare with the enum at all).
     */
    @Test
    void cursorOverAnEnumOrder() {
        seed();
        ModelClient users = db.model("User");
        users.update(Map.of("where", Map.of("email", "b@x"), "data", Map.of("role", "ADMIN")));
        for (String direction : List.of("asc", "desc")) {
            List<Object> order = List.of(Map.of("role", direction), Map.of("email", "asc"));
            // The database decides the enum's order (its declared order on PostgreSQL and MySQL, text on SQLite);
            // the page from a cursor must follow the same order.
            List<Object> all = users.findMany(Map.of("orderBy", order)).stream().map(u -> u.get("email")).toList();
            for (Object email : all) {
                List<Map<String, Object>> page = users.findMany(Map.of("orderBy", order, "cursor",
                        Map.of("email", email)));
                assertThat(page).extracting(u -> u.get("email")).as("%s from %s", direction, email)
                        .containsExactlyElementsOf(all.subList(all.indexOf(email), all.size()));
            }
        }
    }

    /**
     * A cursor on an included relation, as Prisma pages it: each parent's records start at the cursor record, so
     * only the parent holding it gets any; then skip and take, a negative take counting back from the cursor.
     */
    @Test
    void includedRelationsPageFromACursor() {
        seed();
        ModelClient users = db.model("User");
        Map<String, Object> post1 = db.model("Post").findFirst(Map.of("where", Map.of("title", "Post 1")));
        Map<String, Object> post2 = db.model("Post").findFirst(Map.of("where", Map.of("title", "Post 2")));
        java.util.function.Function<Map<String, Object>, List<List<Object>>> titles = page -> users.findMany(Map.of(
                "orderBy", Map.of("email", "asc"),
                "select", Map.of("posts", page))).stream()
                .map(u -> ((List<?>) u.get("posts")).stream().map(p -> ((Map<?, ?>) p).get("title")).toList())
                .map(l -> List.<Object>copyOf(l)).toList();
        Map<String, Object> byId = Map.of("id", "asc");
        assertThat(titles.apply(Map.of("orderBy", byId, "cursor", Map.of("id", post2.get("id")))))
                .containsExactly(List.of("Post 2"), List.of(), List.of());
        assertThat(titles.apply(Map.of("orderBy", byId, "cursor", Map.of("id", post1.get("id")), "skip", 1)))
                .containsExactly(List.of("Post 2"), List.of(), List.of());
        assertThat(titles.apply(Map.of("orderBy", byId, "cursor", Map.of("id", post2.get("id")), "take", -5)))
                .containsExactly(List.of("Post 1", "Post 2"), List.of(), List.of());
        assertThat(titles.apply(Map.of("orderBy", Map.of("title", "desc"), "cursor", Map.of("id", post2.get("id")))))
                .containsExactly(List.of("Post 2", "Post 1"), List.of(), List.of());
        assertThat(titles.apply(Map.of("cursor", Map.of("id", post1.get("id")), "take", 1)))
                .containsExactly(List.of("Post 1"), List.of(), List.of());
        assertThat(titles.apply(Map.of("where", Map.of("title", "Post 1"), "cursor", Map.of("id", post2.get("id")))))
                .containsExactly(List.of(), List.of(), List.of());
        Object missing = post2.get("id") instanceof String ? "missing" : 999_999;
        assertThat(titles.apply(Map.of("cursor", Map.of("id", missing))))
                .containsExactly(List.of(), List.of(), List.of());
        // without a cursor too: a negative take after distinct keeps the last records, not the first
        assertThat(titles.apply(Map.of("orderBy", byId, "distinct", List.of("published"), "take", -1)))
                .containsExactly(List.of("Post 2"), List.of("Post 3"), List.of());
        assertThat(titles.apply(Map.of("orderBy", byId, "distinct", List.of("authorId"), "take", -1)))
                .containsExactly(List.of("Post 2"), List.of("Post 3"), List.of());
        assertThat(titles.apply(Map.of("orderBy", byId, "distinct", List.of("authorId"), "take", 1)))
                .containsExactly(List.of("Post 1"), List.of("Post 3"), List.of());
    }

    /** A negative skip on an included relation is refused as on findMany, whether paged in SQL or in memory. */
    @Test
    void aNegativeSkipOnAnIncludedRelationIsRefused() {
        seed();
        Map<String, Object> post1 = db.model("Post").findFirst(Map.of("where", Map.of("title", "Post 1")));
        for (Map<String, Object> page : List.<Map<String, Object>>of(Map.of("skip", -1),
                Map.of("skip", -1, "cursor", Map.of("id", post1.get("id"))),
                Map.of("skip", -1, "distinct", List.of("published")))) {
            SinewException error = catchSinew(() -> db.model("User").findMany(Map.of(
                    "select", Map.of("posts", page))));
            assertThat(error.code()).as("%s", page).isEqualTo("P2009");
            assertThat(error.getMessage()).isEqualTo(
                    "Argument `skip`: Invalid value provided. Expected a non-negative Int, provided Int.");
        }
    }

    @Test
    void updatesWithAtomicOperationsAndNestedWrites() {
        seed();
        ModelClient posts = db.model("Post");
        Object id = posts.findFirst(Map.of("where", Map.of("title", "Post 1"))).get("id");
        Map<String, Object> updated = posts.update(Map.of("where", Map.of("id", id),
                "data", Map.of("views", Map.of("increment", 5), "score", Map.of("multiply", 2),
                        "title", Map.of("set", "Renamed"))));
        assertThat(updated).containsEntry("views", 15).containsEntry("score", 3.0).containsEntry("title", "Renamed");
        Map<String, Object> user = db.model("User").update(Map.of("where", Map.of("email", "a@x"),
                "data", Map.of("posts", Map.of("updateMany", Map.of("where", Map.of(), "data", Map.of("views", 0)),
                        "create", Map.of("title", "Post 4")),
                        "tags", Map.of("connectOrCreate", List.of(Map.of("where", Map.of("name", "java"),
                                "create", Map.of("name", "java")))),
                        "profile", Map.of("upsert", Map.of("create", Map.of("bio", "hi"),
                                "update", Map.of("bio", "ho")))),
                "include", Map.of("posts", true, "tags", true, "profile", true)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> userPosts = (List<Map<String, Object>>) user.get("posts");
        assertThat(userPosts).hasSize(3).extracting(p -> p.get("views")).containsOnly(0);
        assertThat((List<?>) user.get("tags")).hasSize(1);
        assertThat(user.get("profile")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("bio", "hi");
        Map<String, Object> again = db.model("User").update(Map.of("where", Map.of("email", "a@x"),
                "data", Map.of("profile", Map.of("upsert", Map.of("create", Map.of("bio", "hi"),
                        "update", Map.of("bio", "ho"))), "tags", Map.of("set", List.of())),
                "include", Map.of("profile", true, "tags", true)));
        assertThat(again.get("profile")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("bio", "ho");
        assertThat((List<?>) again.get("tags")).isEmpty();
        assertThat(db.model("Tag").count()).isEqualTo(1);
        assertThat(db.model("Post").updateMany(Map.of("where", Map.of("published", false),
                "data", Map.of("published", true)))).isEqualTo(Map.of("count", 3));
    }

    @Test
    void deletesAndCounts() {
        seed();
        assertThat(db.model("Comment").deleteMany(Map.of())).isEqualTo(Map.of("count", 1));
        Map<String, Object> deleted = db.model("Post").delete(Map.of("where", Map.of("id",
                db.model("Post").findFirst(Map.of("where", Map.of("title", "Post 3"))).get("id")),
                "select", Map.of("title", true)));
        assertThat(deleted).isEqualTo(Map.of("title", "Post 3"));
        assertThat(db.model("Post").count()).isEqualTo(2);
    }

    /** {@code limit} on updateMany and deleteMany (Prisma 6.3): at most that many records change. */
    @Test
    void updateManyAndDeleteManyTakeALimit() {
        seed();
        ModelClient posts = db.model("Post");
        assertThat(posts.updateMany(Map.of("where", Map.of("views", Map.of("gte", 10)), "data", Map.of("views", 1),
                "limit", 2))).isEqualTo(Map.of("count", 2));
        assertThat(posts.count(Map.of("where", Map.of("views", 1)))).isEqualTo(2);
        assertThat(posts.updateMany(Map.of("where", Map.of(), "data", Map.of(), "limit", 2)))
                .isEqualTo(Map.of("count", 2));
        assertThat(posts.deleteMany(Map.of("limit", 0))).isEqualTo(Map.of("count", 0));
        assertThat(posts.deleteMany(Map.of("where", Map.of("title", Map.of("startsWith", "Post")), "limit", 2)))
                .isEqualTo(Map.of("count", 2));
        assertThat(posts.count()).isEqualTo(1);
        SinewException negative = catchSinew(() -> posts.deleteMany(Map.of("limit", -1)));
        assertThat(negative.code()).isEqualTo("P2019");
        assertThat(negative.getMessage()).isEqualTo("Input error. Provided limit (-1) must be a positive integer.");
        assertThat(posts.count()).isEqualTo(1);
    }

    @Test
    void reportsPrismaErrors() {
        seed();
        ModelClient users = db.model("User");
        SinewException unique = catchSinew(() -> users.create(Map.of("data", Map.of("email", "a@x"))));
        assertThat(unique.code()).isEqualTo("P2002");
        assertThat(unique.getMessage()).isEqualTo("Unique constraint failed on the fields: (`email`)");
        SinewException missing = catchSinew(() -> users.update(Map.of("where", Map.of("id", 999),
                "data", Map.of("name", "x"))));
        assertThat(missing.code()).isEqualTo("P2025");
        assertThat(missing.getMessage()).isEqualTo("An operation failed because it depends on one or more records"
                + " that were required but not found. No record was found for an update.");
        assertThat(catchSinew(() -> users.delete(Map.of("where", Map.of("id", 999)))).getMessage())
                .endsWith("No record was found for a delete.");
        assertThat(catchSinew(() -> users.findUniqueOrThrow(Map.of("where", Map.of("id", 999)))).getMessage())
                .endsWith("No record was found for a query.");
        SinewException connect = catchSinew(() -> db.model("Post").create(Map.of("data", Map.of("title", "t",
                "author", Map.of("connect", Map.of("id", 999))))));
        assertThat(connect.code()).isEqualTo("P2025");
        assertThat(connect.getMessage()).endsWith("No 'User' record (needed to inline the relation on 'Post'"
                + " record(s)) was found for a nested connect on one-to-many relation 'PostToUser'.");
        SinewException foreignKey = catchSinew(() -> db.model("Post").create(Map.of("data",
                Map.of("title", "t", "authorId", 999))));
        assertThat(foreignKey.code()).isEqualTo("P2003");
        assertThat(foreignKey.getMessage()).isEqualTo(kind() == DatabaseKind.SQLITE
                ? "Foreign key constraint violated on the foreign key"
                : "Foreign key constraint violated on the constraint: `Post_authorId_fkey`");
        SinewException restrict = catchSinew(() -> users.delete(Map.of("where", Map.of("email", "a@x"))));
        assertThat(restrict.code()).isEqualTo("P2003");
        SinewException unknown = catchSinew(() -> users.findMany(Map.of("wher", Map.of())));
        assertThat(unknown.code()).isEqualTo("P2009");
        assertThat(unknown.getMessage()).startsWith("Unknown argument `wher`. Did you mean `where`?");
        assertThat(catchSinew(() -> users.findMany(Map.of("where", Map.of("idd", 1)))).getMessage())
                .contains("Unknown argument `idd`").contains("Did you mean `id`?");
        assertThat(catchSinew(() -> users.findMany(Map.of("where", Map.of("id", "x")))).getMessage())
                .isEqualTo("Argument `id`: Invalid value provided. Expected Int, provided String.");
        assertThat(catchSinew(() -> users.findMany(Map.of("select", Map.of("idd", true)))).getMessage())
                .startsWith("Unknown field `idd` for select statement on model `User`. Did you mean `id`?");
        assertThat(catchSinew(() -> users.findUnique(Map.of("where", Map.of("name", "x")))).getMessage())
                .isEqualTo("Argument `where` of type UserWhereUniqueInput needs at least one of `id` or `email`"
                        + " arguments.");
        assertThat(catchSinew(() -> db.model("Nope")).getMessage()).startsWith("Unknown model `Nope`.");
        assertThat(catchSinew(() -> users.create(Map.of("data", Map.of("name", "x")))).getMessage())
                .isEqualTo("Argument `email` is missing in data.");
    }

    /**
     * {@code skipDuplicates} skips the rows that would duplicate a unique key, and only those: a row that references
     * no record or does not fit its column fails the whole call, as without it (MySQL's {@code INSERT IGNORE} would
     * skip the first silently and store the second cut short).
     */
    @Test
    void createManySkipsDuplicatesAndNothingElse() {
        seed();
        ModelClient users = db.model("User");
        assertThat(users.createMany(Map.of("data", List.of(Map.of("email", "a@x"), Map.of("email", "d@x"),
                Map.of("email", "d@x")), "skipDuplicates", true))).isEqualTo(Map.of("count", 1));
        assertThat(users.count()).isEqualTo(4);
        Object author = users.findUnique(Map.of("where", Map.of("email", "d@x"))).get("id");
        SinewException missingAuthor = catchSinew(() -> db.model("Post").createMany(Map.of("data", List.of(
                Map.of("title", "kept?", "authorId", author), Map.of("title", "orphan", "authorId", 999)),
                "skipDuplicates", true)));
        assertThat(missingAuthor.code()).isEqualTo("P2003");
        if (kind() == DatabaseKind.MYSQL) {
            // a String is a VARCHAR(191) there
            SinewException tooLong = catchSinew(() -> users.createMany(Map.of("data", List.of(
                    Map.of("email", "e@x"), Map.of("email", "f@x", "name", "n".repeat(200))), "skipDuplicates", true)));
            assertThat(tooLong.code()).isEqualTo("P2000");
            assertThat(tooLong.getMessage()).isEqualTo("The provided value for the column is too long for the"
                    + " column's type. Column: name");
            assertThat(users.count()).isEqualTo(4);
        }
        assertThat(db.model("Post").count(Map.of("where", Map.of("authorId", author)))).isZero();
    }

    @Test
    void writesAreAtomic() {
        seed();
        long before = db.model("Post").count();
        SinewException failure = catchSinew(() -> db.model("User").create(Map.of("data", Map.of("email", "new@x",
                "posts", Map.of("create", List.of(Map.of("title", "ok"), Map.of("title", "dup", "id", 1)))))));
        assertThat(failure.code()).isEqualTo("P2002");
        assertThat(db.model("Post").count()).isEqualTo(before);
        assertThat(db.model("User").findUnique(Map.of("where", Map.of("email", "new@x")))).isNull();
    }

    /**
     * Renumbering a user onto another's id: PostgreSQL and SQLite refuse the duplicate identifier, MariaDB first
     * finds that the cascade to the profiles would duplicate their unique foreign key (its error 1761). Both are
     * P2002, and nothing changes.
     */
    @Test
    void aKeyChangeThatWouldDuplicateACascadedUniqueKeyIsAUniqueViolation() {
        Map<String, Object> ada = db.model("User").create(Map.of("data", Map.of("email", "ada@x",
                "profile", Map.of("create", Map.of("bio", "a")))));
        Map<String, Object> bob = db.model("User").create(Map.of("data", Map.of("email", "bob@x",
                "profile", Map.of("create", Map.of("bio", "b")))));
        SinewException failure = catchSinew(() -> db.model("User").update(Map.of("where", Map.of("id", ada.get("id")),
                "data", Map.of("id", bob.get("id")))));
        assertThat(failure.code()).as(failure.getMessage()).isEqualTo("P2002");
        assertThat(db.model("Profile").findMany(Map.of("orderBy", Map.of("bio", "asc"))))
                .extracting(p -> p.get("userId")).containsExactly(ada.get("id"), bob.get("id"));
    }

    @Test
    void interactiveTransactionsCommitOrRollBackTogether() {
        seed();
        db.transaction(tx -> {
            tx.model("User").create(Map.of("data", Map.of("email", "t1@x")));
            return tx.model("User").create(Map.of("data", Map.of("email", "t2@x")));
        });
        assertThat(db.model("User").count(Map.of("where", Map.of("email", Map.of("startsWith", "t"))))).isEqualTo(2);
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.model("User").create(Map.of("data", Map.of("email", "t3@x")));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(db.model("User").findUnique(Map.of("where", Map.of("email", "t3@x")))).isNull();
        db.transaction(tx -> {
            SinewException duplicate = catchSinew(() -> tx.model("User").create(Map.of("data", Map.of("email",
                    "t1@x"))));
            assertThat(duplicate.code()).isEqualTo("P2002");
            return tx.model("User").create(Map.of("data", Map.of("email", "t4@x")));
        });
        assertThat(db.model("User").findUnique(Map.of("where", Map.of("email", "t4@x")))).isNotNull();
    }

    /**
     * Prisma's {@code isolationLevel}: the transaction runs at the level asked, and the connection goes back to the
     * pool at the database's default. SQLite's transactions are serializable; it refuses the other levels.
     */
    @Test
    void transactionsRunAtTheIsolationLevelAsked() {
        if (kind() == DatabaseKind.SQLITE) {
            long users = db.transaction(IsolationLevel.SERIALIZABLE, tx -> tx.model("User").count());
            assertThat(users).isZero();
            SinewException refused = catchSinew(() -> db.transaction(IsolationLevel.READ_COMMITTED,
                    tx -> tx.model("User").count()));
            assertThat(refused.code()).isEqualTo("P2023");
            assertThat(refused.getMessage()).isEqualTo("Error in connector: Conversion error: READ COMMITTED");
            return;
        }
        String show = kind() == DatabaseKind.MYSQL ? "SELECT @@tx_isolation AS level" : "SHOW transaction_isolation";
        Object asked = db.transaction(IsolationLevel.SERIALIZABLE, tx -> tx.queryRaw(show).get(0).values()
                .iterator().next());
        assertThat(String.valueOf(asked)).isEqualToIgnoringCase("serializable");
        Object other = db.transaction(IsolationLevel.READ_COMMITTED, tx -> tx.queryRaw(show).get(0).values()
                .iterator().next());
        assertThat(String.valueOf(other).replace('-', ' ')).isEqualToIgnoringCase("read committed");
        Object byDefault = db.transaction(tx -> tx.queryRaw(show).get(0).values().iterator().next());
        assertThat(String.valueOf(byDefault).replace('-', ' ')).isEqualToIgnoringCase(
                kind() == DatabaseKind.MYSQL ? "repeatable read" : "read committed");
    }

    /**
     * Calls made through one transaction from several threads at once (Prisma queues the queries of a transaction
     * given to {@code Promise.all}) run one after the other: a call that fails undoes only itself, never the calls
     * of other threads that ran meanwhile, and everything that succeeded commits.
     */
    @Test
    void aTransactionUsedFromSeveralThreadsRunsItsCallsOneAfterTheOther() throws Exception {
        db.model("User").create(Map.of("data", Map.of("email", "taken@x")));
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<String> outcomes = db.transaction(tx -> {
                List<java.util.concurrent.Future<String>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    String email = i % 2 == 0 ? "taken@x" : "user" + i + "@x";
                    calls.add(threads.submit(() -> {
                        try {
                            tx.model("User").create(Map.of("data", Map.of("email", email, "posts", Map.of(
                                    "create", List.of(Map.of("title", email))))));
                            return "ok";
                        } catch (SinewException e) {
                            return e.code();
                        }
                    }));
                }
                List<String> results = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<String> call : calls) {
                    try {
                        results.add(call.get(60, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return results;
            });
            assertThat(outcomes).containsOnly("ok", "P2002").filteredOn("ok"::equals).hasSize(40);
            assertThat(db.model("User").count()).isEqualTo(41);
            assertThat(db.model("Post").count()).isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Prisma's transaction {@code timeout}: once the transaction has run that long it is rolled back while its body
     * still runs, so that its locks go at once (another writer of the same record gets through); the body's next
     * call and the commit fail with P2028 in Prisma's words, and nothing of the transaction remains.
     */
    @Test
    void aTransactionThatOutlivesItsTimeoutIsRolledBackAndFreesItsLocks() throws Exception {
        long id = ((Number) db.model("User").create(Map.of("data", Map.of("email", "held@x"))).get("id")).longValue();
        Map<String, Object> where = Map.of("id", id);
        TransactionOptions options = TransactionOptions.defaults().withTimeout(java.time.Duration.ofMillis(300));
        java.util.concurrent.CountDownLatch otherWriterDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> otherWriter = new java.util.concurrent.CompletableFuture<>();
        SinewException afterTimeout = catchSinew(() -> db.transaction(options, tx -> {
            tx.model("User").update(Map.of("where", where, "data", Map.of("name", "inside")));
            tx.model("User").create(Map.of("data", Map.of("email", "inside@x")));
            // another writer of the same record: it waits for the row (or SQLite's write) lock until the timeout
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                db.model("User").update(Map.of("where", where, "data", Map.of("name", "outside")));
                otherWriterDone.countDown();
            }).whenComplete((done, failure) -> {
                if (failure != null) {
                    otherWriter.completeExceptionally(failure);
                } else {
                    otherWriter.complete(null);
                }
            });
            try {
                assertThat(otherWriterDone.await(20, java.util.concurrent.TimeUnit.SECONDS))
                        .as("the other writer got through while the expired transaction's body still ran").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return tx.model("User").count();
        }));
        otherWriter.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(afterTimeout.code()).isEqualTo("P2028");
        assertThat(afterTimeout.getMessage()).matches("Transaction API error: A query cannot be executed on an"
                + " expired transaction\\. The timeout for this transaction was 300 ms, however \\d+ ms passed since the"
                + " start of the transaction\\. Consider increasing the interactive transaction timeout or doing less"
                + " work in the transaction\\.");
        assertThat(afterTimeout.meta()).containsEntry("operation", "query").containsEntry("timeout", 300L);
        assertThat(db.model("User").findUnique(Map.of("where", where)).get("name")).isEqualTo("outside");
        assertThat(db.model("User").count(Map.of("where", Map.of("email", "inside@x")))).isZero();

        SinewException atCommit = catchSinew(() -> db.transaction(options, tx -> {
            tx.model("User").create(Map.of("data", Map.of("email", "late@x")));
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertThat(atCommit.getMessage()).startsWith("Transaction API error: A commit cannot be executed on an expired"
                + " transaction.");
        assertThat(db.model("User").count(Map.of("where", Map.of("email", "late@x")))).isZero();
        long users = db.transaction(options, tx -> tx.model("User").count());
        assertThat(users).as("a transaction within its time: only the record made before").isEqualTo(1L);
    }

    /**
     * {@code in} and {@code notIn} with lists longer than a driver takes parameters (PostgreSQL's 65,535): Prisma
     * fails there or splits the query (and cannot for {@code notIn}); Sinew sends a long list as one array where the
     * database has arrays. Every type the lists hold must compare as the column does.
     */
    @Test
    void inFiltersTakeListsLongerThanTheDriversParameterLimit() {
        List<Map<String, Object>> users = new java.util.ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            users.add(Map.of("id", i, "email", "user" + i + "@x", "role", i % 3 == 0 ? "ADMIN" : "USER"));
        }
        db.model("User").createMany(Map.of("data", users));
        db.model("Post").createMany(Map.of("data", List.of(
                Map.of("title", "a", "authorId", 1, "createdAt", java.time.Instant.parse("2024-01-01T10:00:00Z")),
                Map.of("title", "b", "authorId", 2, "createdAt", java.time.Instant.parse("2024-01-02T10:00:00Z")))));
        List<Object> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 70_000; i++) {
            ids.add(i);
        }
        assertThat(db.model("User").count(Map.of("where", Map.of("id", Map.of("in", ids))))).isEqualTo(1500);
        assertThat(db.model("User").count(Map.of("where", Map.of("id", Map.of("notIn", ids.subList(0, 1200))))))
                .isEqualTo(300);
        assertThat(db.model("User").findMany(Map.of("where", Map.of("id", Map.of("in", ids)), "orderBy",
                Map.of("id", "desc"), "take", 2, "select", Map.of("id", true))))
                .containsExactly(Map.of("id", 1500), Map.of("id", 1499));

        List<Object> emails = new java.util.ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            emails.add("USER" + i + "@X");
        }
        assertThat(db.model("User").count(Map.of("where", Map.of("email", Map.of("in", emails)))))
                .as("case-sensitive").isEqualTo(kind() == DatabaseKind.MYSQL ? 1200 : 0);
        assertThat(db.model("User").count(Map.of("where", Map.of("email", Map.of("in", emails, "mode",
                "insensitive"))))).isEqualTo(1200);

        List<Object> roles = new java.util.ArrayList<>();
        List<Object> instants = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            roles.add("ADMIN");
            instants.add(java.time.Instant.parse("2024-01-01T10:00:00Z").plusSeconds(3600L * 24 * 365 * (i + 1)));
        }
        instants.add(java.time.Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(db.model("User").count(Map.of("where", Map.of("role", Map.of("in", roles))))).isEqualTo(500);
        assertThat(db.model("Post").findMany(Map.of("where", Map.of("createdAt", Map.of("in", instants)),
                "select", Map.of("title", true)))).containsExactly(Map.of("title", "b"));

        db.model("Post").deleteMany(Map.of());
        assertThat(db.model("User").deleteMany(Map.of("where", Map.of("id", Map.of("in", ids)))))
                .isEqualTo(Map.of("count", 1500));
    }

    /**
     * A connect of several records by identifier reads them in one statement; the records not found, a record named
     * twice, and records named by another unique (read one by one) must come out as before.
     */
    @Test
    void connectsOfSeveralRecordsFindEachOrSayHowManyWereMissing() {
        long user = ((Number) db.model("User").create(Map.of("data", Map.of("email", "c@x"))).get("id")).longValue();
        List<Object> tagIds = new java.util.ArrayList<>();
        for (String name : List.of("t1", "t2", "t3")) {
            tagIds.add(db.model("Tag").create(Map.of("data", Map.of("name", name))).get("id"));
        }
        Map<String, Object> where = Map.of("id", user);
        SinewException missingTag = catchSinew(() -> db.model("User").update(Map.of("where", where, "data",
                Map.of("tags", Map.of("connect", List.of(Map.of("id", tagIds.get(0)), Map.of("id", 999_999),
                        Map.of("id", tagIds.get(1))))))));
        assertThat(missingTag.code()).isEqualTo("P2025");
        assertThat(missingTag.getMessage()).endsWith("Expected 3 records to be connected, found only 2.");
        db.model("User").update(Map.of("where", where, "data", Map.of("tags", Map.of("connect", List.of(
                Map.of("id", tagIds.get(2)), Map.of("id", tagIds.get(0)), Map.of("id", tagIds.get(2)))))));
        db.model("User").update(Map.of("where", where, "data", Map.of("tags", Map.of("connect", List.of(
                Map.of("name", "t2"), Map.of("id", tagIds.get(1)))))));
        assertThat(db.model("Tag").count(Map.of("where", Map.of("users", Map.of("some", Map.of("id", user))))))
                .isEqualTo(3);

        long other = ((Number) db.model("User").create(Map.of("data", Map.of("email", "d@x"))).get("id"))
                .longValue();
        List<Object> postIds = new java.util.ArrayList<>();
        for (String title : List.of("p1", "p2")) {
            postIds.add(db.model("Post").create(Map.of("data", Map.of("title", title, "authorId", other))).get("id"));
        }
        SinewException missingPost = catchSinew(() -> db.model("User").update(Map.of("where", where, "data",
                Map.of("posts", Map.of("connect", List.of(Map.of("id", postIds.get(0)), Map.of("id", 999_999)))))));
        assertThat(missingPost.code()).isEqualTo("P2018");
        assertThat(missingPost.getMessage()).isEqualTo("The required connected records were not found. Expected 2"
                + " records to be connected after connect operation on one-to-many relation 'PostToUser', found 1.");
        assertThat(db.model("Post").count(Map.of("where", Map.of("authorId", user)))).as("nothing connected")
                .isZero();
        db.model("User").update(Map.of("where", where, "data", Map.of("posts", Map.of("connect", List.of(
                Map.of("id", postIds.get(1)), Map.of("id", postIds.get(0)))))));
        assertThat(db.model("Post").count(Map.of("where", Map.of("authorId", user)))).isEqualTo(2);
    }

    @Test
    void rawQueriesAreSentAsWritten() {
        seed();
        assertThat(db.executeRaw("UPDATE " + q("Post") + " SET " + q("views") + " = ? WHERE " + q("title") + " = ?",
                77, "Post 1")).isEqualTo(1);
        List<Map<String, Object>> rows = db.queryRaw("SELECT " + q("views") + " AS v FROM " + q("Post") + " WHERE "
                + q("title") + " = ?", "Post 1");
        assertThat(((Number) rows.get(0).get("v")).intValue()).isEqualTo(77);
        SinewException bad = catchSinew(() -> db.queryRaw("SELEC 1"));
        assertThat(bad.code()).isEqualTo("P2010");
    }

    String q(String identifier) {
        return database.quote(identifier);
    }

    void seed() {
        db.model("User").create(Map.of("data", Map.of("email", "a@x", "posts", Map.of("create", List.of(
                Map.of("title", "Post 1", "views", 10, "published", true),
                Map.of("title", "Post 2", "views", 20, "comments", Map.of("create", Map.of("text", "c"))))))));
        db.model("User").create(Map.of("data", Map.of("email", "b@x", "posts", Map.of("create", Map.of(
                "title", "Post 3", "views", 30)))));
        db.model("User").create(Map.of("data", Map.of("email", "c@x")));
    }

    static SinewException catchSinew(Runnable call) {
        try {
            call.run();
        } catch (SinewException e) {
            return e;
        }
        throw new AssertionError("expected a SinewException");
    }
}
