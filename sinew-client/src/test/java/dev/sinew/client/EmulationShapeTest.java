package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shape of the emulation's SQL: one statement per relation per level whatever the number of rows, no child
 * keys sent by the client, Restrict checks that read one row, locks before changes; and the create check's switch.
 */
class EmulationShapeTest {
    static final String MODELS = """
            model User {
              id       Int       @id
              posts    Post[]
              profile  Profile?
              comments Comment[]
            }

            model Profile {
              id     Int   @id
              userId Int?  @unique
              user   User? @relation(fields: [userId], references: [id], onDelete: SetNull)
            }

            model Post {
              id       Int       @id
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]

              @@index([authorId])
            }

            model Comment {
              id       Int   @id
              postId   Int
              post     Post  @relation(fields: [postId], references: [id], onDelete: Cascade)
              writerId Int?
              writer   User? @relation(fields: [writerId], references: [id], onDelete: Restrict)

              @@index([postId])
              @@index([writerId])
            }
            """;

    @TestFactory
    Stream<DynamicTest> statementsDoNotGrowWithTheRows() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", MODELS));
            try (TestDb database = TestDb.create(kind, "shape")) {
                database.push(datamodel);
                List<String> statements = new ArrayList<>();
                try (Sinew db = database.clientBuilder(datamodel).onStatement(statements::add).build()) {
                    seed(db, 1, 2, 2);
                    seed(db, 2, 40, 25);
                    statements.clear();
                    db.model("User").delete(Map.of("where", Map.of("id", 1)));
                    List<String> small = new ArrayList<>(statements);
                    statements.clear();
                    db.model("User").delete(Map.of("where", Map.of("id", 2)));
                    List<String> large = new ArrayList<>(statements);

                    assertThat(large).hasSameSizeAs(small);
                    assertThat(db.model("Post").count()).isZero();
                    assertThat(db.model("Comment").count()).isZero();
                    assertThat(db.model("Profile").findUnique(Map.of("where", Map.of("id", 2))))
                            .containsEntry("userId", null);
                    for (int i = 0; i < small.size(); i++) {
                        assertThat(countParameters(large.get(i))).as(large.get(i))
                                .isEqualTo(countParameters(small.get(i))).isLessThanOrEqualTo(2);
                    }
                    String restrict = large.stream().filter(s -> s.contains("writerId")
                            && s.startsWith("SELECT 1")).findFirst().orElseThrow();
                    assertThat(restrict).contains("LIMIT 1");
                    int firstChange = indexOf(large, "DELETE FROM");
                    assertThat(indexOf(large, "writerId")).isLessThan(firstChange);
                    if (kind != DatabaseKind.SQLITE) {
                        assertThat(large.get(0)).contains("FOR UPDATE");
                        assertThat(large.stream().filter(s -> s.contains("FOR UPDATE")).count())
                                .as("the root and the posts are locked before the change").isEqualTo(2);
                        assertThat(indexOf(large, "FOR UPDATE)")).isLessThan(firstChange);
                    }
                }
            }
        }));
    }

    /**
     * The emulation finds the rows of each level in the foreign key's index, as the foreign key's own action does:
     * with ten other users as big as the deleted one, none of its statements reads all of Post or Comment. (As
     * {@code IN (SELECT ...)}, PostgreSQL's planner hash-joins a scan of the whole child table there.)
     */
    @TestFactory
    Stream<DynamicTest> eachLevelIsFoundThroughItsForeignKeysIndex() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", MODELS));
            try (TestDb database = TestDb.create(kind, "plans")) {
                database.push(datamodel);
                List<String> statements = new ArrayList<>();
                try (Sinew db = database.clientBuilder(datamodel).onStatement(statements::add).build()) {
                    for (int user = 1; user <= 11; user++) {
                        seed(db, user, 50, 10);
                    }
                    statements.clear();
                    db.model("User").delete(Map.of("where", Map.of("id", 1)));
                    List<String> cascade = new ArrayList<>(statements);
                    db.model("Profile").delete(Map.of("where", Map.of("id", 1)));
                    seed(db, 1, 50, 10);
                    database.analyze("Post", "Comment");
                    try (Connection c = database.connect()) {
                        for (String sql : cascade) {
                            // Every parameter of the cascade is the deleted user's id.
                            assertThat(plan(kind, c, sql)).as(sql).noneMatch(step -> readsWholeTable(kind, sql, step));
                        }
                    }
                }
            }
        }));
    }

    /** The steps of the database's plan for the statement, with 1 for every parameter. */
    private static List<String> plan(DatabaseKind kind, Connection c, String sql) throws SQLException {
        String explain = kind == DatabaseKind.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        List<String> steps = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(explain + sql)) {
            for (int i = 1; i <= countParameters(sql); i++) {
                statement.setInt(i, 1);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> step = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        step.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                    }
                    steps.add(String.join(" ", step));
                }
            }
        }
        return steps;
    }

    /**
     * A plan step that reads every row of Post or Comment, in each database's EXPLAIN (MySQL and SQLite name a table
     * by its alias in the statement).
     */
    private static boolean readsWholeTable(DatabaseKind kind, String sql, String step) {
        List<String> names = new ArrayList<>(List.of("Post", "Comment"));
        java.util.regex.Matcher alias = java.util.regex.Pattern.compile("[`\"](Post|Comment)[`\"] AS (t\\d+)")
                .matcher(sql);
        while (alias.find()) {
            names.add(alias.group(2));
        }
        String name = "(" + String.join("|", names) + ")";
        return switch (kind) {
            case POSTGRESQL -> step.matches(".*Seq Scan on \"(Post|Comment)\".*");
            case MYSQL -> step.matches(".* table=" + name + " type=(ALL|index) .*");
            default -> step.matches(".*detail=SCAN " + name + "( .*|$)");
        };
    }

    @TestFactory
    Stream<DynamicTest> checkOnCreateCanBeTurnedOffForPrismasBehaviour() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", MODELS));
            try (TestDb database = TestDb.create(kind, "check")) {
                database.push(datamodel);
                try (Sinew db = database.client(datamodel)) {
                    SinewException error = CrudCases.catchSinew(() -> db.model("Post").create(Map.of("data",
                            Map.of("id", 1, "authorId", 404))));
                    assertThat(error.code()).isEqualTo("P2003");
                    assertThat(error.getMessage())
                            .isEqualTo("Foreign key constraint violated on the constraint: `Post_authorId_fkey`");
                }
                try (Sinew db = database.clientBuilder(datamodel).checkOnCreate(false).build()) {
                    db.model("Post").create(Map.of("data", Map.of("id", 1, "authorId", 404)));
                    db.model("Post").createMany(Map.of("data", List.of(Map.of("id", 2, "authorId", 405))));
                    assertThat(db.model("Post").count()).isEqualTo(2);
                }
            }
        }));
    }

    /**
     * A user whose Restrict-protected comment sits on the user's own cascading post: the emulation checks Restrict
     * before any change and refuses the delete, as the foreign keys of all three databases do (Prisma 7's emulated
     * {@code delete} lets it pass, its {@code deleteMany} refuses it).
     */
    @TestFactory
    Stream<DynamicTest> restrictIsCheckedBeforeTheCascadesRun() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            for (String mode : List.of("foreignKeys", "prisma")) {
                Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, MODELS));
                try (TestDb database = TestDb.create(kind, "restrict"); ) {
                    database.push(datamodel);
                    try (Sinew db = database.client(datamodel)) {
                        db.model("User").create(Map.of("data", Map.of("id", 1)));
                        db.model("Post").create(Map.of("data", Map.of("id", 1, "authorId", 1)));
                        db.model("Comment").create(Map.of("data", Map.of("id", 1, "postId", 1, "writerId", 1)));
                        SinewException error = null;
                        try {
                            db.model("User").delete(Map.of("where", Map.of("id", 1)));
                        } catch (SinewException e) {
                            error = e;
                        }
                        String expected = mode.equals("prisma") ? "P2014" : "P2003";
                        assertThat(error == null ? null : error.code()).as(mode).isEqualTo(expected);
                    }
                }
            }
        }));
    }

    /**
     * Deleting a parent and its Restrict-protected child in one deleteMany: SQLite's and MySQL's foreign keys check
     * each row as it goes and refuse; PostgreSQL's checks at the end of the statement, when the child is gone too,
     * and lets it pass. The emulation checks before any change and refuses everywhere, like the first two: the one
     * place where it differs from a database's own foreign keys, on PostgreSQL.
     */
    @TestFactory
    Stream<DynamicTest> deleteManyOfAParentAndItsRestrictedChild() {
        String models = """
                model Node {
                  id       Int    @id
                  parentId Int?
                  parent   Node?  @relation("tree", fields: [parentId], references: [id], onDelete: Restrict, onUpdate: Restrict)
                  children Node[] @relation("tree")

                  @@index([parentId])
                }
                """;
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            for (String mode : List.of("foreignKeys", "prisma")) {
                Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, models));
                try (TestDb database = TestDb.create(kind, "subtree")) {
                    database.push(datamodel);
                    try (Sinew db = database.client(datamodel)) {
                        db.model("Node").create(Map.of("data", Map.of("id", 1)));
                        db.model("Node").create(Map.of("data", Map.of("id", 2, "parentId", 1)));
                        String code = null;
                        try {
                            db.model("Node").deleteMany(Map.of());
                        } catch (SinewException e) {
                            code = e.code();
                        }
                        String expected = mode.equals("prisma") ? "P2014"
                                : kind == DatabaseKind.POSTGRESQL ? null : "P2003";
                        assertThat(code).as(mode).isEqualTo(expected);
                    }
                }
            }
        }));
    }

    /**
     * A delete of a missing record whose orphans are in the tables (written before the switch to prisma mode): the
     * cascade's statements travel with the DELETE before the answer of the record's read is back, so the call must
     * fail with P2025 and roll them back, and leave its pooled connection with no transaction open.
     */
    @TestFactory
    Stream<DynamicTest> deleteOfAMissingRecordLeavesItsOrphansAlone() {
        String models = """
                model User {
                  id    Int    @id
                  posts Post[]
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
                """;
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", models));
            try (TestDb database = TestDb.create(kind, "missing")) {
                database.push(datamodel);
                try (Sinew db = database.clientBuilder(datamodel).checkOnCreate(false).poolSize(1).build();
                     Sinew other = database.client(datamodel)) {
                    db.model("Post").create(Map.of("data", Map.of("id", 1, "authorId", 404)));
                    db.model("Comment").create(Map.of("data", Map.of("id", 1, "postId", 1)));

                    for (Map<String, Object> select : List.of(Map.<String, Object>of("id", true),
                            Map.<String, Object>of("id", true, "posts", true))) {
                        SinewException error = CrudCases.catchSinew(() -> db.model("User").delete(
                                Map.of("where", Map.of("id", 404), "select", select)));
                        assertThat(error.code()).as("select %s", select).isEqualTo("P2025");
                        assertThat(other.model("Post").count()).isEqualTo(1);
                        assertThat(other.model("Comment").count()).isEqualTo(1);
                    }

                    db.model("User").create(Map.of("data", Map.of("id", 5)));
                    assertThat(other.model("User").count()).as("committed, seen by another connection")
                            .isEqualTo(1);
                }
            }
        }));
    }

    private static void seed(Sinew db, int user, int posts, int commentsPerPost) {
        db.model("User").create(Map.of("data", Map.of("id", user, "profile", Map.of("create", Map.of("id", user)))));
        List<Map<String, Object>> postRows = new ArrayList<>();
        List<Map<String, Object>> commentRows = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            int postId = user * 10_000 + p;
            postRows.add(Map.of("id", postId, "authorId", user));
            for (int c = 0; c < commentsPerPost; c++) {
                commentRows.add(Map.of("id", postId * 100 + c, "postId", postId));
            }
        }
        db.model("Post").createMany(Map.of("data", postRows));
        db.model("Comment").createMany(Map.of("data", commentRows));
    }

    private static int countParameters(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }

    private static int indexOf(List<String> statements, String fragment) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
