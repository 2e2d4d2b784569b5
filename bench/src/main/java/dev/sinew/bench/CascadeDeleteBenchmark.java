package dev.sinew.bench;

import dev.sinew.client.Sinew;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cascade delete of one user with its posts and their comments (User → Post → Comment, every relation
 * {@code onDelete: Cascade}), on PostgreSQL and MariaDB, in the same run:
 * <ol>
 *   <li>Sinew in {@code relationMode = "prisma"}: {@code db.model("User").delete(...)} on tables without foreign
 *       keys, the emulation doing the cascade;</li>
 *   <li>the database's own cascade: one raw {@code DELETE} of the user on tables with foreign keys;</li>
 *   <li>hand-written set-based SQL in one transaction on the tables without foreign keys: comments of the user's
 *       posts, the posts, the user.</li>
 * </ol>
 * Each variant deletes a freshly seeded user (another user with the same amount of data stays in the tables);
 * the time is from the call to its commit, the median of the repetitions. Not a JMH benchmark: one operation moves
 * up to 100,000 rows, so it is timed end to end.
 *
 * <p>Arguments: {@code [repetitions] [sizes...] [--db postgresql|mysql]}; defaults: 5 repetitions, 1,000, 10,000 and
 * 100,000 descendants, both databases.
 */
public final class CascadeDeleteBenchmark {
    static final String MODELS = """
            model User {
              id    Int    @id
              name  String @default("u")
              posts Post[]
            }

            model Post {
              id       Int       @id
              title    String    @default("t")
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]

              @@index([authorId])
            }

            model Comment {
              id     Int    @id
              text   String @default("c")
              postId Int
              post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)

              @@index([postId])
            }
            """;
    private static final int COMMENTS_PER_POST = 10;

    private CascadeDeleteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = 5;
        List<Integer> sizes = new ArrayList<>();
        List<DatabaseKind> kinds = new ArrayList<>(List.of(DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db")) {
                kinds = List.of(args[++i].equals("mysql") ? DatabaseKind.MYSQL : DatabaseKind.POSTGRESQL);
            } else if (sizes.isEmpty() && i == 0) {
                repetitions = Integer.parseInt(args[i]);
            } else {
                sizes.add(Integer.parseInt(args[i].replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000, 10_000, 100_000);
        }
        try {
            for (DatabaseKind kind : kinds) {
                run(kind, sizes, repetitions);
            }
        } finally {
            System.exit(0); // the embedded MariaDB's process watchers would keep the JVM alive
        }
    }

    private static void run(DatabaseKind kind, List<Integer> sizes, int repetitions) throws Exception {
        Datamodel emulated = valid(kind, "prisma");
        Datamodel native_ = valid(kind, "foreignKeys");
        try (TestDatabase prismaDb = TestDatabases.create(kind, "bench_prisma");
             TestDatabase fkDb = TestDatabases.create(kind, "bench_fk")) {
            create(prismaDb, emulated);
            create(fkDb, native_);
            AtomicInteger statements = new AtomicInteger();
            try (Sinew sinew = Sinew.builder().datamodel(emulated).url(prismaDb.prismaUrl()).poolSize(2)
                    .onStatement(sql -> statements.incrementAndGet()).build()) {
                System.out.printf(Locale.ROOT, "%n%s: delete one user with its posts (10 comments each)%n",
                        kind.provider());
                // Warm-up, so that the first measured size does not pay for class loading and the JIT.
                for (int r = 0; r < 5; r++) {
                    measure(sinew, statements, prismaDb, fkDb, kind, 100);
                }
                System.out.printf(Locale.ROOT, "%12s %12s %12s %12s %10s %10s %12s%n", "descendants", "sinew ms",
                        "native ms", "hand SQL ms", "s/native", "s/hand", "statements");
                for (int size : sizes) {
                    int posts = Math.max(1, size / (COMMENTS_PER_POST + 1));
                    double[] sinewTimes = new double[repetitions];
                    double[] nativeTimes = new double[repetitions];
                    double[] handTimes = new double[repetitions];
                    int sinewStatements = 0;
                    for (int r = 0; r < repetitions; r++) {
                        double[] times = measure(sinew, statements, prismaDb, fkDb, kind, posts);
                        sinewTimes[r] = times[0];
                        nativeTimes[r] = times[1];
                        handTimes[r] = times[2];
                        sinewStatements = (int) times[3];
                    }
                    double s = median(sinewTimes);
                    double n = median(nativeTimes);
                    double h = median(handTimes);
                    System.out.printf(Locale.ROOT, "%12d %12.1f %12.1f %12.1f %10.2f %10.2f %12d%n",
                            posts * (COMMENTS_PER_POST + 1), s, n, h, s / n, s / h, sinewStatements);
                }
            }
        }
    }

    /** One run of the three variants: milliseconds of each, and Sinew's statement count. */
    private static double[] measure(Sinew sinew, AtomicInteger statements, TestDatabase prismaDb, TestDatabase fkDb,
                                    DatabaseKind kind, int posts) throws SQLException {
        double[] out = new double[4];
        seed(prismaDb, kind, posts);
        statements.set(0);
        long start = System.nanoTime();
        sinew.model("User").delete(Map.of("where", Map.of("id", 1), "select", Map.of("id", true)));
        out[0] = millis(start);
        out[3] = statements.get();
        verifyDeleted(prismaDb, kind);

        seed(fkDb, kind, posts);
        try (Connection c = fkDb.connect();
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + q(kind, "User") + " WHERE "
                     + q(kind, "id") + " = ?")) {
            delete.setInt(1, 1);
            start = System.nanoTime();
            delete.executeUpdate();
            out[1] = millis(start);
        }
        verifyDeleted(fkDb, kind);

        seed(prismaDb, kind, posts);
        out[2] = handWritten(prismaDb, kind);
        verifyDeleted(prismaDb, kind);
        return out;
    }

    /** The emulation written by hand: one transaction, one set-based statement per level, no locks. */
    private static double handWritten(TestDatabase db, DatabaseKind kind) throws SQLException {
        try (Connection c = db.connect()) {
            String user = q(kind, "User");
            String post = q(kind, "Post");
            String comment = q(kind, "Comment");
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement comments = c.prepareStatement("DELETE FROM " + comment + " WHERE "
                    + q(kind, "postId") + " IN (SELECT " + q(kind, "id") + " FROM " + post + " WHERE "
                    + q(kind, "authorId") + " = ?)");
                 PreparedStatement posts = c.prepareStatement("DELETE FROM " + post + " WHERE " + q(kind, "authorId")
                         + " = ?");
                 PreparedStatement users = c.prepareStatement("DELETE FROM " + user + " WHERE " + q(kind, "id")
                         + " = ?")) {
                for (PreparedStatement statement : List.of(comments, posts, users)) {
                    statement.setInt(1, 1);
                    statement.executeUpdate();
                }
            }
            c.commit();
            return millis(start);
        }
    }

    /** Two users with {@code posts} posts of ten comments each; statistics refreshed as autovacuum would. */
    private static void seed(TestDatabase db, DatabaseKind kind, int posts) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("Comment", "Post", "User")) {
                s.execute("DELETE FROM " + q(kind, table));
            }
            c.setAutoCommit(false);
            insert(c, kind, "User", List.of("id"), List.of(new int[] {1}, new int[] {2}));
            List<int[]> postRows = new ArrayList<>();
            List<int[]> commentRows = new ArrayList<>();
            for (int user = 1; user <= 2; user++) {
                for (int p = 0; p < posts; p++) {
                    int postId = user * 1_000_000 + p;
                    postRows.add(new int[] {postId, user});
                    for (int k = 0; k < COMMENTS_PER_POST; k++) {
                        commentRows.add(new int[] {postId * 10 + k - 9_000_000, postId});
                    }
                }
            }
            insert(c, kind, "Post", List.of("id", "authorId"), postRows);
            insert(c, kind, "Comment", List.of("id", "postId"), commentRows);
            c.commit();
            c.setAutoCommit(true);
            // Every variant starts from the same state: no dead rows from the previous run, fresh statistics.
            for (String table : List.of("User", "Post", "Comment")) {
                s.execute((kind == DatabaseKind.MYSQL ? "ANALYZE TABLE " : "VACUUM ANALYZE ") + q(kind, table));
            }
            if (kind == DatabaseKind.POSTGRESQL) {
                s.execute("CHECKPOINT");
            }
            // ... and warm tables, as a production database's are.
            for (String table : List.of("User", "Post", "Comment")) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + q(kind, table))) {
                    rs.next();
                }
            }
        }
    }

    private static void insert(Connection c, DatabaseKind kind, String table, List<String> columns, List<int[]> rows)
            throws SQLException {
        int chunk = 1000;
        for (int start = 0; start < rows.size(); start += chunk) {
            List<int[]> part = rows.subList(start, Math.min(rows.size(), start + chunk));
            StringBuilder sql = new StringBuilder("INSERT INTO " + q(kind, table) + " (");
            sql.append(String.join(", ", columns.stream().map(col -> q(kind, col)).toList())).append(") VALUES ");
            String row = "(" + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
            sql.append(String.join(", ", java.util.Collections.nCopies(part.size(), row)));
            try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (int[] values : part) {
                    for (int value : values) {
                        statement.setInt(i++, value);
                    }
                }
                statement.executeUpdate();
            }
        }
    }

    private static void verifyDeleted(TestDatabase db, DatabaseKind kind) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM " + q(kind, "Post") + " WHERE "
                     + q(kind, "authorId") + " = 1) + (SELECT COUNT(*) FROM " + q(kind, "Comment") + " WHERE "
                     + q(kind, "postId") + " < 2000000)")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                throw new IllegalStateException("the user's posts or comments were not all deleted");
            }
        }
    }

    private static Datamodel valid(DatabaseKind kind, String mode) {
        var result = PrismaSchema.validate("schema.prisma", "datasource db {\n  provider = \"" + kind.provider()
                + "\"\n  relationMode = \"" + mode + "\"\n}\n" + MODELS);
        if (!result.isValid()) {
            throw new IllegalStateException(result.diagnostics().render());
        }
        return result.datamodel();
    }

    private static void create(TestDatabase db, Datamodel datamodel) throws SQLException {
        Dialect dialect = SqlSchemaCalculator.dialectOf(datamodel);
        Migration migration = new SchemaDiffer(dialect).diff(SqlSchema.empty(),
                SqlSchemaCalculator.calculate(datamodel));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (MigrationStep step : migration.steps()) {
                for (String sql : dialect.render(step, migration.previous(), migration.next())) {
                    s.execute(sql);
                }
            }
        }
    }

    private static String q(DatabaseKind kind, String identifier) {
        return kind == DatabaseKind.MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
