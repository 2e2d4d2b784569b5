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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Eight threads of random creates, updates and deletes over User → Post → Comment and four more schemas, in both
 * relation modes; every call ends in success or an expected error code, and afterwards no row may reference a record
 * that does not exist. In prisma mode on PostgreSQL and MariaDB the emulation's locks are what make this hold: a
 * create share-locks the record it references, a delete or key change locks the rows it is about to change first. On
 * SQLite, whose write transactions take turns, it shows that they wait for each other instead of failing. Runs 3 s
 * per workload, database and mode; {@code -Dsinew.stress.seconds=60} runs longer.
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

    /** Posts in threads (a self relation, which prisma mode allows only without modifying actions) with tags (many-to-many). */
    static final String THREADS = """
            model Tag {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id       Int    @id
              parentId Int?
              parent   Post?  @relation("Thread", fields: [parentId], references: [id], onDelete: Restrict, onUpdate: Restrict)
              replies  Post[] @relation("Thread")
              tags     Tag[]

              @@index([parentId])
            }
            """;
    private static final Set<String> PROFILE_CODES = Set.of("P2002", "P2003", "P2014", "P2017", "P2025", "P2034");
    private static final Set<String> THREAD_CODES = Set.of("P2002", "P2003", "P2014", "P2025", "P2034");

    @TestFactory
    Stream<DynamicTest> noOrphansUnderConcurrentWrites() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, MODELS, db -> {
                    for (int u = 1; u <= 20; u++) {
                        db.model("User").create(Map.of("data", Map.of("id", u)));
                    }
                }, ConcurrencyTest::randomOperation, List.of("delete user ok", "create comment ok",
                        "create post with comments ok", "renumber post ok", "upsert post ok", "change writers ok",
                        "delete posts of user ok", "post and comment in a transaction ok"), q -> Map.of(
                        "posts without their user", orphans(q, "Post", "authorId", "User", "id"),
                        "comments without their post", orphans(q, "Comment", "postId", "Post", "id"),
                        "comments with a missing writer", orphans(q, "Comment", "writerId", "User", "id"))));
    }

    /**
     * The same for the relations without a foreign key column of their own: implicit many-to-many join rows (which
     * go with either side and follow a renumbered side) and a self relation whose Restrict refuses to delete or
     * renumber a post that has replies, while other threads connect tags and reply to posts.
     */
    @TestFactory
    Stream<DynamicTest> noOrphanedJoinRowsOrRepliesUnderConcurrentWrites() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, THREADS, db -> {
                    for (int t = 1; t <= 10; t++) {
                        db.model("Tag").create(Map.of("data", Map.of("id", t)));
                    }
                }, ConcurrencyTest::randomThreadOperation, List.of("create post ok", "reply ok", "tag post ok",
                        "retag post ok", "untag post ok", "delete tag ok", "delete tags ok", "renumber tag ok",
                        "delete post ok", "delete post P2014", "renumber post ok", "move reply ok"),
                        // a connectOrCreate connects or creates, whatever the other threads do
                        List.of("create post P2025 (connect)", "tag post P2025 (connect)", "tag post P2002"),
                        q -> Map.of(
                        "join rows without their post", orphans(q, "_PostToTag", "A", "Post", "id"),
                        "join rows without their tag", orphans(q, "_PostToTag", "B", "Tag", "id"),
                        "replies without their parent", orphans(q, "Post", "parentId", "Post", "id"))));
    }

    /**
     * The same over a compound foreign key (Org's two-column identifier, cascading to teams on delete and on a
     * renumbered code) and a SetNull one below it, which a cascade reaches from two levels up.
     */
    @TestFactory
    Stream<DynamicTest> noOrphansOverCompoundKeysUnderConcurrentWrites() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, ORGS, db -> {
                    for (int o = 1; o <= 6; o++) {
                        db.model("Org").create(Map.of("data", Map.of("region", o % 2 == 0 ? "eu" : "us", "code", o)));
                    }
                }, ConcurrencyTest::randomOrgOperation, List.of("create team ok", "join team ok", "delete org ok",
                        "renumber org ok", "move team ok", "delete team ok", "renumber team ok", "delete orgs ok"),
                        q -> Map.of(
                        "teams without their org", "SELECT COUNT(*) FROM " + q + "Team" + q + " t LEFT JOIN " + q
                                + "Org" + q + " o ON t." + q + "region" + q + " = o." + q + "region" + q + " AND t."
                                + q + "orgCode" + q + " = o." + q + "code" + q + " WHERE o." + q + "code" + q
                                + " IS NULL",
                        "members of a missing team", orphans(q, "Member", "teamId", "Team", "id"))));
    }

    static final String ORGS = """
            model Org {
              region String
              code   Int
              teams  Team[]

              @@id([region, code])
            }

            model Team {
              id      Int      @id
              region  String
              orgCode Int
              org     Org      @relation(fields: [region, orgCode], references: [region, code], onDelete: Cascade, onUpdate: Cascade)
              members Member[]

              @@index([region, orgCode])
            }

            model Member {
              id     Int   @id
              teamId Int?
              team   Team? @relation(fields: [teamId], references: [id], onDelete: SetNull, onUpdate: Cascade)

              @@index([teamId])
            }
            """;

    /**
     * The same over a one-to-one relation, whose nested writes move, replace, disconnect and delete the one
     * connected record, from either side; connecting a profile to a user never fails on the unique foreign key.
     */
    @TestFactory
    Stream<DynamicTest> noOrphansOverOneToOneUnderConcurrentWrites() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, PROFILES, db -> {
                    for (int u = 1; u <= 10; u++) {
                        db.model("User").create(Map.of("data", Map.of("id", u)));
                    }
                }, ConcurrencyTest::randomProfileOperation, List.of("create user with profile ok",
                        "give profile ok", "take profile ok", "upsert profile ok", "drop profile ok",
                        "delete profile ok", "delete user ok", "renumber user ok", "claim user ok"),
                        // with the emulation's locks concurrent connects to one user take turns, each disconnecting
                        // the profile before; with foreign keys Sinew takes no locks, and one can fail as Prisma's do
                        mode.equals("prisma") ? List.of("claim user P2002", "give profile P2002") : List.of(),
                        q -> Map.of("profiles of a missing user", orphans(q, "Profile", "userId", "User", "id"))));
    }

    static final String PROFILES = """
            model User {
              id      Int      @id
              profile Profile?
            }

            model Profile {
              id     Int   @id
              userId Int?  @unique
              user   User? @relation(fields: [userId], references: [id], onDelete: Cascade, onUpdate: Cascade)
            }
            """;

    /**
     * The same over the nested writes of a to-many relation whose foreign key is optional: connect, set, disconnect,
     * upsert and updateMany move books between shelves while shelves are deleted (their books set free) and
     * renumbered, and {@code createMany} with {@code skipDuplicates} adds books and notes that may already exist.
     */
    @TestFactory
    Stream<DynamicTest> noOrphansOverToManyNestedWritesUnderConcurrentWrites() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, SHELVES, db -> {
                    for (int s = 1; s <= 8; s++) {
                        db.model("Shelf").create(Map.of("data", Map.of("id", s)));
                    }
                }, ConcurrencyTest::randomShelfOperation, List.of("add books ok", "shelve books ok", "set books ok",
                        "unshelve book ok", "upsert book ok", "move books ok", "add notes ok", "delete shelf ok",
                        "renumber shelf ok", "delete book ok", "renumber book ok"),
                        q -> Map.of(
                        "books on a missing shelf", orphans(q, "Book", "shelfId", "Shelf", "id"),
                        "notes without their book", orphans(q, "Note", "bookId", "Book", "id"))));
    }

    static final String SHELVES = """
            model Shelf {
              id    Int    @id
              books Book[]
            }

            model Book {
              id      Int    @id
              shelfId Int?
              shelf   Shelf? @relation(fields: [shelfId], references: [id], onDelete: SetNull, onUpdate: Cascade)
              notes   Note[]

              @@index([shelfId])
            }

            model Note {
              id     Int  @id
              bookId Int
              book   Book @relation(fields: [bookId], references: [id], onDelete: Cascade, onUpdate: Cascade)

              @@index([bookId])
            }
            """;
    private static final Set<String> SHELF_CODES = Set.of("P2002", "P2003", "P2017", "P2018", "P2025", "P2034");

    /**
     * Interactive transactions that move money between accounts in random order, so that they deadlock, and whose
     * bodies catch the P2034 of the second move and undo the first by hand: no money is made or lost. Where the
     * database rolled the transaction back on the deadlock (MySQL), the undo must fail with P2028 rather than run
     * on its own; where it undid only the failed call (PostgreSQL), the undo commits with the rest.
     */
    @TestFactory
    Stream<DynamicTest> noMoneyIsMadeOrLostByTransactionsThatCatchTheirDeadlocks() {
        return everyDatabaseInBothModes((kind, mode) -> stress(kind, mode, ACCOUNTS, db -> {
                    for (int a = 1; a <= 12; a++) {
                        db.model("Account").create(Map.of("data", Map.of("id", a, "balance", 100)));
                    }
                }, ConcurrencyTest::randomTransfer, List.of("transfer ok"), q -> Map.of(
                        "money made or lost", "SELECT ABS(SUM(" + q + "balance" + q + ") - 1200) FROM " + q + "Account"
                                + q)));
    }

    static final String ACCOUNTS = """
            model Account {
              id      Int @id
              balance Int
            }
            """;

    static final String CONNECTED = """
            model User {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id       Int   @id
              authorId Int?
              author   User? @relation(fields: [authorId], references: [id])
              tags     Tag[]

              @@index([authorId])
            }

            model Tag {
              id    Int    @id
              posts Post[]
            }
            """;

    /**
     * A connectOrCreate that finds nothing and creates, while another transaction inserts the same record: the
     * insert waits for that transaction and fails on the unique constraint once it commits, and then the record it
     * created is connected instead of the call failing with P2002. Deterministic: the other transaction holds its
     * insert open until the call is seen waiting. For each side a connectOrCreate can write from: a join row, the
     * record's own foreign key, the connected record's foreign key.
     */
    @TestFactory
    Stream<DynamicTest> aRecordCreatedMeanwhileIsConnectedNotDuplicated() {
        record Race(String name, String competingInsert, Function<Sinew, Object> call, String check) {
        }
        List<Race> races = List.of(
                new Race("many-to-many", "INSERT INTO %sTag%s (id) VALUES (7)", db -> db.model("Post").create(Map.of(
                        "data", Map.of("id", 1, "tags", Map.of("connectOrCreate", List.of(Map.of(
                                "where", Map.of("id", 7), "create", Map.of("id", 7))))))),
                        "SELECT COUNT(*) FROM %s_PostToTag%s WHERE %sA%s = 1 AND %sB%s = 7"),
                new Race("to-one, foreign key on the record", "INSERT INTO %sUser%s (id) VALUES (7)",
                        db -> db.model("Post").create(Map.of("data", Map.of("id", 2, "author", Map.of(
                                "connectOrCreate", Map.of("where", Map.of("id", 7), "create", Map.of("id", 7)))))),
                        "SELECT COUNT(*) FROM %sPost%s WHERE %sid%s = 2 AND %sauthorId%s = 7"),
                new Race("to-many, foreign key on the connected record", "INSERT INTO %sPost%s (id) VALUES (9)",
                        db -> db.model("User").create(Map.of("data", Map.of("id", 8, "posts", Map.of(
                                "connectOrCreate", List.of(Map.of("where", Map.of("id", 9),
                                        "create", Map.of("id", 9))))))),
                        "SELECT COUNT(*) FROM %sPost%s WHERE %sid%s = 9 AND %sauthorId%s = 8"));
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE)
                .flatMap(kind -> Stream.of("foreignKeys", "prisma").flatMap(mode -> races.stream().map(race ->
                        DynamicTest.dynamicTest(kind.provider() + ", " + mode + ", " + race.name(), () ->
                                whileAnotherTransactionHolds(kind, mode, CONNECTED, db -> { }, race.competingInsert(),
                                        race.call(), (result, s, q) -> assertThat(count(s,
                                                race.check().formatted(q, q, q, q, q, q)))
                                                .as("connected to the record the other transaction created")
                                                .isEqualTo(1))))));
    }

    /**
     * A connect of a many-to-many record that another transaction is deleting: the call waits for that transaction
     * and, once it commits, fails (P2025 emulated, P2003 from the join table's foreign key) and leaves no join row.
     * MySQL's {@code INSERT IGNORE} of the join row would have dropped the foreign key's refusal and reported the
     * record connected.
     */
    @TestFactory
    Stream<DynamicTest> aRecordDeletedMeanwhileIsNotConnected() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE)
                .flatMap(kind -> Stream.of("foreignKeys", "prisma").map(mode ->
                        DynamicTest.dynamicTest(kind.provider() + ", " + mode, () ->
                                whileAnotherTransactionHolds(kind, mode, CONNECTED, db -> {
                                    db.model("Tag").create(Map.of("data", Map.of("id", 7)));
                                    db.model("Post").create(Map.of("data", Map.of("id", 1)));
                                }, "DELETE FROM %sTag%s WHERE id = 7", db -> outcome("connect", () ->
                                        db.model("Post").update(Map.of("where", Map.of("id", 1), "data",
                                                Map.of("tags", Map.of("connect", Map.of("id", 7))))),
                                        Set.of("P2003", "P2025")), (result, s, q) -> {
                                    assertThat(result).isEqualTo(mode.equals("prisma") ? "connect P2025 (connect)"
                                            : "connect P2003");
                                    assertThat(count(s, "SELECT COUNT(*) FROM %s_PostToTag%s".formatted(q, q)))
                                            .as("join rows").isZero();
                                }))));
    }

    /**
     * A PostgreSQL database whose default isolation level is REPEATABLE READ: a delete that waits for a transaction
     * adding a post to its user must still cascade to that post once the transaction commits. At the database's
     * level the emulated cascade would read the snapshot its transaction took before the wait, and miss the post.
     */
    @TestFactory
    Stream<DynamicTest> aDatabaseDefaultAboveReadCommittedLeavesNoOrphan() {
        String repeatableReadByDefault = "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET"
                + " default_transaction_isolation = ''repeatable read''', current_database()); END $$";
        return TestDb.available().stream().filter(k -> k == DatabaseKind.POSTGRESQL)
                .flatMap(kind -> Stream.of("foreignKeys", "prisma").map(mode ->
                        DynamicTest.dynamicTest(kind.provider() + ", " + mode, () ->
                                whileAnotherTransactionHolds(kind, mode, MODELS, repeatableReadByDefault, db ->
                                                db.model("User").create(Map.of("data", Map.of("id", 1))),
                                        // what a create of the post does in prisma mode: the user share-locked first
                                        "SELECT id FROM %1$sUser%1$s WHERE id = 1 FOR KEY SHARE;"
                                                + " INSERT INTO %1$sPost%1$s (id, %1$sauthorId%1$s) VALUES (5, 1)",
                                        db -> db.model("User").delete(Map.of("where", Map.of("id", 1))),
                                        (result, s, q) -> assertThat(count(s,
                                                "SELECT COUNT(*) FROM %sPost%s".formatted(q, q)))
                                                .as("posts of the deleted user").isZero()))));
    }

    /** What a race test checks once the call has returned: its result, and the data through the competitor. */
    @FunctionalInterface
    private interface RaceCheck<T> {
        void check(T result, Statement competitor, String quote) throws Exception;
    }

    /**
     * A race made deterministic: another transaction runs {@code competing} (written with the database's quote for
     * {@code %s}) and holds it open; {@code call} must wait for it; then the other transaction commits, the call
     * ends, and {@code check} sees its result. {@code seed} writes the data before.
     */
    private static <T> void whileAnotherTransactionHolds(DatabaseKind kind, String mode, String models,
                                                         Consumer<Sinew> seed, String competing,
                                                         Function<Sinew, T> call, RaceCheck<T> check)
            throws Exception {
        whileAnotherTransactionHolds(kind, mode, models, null, seed, competing, call, check);
    }

    /** The same, with {@code setup} run on the database before the client connects (null: none). */
    private static <T> void whileAnotherTransactionHolds(DatabaseKind kind, String mode, String models, String setup,
                                                         Consumer<Sinew> seed, String competing,
                                                         Function<Sinew, T> call, RaceCheck<T> check)
            throws Exception {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, models));
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        try (TestDb database = TestDb.create(kind, "race"); Connection competitor = database.connect()) {
            database.push(datamodel);
            if (setup != null) {
                try (Statement s = competitor.createStatement()) {
                    s.execute(setup);
                }
            }
            ExecutorService caller = Executors.newSingleThreadExecutor();
            try (Sinew db = database.client(datamodel)) {
                seed.accept(db);
                competitor.setAutoCommit(false);
                try (Statement s = competitor.createStatement()) {
                    s.execute(competing.formatted(q, q));
                }
                Future<T> result = caller.submit(() -> call.apply(db));
                Thread.sleep(300);
                assertThat(result).as("waiting for the other transaction").isNotDone();
                competitor.commit();
                T value = result.get(30, TimeUnit.SECONDS);
                try (Statement s = competitor.createStatement()) {
                    check.check(value, s, q);
                }
            } finally {
                caller.shutdownNow();
            }
        }
    }

    /**
     * An interactive transaction that loses a deadlock and whose body catches the P2034 and goes on. PostgreSQL
     * undoes only the failed call (its savepoint), and the rest commits. MariaDB rolls the whole transaction back:
     * the next call and the commit fail with P2028 instead of running outside any transaction, where they would
     * commit one by one while the calls before the deadlock are gone.
     */
    @TestFactory
    Stream<DynamicTest> aTransactionThatLostADeadlockGoesOnOnlyWhereTheDatabaseKeptIt() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE).map(kind ->
                DynamicTest.dynamicTest(kind.provider(), () -> {
                    Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), "foreignKeys",
                            MODELS));
                    String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
                    try (TestDb database = TestDb.create(kind, "deadlock");
                         Connection competitor = database.connect()) {
                        database.push(datamodel);
                        ExecutorService caller = Executors.newSingleThreadExecutor();
                        try (Sinew db = database.client(datamodel)) {
                            for (int u = 1; u <= 3; u++) {
                                db.model("User").create(Map.of("data", Map.of("id", u)));
                            }
                            java.util.concurrent.CountDownLatch firstWritten = new java.util.concurrent.CountDownLatch(1);
                            java.util.concurrent.CountDownLatch competitorHolds = new java.util.concurrent.CountDownLatch(1);
                            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
                            Future<String> call = caller.submit(() -> outcome("transaction", () -> db.transaction(tx -> {
                                rename(tx, 1, "a");
                                firstWritten.countDown();
                                await(competitorHolds);
                                seen.add(outcome("second", () -> rename(tx, 2, "b"), Set.of("P2034")));
                                seen.add(outcome("third", () -> rename(tx, 3, "c"), Set.of("P2028")));
                                return null;
                            }), Set.of("P2028")));
                            await(firstWritten);
                            competitor.setAutoCommit(false);
                            try (Statement s = competitor.createStatement()) {
                                // more rows changed than the call's, so that InnoDB picks the call as the victim
                                for (int t = 1; t <= 50; t++) {
                                    s.execute("INSERT INTO %sPost%s (id, %sauthorId%s) VALUES (%d, 2)"
                                            .formatted(q, q, q, q, t));
                                }
                                s.execute("UPDATE %sUser%s SET name = 'y' WHERE id = 2".formatted(q, q));
                                competitorHolds.countDown();
                                Thread.sleep(300);
                                s.execute("UPDATE %sUser%s SET name = 'z' WHERE id = 1".formatted(q, q));
                            }
                            competitor.commit();
                            String ended = call.get(30, TimeUnit.SECONDS);
                            Map<Object, Object> names = new java.util.TreeMap<>();
                            for (Map<String, Object> user : db.model("User").findMany(Map.of())) {
                                names.put(user.get("id"), user.get("name"));
                            }
                            if (kind == DatabaseKind.MYSQL) {
                                assertThat(seen).containsExactly("second P2034", "third P2028");
                                assertThat(ended).isEqualTo("transaction P2028");
                                assertThat(names).isEqualTo(Map.of(1, "z", 2, "y", 3, "u"));
                            } else {
                                assertThat(seen).containsExactly("second P2034", "third ok");
                                assertThat(ended).isEqualTo("transaction ok");
                                assertThat(names).isEqualTo(Map.of(1, "z", 2, "y", 3, "c"));
                            }
                        } finally {
                            caller.shutdownNow();
                        }
                    }
                }));
    }

    /**
     * In prisma mode on PostgreSQL a transaction above READ COMMITTED reads its snapshot, so an emulated cascade there
     * would miss a child that another transaction (at READ COMMITTED, which SERIALIZABLE does not guard against)
     * added meanwhile, leaving an orphan (measured on PostgreSQL 15 with two psql sessions). Such a transaction runs,
     * but its writes that must find the records referencing the ones they delete or re-key fail with P2026, and the
     * transaction goes on. With foreign keys, and on MariaDB, whose writes read the latest committed rows at every
     * level, every write runs at every level.
     */
    @TestFactory
    Stream<DynamicTest> writesThatWouldLeaveOrphansAtTheirIsolationLevelAreRefused() {
        return TestDb.available().stream().filter(k -> k != DatabaseKind.SQLITE).flatMap(kind ->
                Stream.of("prisma", "foreignKeys").map(mode -> DynamicTest.dynamicTest(kind.provider() + ", " + mode,
                        () -> {
                            Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, MODELS));
                            try (TestDb database = TestDb.create(kind, "isolation")) {
                                database.push(datamodel);
                                try (Sinew db = database.client(datamodel)) {
                                    int id = 0;
                                    for (IsolationLevel level : IsolationLevel.values()) {
                                        boolean refused = mode.equals("prisma") && kind == DatabaseKind.POSTGRESQL
                                                && (level == IsolationLevel.REPEATABLE_READ
                                                || level == IsolationLevel.SERIALIZABLE);
                                        int user = ++id;
                                        int other = ++id;
                                        db.model("User").create(Map.of("data", Map.of("id", user)));
                                        db.model("User").create(Map.of("data", Map.of("id", other)));
                                        List<String> seen = new ArrayList<>();
                                        db.transaction(level, tx -> {
                                            seen.add(outcome("create", () -> tx.model("Post").create(Map.of("data",
                                                    Map.of("id", user, "authorId", user))), Set.of()));
                                            seen.add(outcome("delete", () -> tx.model("User").delete(Map.of(
                                                    "where", Map.of("id", user))), Set.of("P2026")));
                                            seen.add(outcome("rename", () -> rename(tx, other, "r"), Set.of()));
                                            seen.add(outcome("re-key", () -> tx.model("User").update(Map.of(
                                                    "where", Map.of("id", other), "data", Map.of("id", other + 100))),
                                                    Set.of("P2026")));
                                            return null;
                                        });
                                        String blocked = refused ? " P2026" : " ok";
                                        assertThat(seen).as(level.name()).containsExactly("create ok",
                                                "delete" + blocked, "rename ok", "re-key" + blocked);
                                        assertThat(db.model("Post").count(Map.of("where", Map.of("id", user))))
                                                .as(level.name() + ": the post, kept with its user where the"
                                                        + " delete was refused").isEqualTo(refused ? 1 : 0);
                                        assertThat(db.model("User").count(Map.of("where", Map.of("id", other))))
                                                .as(level.name() + ": the user re-keyed").isEqualTo(refused ? 1 : 0);
                                    }
                                }
                            }
                        })));
    }

    /**
     * In prisma mode on PostgreSQL at REPEATABLE READ, a create still cannot reference a record another transaction
     * deletes meanwhile: its share lock waits for that transaction, and PostgreSQL then fails the create's
     * transaction with a serialization failure (P2034) instead of letting it reference the deleted record.
     */
    @TestFactory
    Stream<DynamicTest> aCreateAtRepeatableReadReferencesNoRecordDeletedMeanwhile() {
        return TestDb.available().stream().filter(k -> k == DatabaseKind.POSTGRESQL).map(kind ->
                DynamicTest.dynamicTest(kind.provider(), () ->
                        whileAnotherTransactionHolds(kind, "prisma", MODELS, db ->
                                        db.model("User").create(Map.of("data", Map.of("id", 1))),
                                "DELETE FROM %sUser%s WHERE id = 1",
                                db -> outcome("create", () -> db.transaction(IsolationLevel.REPEATABLE_READ, tx ->
                                        tx.model("Post").create(Map.of("data", Map.of("id", 5, "authorId", 1)))),
                                        Set.of("P2003", "P2034")),
                                (result, s, q) -> {
                                    assertThat(result).isEqualTo("create P2034");
                                    assertThat(count(s, "SELECT COUNT(*) FROM %sPost%s".formatted(q, q)))
                                            .as("posts").isZero();
                                })));
    }

    private static Object rename(Transaction tx, int id, String name) {
        return tx.model("User").update(Map.of("where", Map.of("id", id), "data", Map.of("name", name)));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
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

    /**
     * Eight threads of {@code operation} for {@code sinew.stress.seconds} (default 3) on a fresh database of
     * {@code models} in prisma mode; then every kind of write named in {@code mustSucceed} has succeeded at least once
     * and each orphan query (written with the database's quote) counts 0.
     */
    private static void stress(DatabaseKind kind, String mode, String models, Consumer<Sinew> seed,
                               Function<Sinew, String> operation, List<String> mustSucceed,
                               Function<String, Map<String, String>> orphanQueries) throws Exception {
        stress(kind, mode, models, seed, operation, mustSucceed, List.of(), orphanQueries);
    }

    /**
     * As above, and none of the outcomes {@code mustNotHappen} happened. With foreign keys a Restrict refusal in
     * {@code mustSucceed} is the database's P2003 where the emulation's is P2014.
     */
    private static void stress(DatabaseKind kind, String mode, String models, Consumer<Sinew> seed,
                               Function<Sinew, String> operation, List<String> mustSucceed, List<String> mustNotHappen,
                               Function<String, Map<String, String>> orphanQueries) throws Exception {
        Datamodel datamodel = Schemas.valid(Schemas.withDatasource(kind.provider(), mode, models));
        long seconds = Long.getLong("sinew.stress.seconds", 3);
        try (TestDb database = TestDb.create(kind, "stress")) {
            database.push(datamodel);
            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            try (Sinew db = database.clientBuilder(datamodel).poolSize(8).maxRetries(8).build()) {
                seed.accept(db);
                ExecutorService pool = Executors.newFixedThreadPool(8);
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < end && unexpected.isEmpty()) {
                            String op = operation.apply(db);
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
            System.out.println(kind.provider() + ", " + mode + " outcomes: " + new java.util.TreeMap<>(outcomes));
            long done = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(" ok"))
                    .mapToLong(e -> e.getValue().get()).sum();
            assertThat(done).as("work done").isGreaterThan(50);
            assertThat(outcomes.keySet()).as("every kind of write succeeded at least once").containsAll(
                    mustSucceed.stream().map(o -> mode.equals("prisma") ? o : o.replace("P2014", "P2003")).toList());
            assertThat(outcomes.keySet()).as("outcomes that must not happen")
                    .noneMatch(outcome -> mustNotHappen.contains(outcome));
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                Map<String, String> queries = orphanQueries.apply(kind == DatabaseKind.MYSQL ? "`" : "\"");
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    long orphans = count(s, query.getValue());
                    assertThat(orphans).as(() -> query.getKey() + " (the rows: " + rows(s, query.getValue()
                            .replace("SELECT COUNT(*)", "SELECT c.*")) + "; the outcomes: "
                            + new java.util.TreeMap<>(outcomes) + ")").isZero();
                }
            }
        }
    }

    /** A test of one database in one relation mode. */
    @FunctionalInterface
    private interface ModeTest {
        void run(DatabaseKind kind, String mode) throws Exception;
    }

    /**
     * The test on every database, in prisma mode (the emulation's locks keep the data whole) and in foreignKeys mode
     * (the database does; what the client adds there must still end in a clean error, never an exception of its own).
     */
    private static Stream<DynamicTest> everyDatabaseInBothModes(ModeTest test) {
        return TestDb.available().stream().flatMap(kind -> Stream.of("prisma", "foreignKeys").map(mode ->
                DynamicTest.dynamicTest(kind.provider() + ", " + mode, () -> test.run(kind, mode))));
    }

    /** Counts the rows of {@code child} whose non-null {@code column} names no row of {@code parent}. */
    private static String orphans(String q, String child, String column, String parent, String key) {
        return "SELECT COUNT(*) FROM " + q + child + q + " c LEFT JOIN " + q + parent + q + " p ON c." + q + column + q
                + " = p." + q + key + q + " WHERE c." + q + column + q + " IS NOT NULL AND p." + q + key + q
                + " IS NULL";
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
        } else if (choice < 22) {
            name = "create post";
            call = () -> db.model("Post").create(Map.of("data", Map.of("id", random.nextInt(1, 151),
                    "authorId", user)));
        } else if (choice < 28) {
            name = "post and comment in a transaction";
            call = () -> db.transaction(tx -> {
                int id = random.nextInt(1, 151);
                tx.model("Post").create(Map.of("data", Map.of("id", id, "authorId", user)));
                return tx.model("Comment").create(Map.of("data", Map.of("id", random.nextInt(1, 1_000_000),
                        "postId", id, "writerId", random.nextInt(1, 31))));
            });
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
        return outcome(name, call, EXPECTED);
    }

    /** One random write on tags, posts and their replies; returns its name and outcome. */
    private static String randomThreadOperation(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int post = random.nextInt(1, 41);
        int tag = random.nextInt(1, 11);
        int choice = random.nextInt(100);
        String name;
        Runnable call;
        if (choice < 6) {
            name = "create tag";
            call = () -> db.model("Tag").create(Map.of("data", Map.of("id", tag)));
        } else if (choice < 24) {
            name = "create post";
            call = () -> db.model("Post").create(Map.of("data", Map.of("id", post, "tags", Map.of("connectOrCreate",
                    List.of(Map.of("where", Map.of("id", tag), "create", Map.of("id", tag)))))));
        } else if (choice < 42) {
            name = "reply";
            call = () -> db.model("Post").create(Map.of("data", Map.of("id", random.nextInt(1, 41),
                    "parent", Map.of("connect", Map.of("id", post)),
                    "tags", Map.of("connect", Map.of("id", tag)))));
        } else if (choice < 54) {
            name = "tag post";
            call = () -> db.model("Post").update(Map.of("where", Map.of("id", post), "data", Map.of("tags",
                    Map.of("connectOrCreate", List.of(Map.of("where", Map.of("id", tag), "create",
                            Map.of("id", tag)))))));
        } else if (choice < 59) {
            name = "retag post";
            call = () -> db.model("Post").update(Map.of("where", Map.of("id", post),
                    "data", Map.of("tags", Map.of("set", List.of(Map.of("id", tag), Map.of("id", tag % 10 + 1))))));
        } else if (choice < 63) {
            name = "untag post";
            call = () -> db.model("Post").update(Map.of("where", Map.of("id", post),
                    "data", Map.of("tags", Map.of("disconnect", Map.of("id", tag)))));
        } else if (choice < 69) {
            name = "delete tag";
            call = () -> db.model("Tag").delete(Map.of("where", Map.of("id", tag)));
        } else if (choice < 71) {
            name = "delete tags";
            call = () -> db.model("Tag").deleteMany(Map.of("where", Map.of("id", Map.of("in",
                    List.of(tag, random.nextInt(1, 11))))));
        } else if (choice < 75) {
            name = "renumber tag";
            call = () -> db.model("Tag").update(Map.of("where", Map.of("id", tag),
                    "data", Map.of("id", random.nextInt(1, 11))));
        } else if (choice < 87) {
            name = "delete post";
            call = () -> db.model("Post").delete(Map.of("where", Map.of("id", post)));
        } else if (choice < 93) {
            name = "renumber post";
            call = () -> db.model("Post").update(Map.of("where", Map.of("id", post),
                    "data", Map.of("id", random.nextInt(1, 41))));
        } else {
            name = "move reply";
            call = () -> db.model("Post").updateMany(Map.of("where", Map.of("id", post, "parentId", Map.of("gte", 1)),
                    "data", Map.of("parentId", random.nextInt(1, 41))));
        }
        return outcome(name, call, THREAD_CODES);
    }

    /** One random write on orgs, their teams and the teams' members; returns its name and outcome. */
    private static String randomOrgOperation(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String region = random.nextBoolean() ? "eu" : "us";
        int code = random.nextInt(1, 9);
        Map<String, Object> org = Map.of("region_code", Map.of("region", region, "code", code));
        int team = random.nextInt(1, 41);
        int choice = random.nextInt(100);
        String name;
        Runnable call;
        if (choice < 10) {
            name = "create org";
            call = () -> db.model("Org").create(Map.of("data", Map.of("region", region, "code", code)));
        } else if (choice < 36) {
            name = "create team";
            call = () -> db.model("Team").create(Map.of("data", Map.of("id", team, "org", Map.of("connect", org))));
        } else if (choice < 56) {
            name = "join team";
            call = () -> db.model("Member").create(Map.of("data", Map.of("id", random.nextInt(1, 1_000_000),
                    "teamId", team)));
        } else if (choice < 66) {
            name = "move team";
            call = () -> db.model("Team").update(Map.of("where", Map.of("id", team),
                    "data", Map.of("region", region, "orgCode", code)));
        } else if (choice < 74) {
            name = "renumber org";
            call = () -> db.model("Org").update(Map.of("where", org, "data", Map.of("code", random.nextInt(1, 9))));
        } else if (choice < 80) {
            name = "renumber team";
            call = () -> db.model("Team").update(Map.of("where", Map.of("id", team),
                    "data", Map.of("id", random.nextInt(1, 41))));
        } else if (choice < 92) {
            name = "delete team";
            call = () -> db.model("Team").delete(Map.of("where", Map.of("id", team)));
        } else if (choice < 98) {
            name = "delete org";
            call = () -> db.model("Org").delete(Map.of("where", org));
        } else {
            name = "delete orgs";
            call = () -> db.model("Org").deleteMany(Map.of("where", Map.of("region", region,
                    "code", Map.of("gte", code))));
        }
        return outcome(name, call, EXPECTED);
    }

    /** One random write on users and their one profile; returns its name and outcome. */
    private static String randomProfileOperation(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int user = random.nextInt(1, 16);
        int profile = random.nextInt(1, 31);
        Map<String, Object> where = Map.of("id", user);
        int choice = random.nextInt(100);
        String name;
        Runnable call;
        if (choice < 12) {
            name = "create user with profile";
            call = () -> db.model("User").create(Map.of("data", Map.of("id", user,
                    "profile", Map.of("create", Map.of("id", profile)))));
        } else if (choice < 20) {
            name = "create profile";
            call = () -> db.model("Profile").create(Map.of("data", Map.of("id", profile)));
        } else if (choice < 34) {
            name = "give profile";
            call = () -> db.model("User").update(Map.of("where", where,
                    "data", Map.of("profile", Map.of("connect", Map.of("id", profile)))));
        } else if (choice < 44) {
            name = "claim user";
            call = () -> db.model("Profile").update(Map.of("where", Map.of("id", profile),
                    "data", Map.of("user", Map.of("connect", where))));
        } else if (choice < 52) {
            name = "take profile";
            call = () -> db.model("User").update(Map.of("where", where,
                    "data", Map.of("profile", Map.of("disconnect", true))));
        } else if (choice < 62) {
            name = "upsert profile";
            call = () -> db.model("User").update(Map.of("where", where, "data", Map.of("profile",
                    Map.of("upsert", Map.of("create", Map.of("id", profile), "update", Map.of())))));
        } else if (choice < 70) {
            name = "drop profile";
            call = () -> db.model("User").update(Map.of("where", where,
                    "data", Map.of("profile", Map.of("delete", true))));
        } else if (choice < 76) {
            name = "delete profile";
            call = () -> db.model("Profile").delete(Map.of("where", Map.of("id", profile)));
        } else if (choice < 88) {
            name = "delete user";
            call = () -> db.model("User").delete(Map.of("where", where));
        } else if (choice < 96) {
            name = "renumber user";
            call = () -> db.model("User").update(Map.of("where", where, "data", Map.of("id", random.nextInt(1, 16))));
        } else {
            name = "create user";
            call = () -> db.model("User").create(Map.of("data", Map.of("id", user)));
        }
        return outcome(name, call, PROFILE_CODES);
    }

    /** One random write on shelves, their books and the books' notes; returns its name and outcome. */
    private static String randomShelfOperation(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int shelf = random.nextInt(1, 13);
        int book = random.nextInt(1, 61);
        int other = random.nextInt(1, 61);
        Map<String, Object> where = Map.of("id", shelf);
        int choice = random.nextInt(100);
        String name;
        Runnable call;
        if (choice < 6) {
            name = "create shelf";
            call = () -> db.model("Shelf").create(Map.of("data", Map.of("id", shelf)));
        } else if (choice < 18) {
            name = "add books";
            call = () -> db.model("Book").createMany(Map.of("data", List.of(Map.of("id", book, "shelfId", shelf),
                    Map.of("id", other)), "skipDuplicates", true));
        } else if (choice < 30) {
            name = "shelve books";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("books",
                    Map.of("connect", List.of(Map.of("id", book), Map.of("id", other))))));
        } else if (choice < 37) {
            name = "set books";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("books",
                    Map.of("set", List.of(Map.of("id", book))))));
        } else if (choice < 43) {
            name = "unshelve book";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("books",
                    Map.of("disconnect", Map.of("id", book)))));
        } else if (choice < 50) {
            name = "upsert book";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("books", Map.of("upsert",
                    Map.of("where", Map.of("id", book), "create", Map.of("id", book), "update", Map.of())))));
        } else if (choice < 56) {
            name = "move books";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("books", Map.of(
                    "updateMany", Map.of("where", Map.of("id", Map.of("lte", book)),
                            "data", Map.of("shelfId", random.nextInt(1, 13)))))));
        } else if (choice < 70) {
            name = "add notes";
            call = () -> db.model("Note").createMany(Map.of("data", List.of(
                    Map.of("id", random.nextInt(1, 500), "bookId", book),
                    Map.of("id", random.nextInt(1, 500), "bookId", other)), "skipDuplicates", true));
        } else if (choice < 78) {
            name = "delete shelf";
            call = () -> db.model("Shelf").delete(Map.of("where", where));
        } else if (choice < 84) {
            name = "renumber shelf";
            call = () -> db.model("Shelf").update(Map.of("where", where, "data", Map.of("id", random.nextInt(1, 13))));
        } else if (choice < 93) {
            name = "delete book";
            call = () -> db.model("Book").delete(Map.of("where", Map.of("id", book)));
        } else {
            name = "renumber book";
            call = () -> db.model("Book").update(Map.of("where", Map.of("id", book), "data", Map.of("id", other)));
        }
        return outcome(name, call, SHELF_CODES);
    }

    /** One transfer of 1 between two random accounts, whose body undoes the withdrawal when the deposit fails. */
    private static String randomTransfer(Sinew db) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // most transfers go up the ids, so that the deadlocks (a second on PostgreSQL each) leave time for work
        int one = random.nextInt(1, 13);
        int other = random.nextInt(1, 13);
        boolean up = random.nextInt(10) < 8;
        int from = up ? Math.min(one, other) : Math.max(one, other);
        int to = up ? Math.max(one, other) : Math.min(one, other);
        return outcome("transfer", () -> db.transaction(tx -> {
            ModelClient accounts = tx.model("Account");
            accounts.update(Map.of("where", Map.of("id", from), "data", Map.of("balance", Map.of("decrement", 1))));
            try {
                accounts.update(Map.of("where", Map.of("id", to), "data", Map.of("balance", Map.of("increment", 1))));
            } catch (SinewException e) {
                if (!"P2034".equals(e.code())) {
                    throw e;
                }
                accounts.update(Map.of("where", Map.of("id", from), "data", Map.of("balance",
                        Map.of("increment", 1))));
            }
            return null;
        }), Set.of("P2028", "P2034"));
    }

    /**
     * Runs the write: "name ok", or "name" and the error's code when it is one of the expected ones ("tag post
     * P2025 (connect)" when it is a connect that found no record); any other error fails the test.
     */
    private static String outcome(String name, Runnable call, Set<String> expected) {
        try {
            call.run();
            return name + " ok";
        } catch (SinewException e) {
            if (e.code() == null || !expected.contains(e.code())) {
                throw e;
            }
            return name + " " + e.code() + (e.code().equals("P2025") && e.getMessage().contains("connect")
                    ? " (connect)" : "");
        }
    }

    /** The rows a query finds, each as its columns' values, for a failure's message. */
    private static List<List<Object>> rows(Statement statement, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next() && rows.size() < 20) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (java.sql.SQLException e) {
            rows.add(List.of(e.getMessage()));
        }
        return rows;
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
