package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Eight threads of random creates, updates and deletes over User → Post → Comment in prisma mode, on the databases
 * with row locks; afterwards no post or comment may reference a record that does not exist. The emulation's locks
 * are what make this hold: a create share-locks the record it references, a delete or key change locks the rows it
 * is about to change first. Runs 3 s per database; {@code -Dsinew.stress.seconds=60} runs longer.
 */
class ConcurrencyTest {
    static final String MODELS = """
            model User {
              id       Int       @id
              name     String    @default("u")
              posts    Post[]
              comments Comment[]
            }

            model Post {
              id       Int       @id
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade, onUpdate: Cascade)
              comments Comment[]

              @@index([authorId])
            }

            model Comment {
              id       Int   @id
              postId   Int
              post     Post  @relation(fields: [postId], references: [id], onDelete: Cascade, onUpdate: Cascade)
              writerId Int?
              writer   User? @relation(fields: [writerId], references: [id], onDelete: SetNull)

              @@index([postId])
              @@index([writerId])
            }
            """;
    private static final Set<String> EXPECTED = Set.of("P2002", "P2003", "P2025", "P2034");

    @TestFactory
    Stream<DynamicTest> noOrphansUnderConcurrentWrites() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE)
                .map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> run(kind)));
    }

    /** Concurrent upserts of the same records: each creates or updates, none fails on the unique constraint. */
    @TestFactory
    Stream<DynamicTest> concurrentUpsertsOfOneRecordNeverCollide() {
        return TestDb.available().stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> {
            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "foreignKeys", MODELS));
            try (TestDb database = TestDb.create(kind, "upsert")) {
                database.push(datamodel);
                try (Sinew db = database.clientBuilder(datamodel).poolSize(8).build()) {
                    ExecutorService pool = Executors.newFixedThreadPool(8);
                    List<Future<?>> workers = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        int thread = t;
                        workers.add(pool.submit(() -> {
                            for (int i = 0; i < 50; i++) {
                                int id = 1 + i % 5;
                                db.model("User").upsert(Map.of("where", Map.of("id", id),
                                        "create", Map.of("id", id, "name", "t" + thread),
                                        "update", Map.of("name", "t" + thread)));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> worker : workers) {
                        worker.get();
                    }
                    pool.shutdown();
                    assertThat(db.model("User").count()).isEqualTo(5);
                }
            }
        }));
    }

    private void run(DatabaseKind kind) throws Exception {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "prisma", MODELS));
        long seconds = Long.getLong("sinew.stress.seconds", 3);
        try (TestDb database = TestDb.create(kind, "stress")) {
            database.push(datamodel);
            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            try (Sinew db = database.clientBuilder(datamodel).poolSize(8).maxRetries(8).build()) {
                for (int u = 1; u <= 20; u++) {
                    db.model("User").create(Map.of("data", Map.of("id", u)));
                }
                ExecutorService pool = Executors.newFixedThreadPool(8);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < end && unexpected.isEmpty()) {
                            String op = randomOperation(db);
                            outcomes.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    try {
                        worker.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        unexpected.add(e.getCause());
                    }
                }
                pool.shutdown();
            }
            assertThat(unexpected).as("unexpected failures").isEmpty();
            System.out.println(kind.provider() + " outcomes: " + outcomes);
            long done = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(" ok"))
                    .mapToLong(e -> e.getValue().get()).sum();
            assertThat(done).as("work done").isGreaterThan(100);
            assertThat(outcomes.keySet()).as("every kind of write succeeded at least once")
                    .contains("delete user ok", "create comment ok", "create post with comments ok", "renumber post ok",
                            "upsert post ok", "change writers ok", "delete posts of user ok");
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
                assertThat(count(s, "SELECT COUNT(*) FROM " + q + "Post" + q + " p LEFT JOIN " + q + "User" + q
                        + " u ON p." + q + "authorId" + q + " = u." + q + "id" + q + " WHERE u." + q + "id" + q
                        + " IS NULL")).as("posts without their user").isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM " + q + "Comment" + q + " c LEFT JOIN " + q + "Post" + q
                        + " p ON c." + q + "postId" + q + " = p." + q + "id" + q + " WHERE p." + q + "id" + q
                        + " IS NULL")).as("comments without their post").isZero();
                assertThat(count(s, "SELECT COUNT(*) FROM " + q + "Comment" + q + " c LEFT JOIN " + q + "User" + q
                        + " u ON c." + q + "writerId" + q + " = u." + q + "id" + q + " WHERE c." + q + "writerId" + q
                        + " IS NOT NULL AND u." + q + "id" + q + " IS NULL")).as("comments with a missing writer")
                        .isZero();
            }
        }
    }

    /** One random write; returns its name and outcome ("... ok" or "... P2003"). */
    private static String randomOperation(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int user = random.nextInt(1, 31);
        int post = random.nextInt(1, 151);
        int choice = random.nextInt(100);
        String name;
        Runnable call;
        if (choice < 12) {
            name = "create user";
            call = () -> db.model("User").create(Map.of("data", Map.of("id", user)));
        } else if (choice < 28) {
            name = "create post";
            call = () -> db.model("Post").create(Map.of("data", Map.of("id", random.nextInt(1, 151),
                    "authorId", user)));
        } else if (choice < 46) {
            name = "create comment";
            call = () -> db.model("Comment").create(Map.of("data", Map.of("id", random.nextInt(1, 1_000_000),
                    "post", Map.of("connect", Map.of("id", post)), "writerId", user)));
        } else if (choice < 52) {
            name = "create comments";
            call = () -> db.model("Comment").createMany(Map.of("data", List.of(
                    Map.of("id", random.nextInt(1, 1_000_000), "postId", post),
                    Map.of("id", random.nextInt(1, 1_000_000), "postId", random.nextInt(1, 151)))));
        } else if (choice < 58) {
            name = "create post with comments";
            call = () -> db.model("Post").create(Map.of("data", Map.of("id", random.nextInt(1, 151),
                    "author", Map.of("connect", Map.of("id", user)),
                    "comments", Map.of("create", List.of(
                            Map.of("id", random.nextInt(1, 1_000_000)),
                            Map.of("id", random.nextInt(1, 1_000_000),
                                    "writer", Map.of("connect", Map.of("id", random.nextInt(1, 31)))))))));
        } else if (choice < 63) {
            name = "upsert post";
            call = () -> db.model("Post").upsert(Map.of("where", Map.of("id", post),
                    "create", Map.of("id", post, "authorId", user), "update", Map.of("authorId", user)));
        } else if (choice < 69) {
            name = "move post";
            call = () -> db.model("Post").updateMany(Map.of("where", Map.of("id", post),
                    "data", Map.of("authorId", user)));
        } else if (choice < 73) {
            name = "renumber user";
            call = () -> db.model("User").update(Map.of("where", Map.of("id", user),
                    "data", Map.of("id", random.nextInt(1, 31))));
        } else if (choice < 77) {
            name = "renumber post";
            call = () -> db.model("Post").update(Map.of("where", Map.of("id", post),
                    "data", Map.of("id", random.nextInt(1, 151))));
        } else if (choice < 81) {
            name = "change writers";
            call = () -> db.model("Comment").updateMany(Map.of("where", Map.of("postId", post),
                    "data", Map.of("writerId", user)));
        } else if (choice < 89) {
            name = "delete user";
            call = () -> db.model("User").delete(Map.of("where", Map.of("id", user)));
        } else if (choice < 94) {
            name = "delete post";
            call = () -> db.model("Post").deleteMany(Map.of("where", Map.of("id", post)));
        } else if (choice < 97) {
            name = "delete posts of user";
            call = () -> db.model("User").update(Map.of("where", Map.of("id", user),
                    "data", Map.of("posts", Map.of("deleteMany", Map.of("id", Map.of("lte", post))))));
        } else {
            name = "delete users";
            call = () -> db.model("User").deleteMany(Map.of("where", Map.of("id", Map.of("in",
                    List.of(user, random.nextInt(1, 31))))));
        }
        try {
            call.run();
            return name + " ok";
        } catch (SinewException e) {
            if (!EXPECTED.contains(e.code())) {
                throw e;
            }
            return name + " " + e.code();
        }
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
