package dev.sinew.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cascade delete of one user with its posts and their comments (User → Post → Comment, every relation
 * {@code onDelete: Cascade}), on PostgreSQL and MariaDB, in the same run:
 * <ol>
 *   <li>Sinew in {@code relationMode = "prisma"}: {@code db.model("User").delete(...)} on tables without foreign
 *       keys, the emulation doing the cascade (and taking the locks that keep it race-free);</li>
 *   <li>the database's own cascade: one raw {@code DELETE} of the user on tables with foreign keys;</li>
 *   <li>hand-written set-based SQL in one transaction on the tables without foreign keys: the comments of the user's
 *       posts (by a sub-select of the posts' ids, on PostgreSQL an array of them), the posts, the user, sent together
 *       in one round trip (as Sinew sends its statements), then the commit; no locks, so not safe against a post or
 *       comment inserted meanwhile;</li>
 *   <li>the same with the locks that make it safe, written by hand as Sinew sends them: the user read
 *       {@code FOR UPDATE}, the user's posts locked {@code FOR UPDATE}, then the three deletes, in one round
 *       trip.</li>
 * </ol>
 * Each variant deletes a freshly seeded user (another user with the same amount of data stays in the tables) on a
 * warm pooled connection that has just read every table, so that none pays for a cold connection or stale caches;
 * on MariaDB the purge of the seeding's old rows has finished. The time is from the call to its commit. A
 * repetition runs the four variants in rotating order, so that they see the same machine load; the ratios are the
 * medians of each repetition's ratios. Not a JMH benchmark: one operation moves up to 100,000 rows, so it is timed
 * end to end.
 *
 * <p>Arguments: {@code [repetitions] [sizes...] [--db postgresql|mysql] [--others N] [--sql]}; defaults: 5
 * repetitions, 1,000, 10,000 and 100,000 descendants, both databases; {@code --others N} keeps N other users with as
 * much data as the deleted one in the tables (default 1, so that the deleted user holds half of every table; a live
 * database's user holds far less); {@code --sql} prints the statements of Sinew's last delete.
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
    private static final List<String> VARIANTS = List.of("sinew", "native", "hand", "locked");

    private CascadeDeleteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = 5;
        List<Integer> sizes = new ArrayList<>();
        List<DatabaseKind> kinds = new ArrayList<>(List.of(DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL));
        boolean showStatements = false;
        int others = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sql")) {
                showStatements = true;
            } else if (args[i].equals("--others")) {
                others = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--db")) {
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
                run(kind, sizes, repetitions, others, showStatements);
            }
        } finally {
            System.exit(0); // the embedded MariaDB's process watchers would keep the JVM alive
        }
    }

    /** A warm connection for the raw JDBC variants, as a pool would hand out. */
    private static HikariDataSource pool(TestDatabase db, DatabaseKind kind) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        if (kind == DatabaseKind.MYSQL) {
            config.addDataSourceProperty("allowMultiQueries", "true");
        }
        return new HikariDataSource(config);
    }

    private static void run(DatabaseKind kind, List<Integer> sizes, int repetitions, int others,
                            boolean showStatements) throws Exception {
        Datamodel emulated = valid(kind, "prisma");
        Datamodel native_ = valid(kind, "foreignKeys");
        try (TestDatabase prismaDb = TestDatabases.create(kind, "bench_prisma");
             TestDatabase fkDb = TestDatabases.create(kind, "bench_fk")) {
            create(prismaDb, emulated);
            create(fkDb, native_);
            if (kind == DatabaseKind.MYSQL) {
                // Room for both databases with --others, as a production server sizes its pool to its data (the
                // test server runs with MariaDB's default of 128 MB).
                try (Connection c = prismaDb.connect(); Statement s = c.createStatement()) {
                    s.execute("SET GLOBAL innodb_buffer_pool_size = " + (1L << 30));
                }
            }
            AtomicInteger statements = new AtomicInteger();
            List<String> lastStatements = new ArrayList<>();
            try (Sinew sinew = Sinew.builder().datamodel(emulated).url(prismaDb.prismaUrl()).poolSize(1)
                    .onStatement(sql -> {
                        if (statements.getAndIncrement() == 0) {
                            lastStatements.clear();
                        }
                        lastStatements.add(sql);
                    }).build();
                 HikariDataSource fkPool = pool(fkDb, kind);
                 HikariDataSource prismaPool = pool(prismaDb, kind)) {
                Variants variants = new Variants(kind, sinew, statements, prismaDb, fkDb, prismaPool, fkPool,
                        others);
                System.out.printf(Locale.ROOT, "%n%s: delete one user with its posts (10 comments each), %d other"
                        + " user(s) with as much%n", kind.provider(), others);
                // Warm-up, so that no measurement pays for class loading and the JIT.
                variants.warmUp(2000);
                for (int r = 0; r < 3; r++) {
                    for (String variant : VARIANTS) {
                        variants.measure(variant, 100);
                    }
                }
                System.out.printf(Locale.ROOT, "%12s %10s %10s %10s %10s %9s %9s %9s %11s  %s%n", "descendants",
                        "sinew ms", "native ms", "hand ms", "locked ms", "s/native", "s/hand", "s/locked", "statements",
                        "load average");
                for (int size : sizes) {
                    int posts = Math.max(1, size / (COMMENTS_PER_POST + 1));
                    String loadBefore = loadAverage();
                    Map<String, double[]> times = new LinkedHashMap<>();
                    for (String variant : VARIANTS) {
                        times.put(variant, new double[repetitions]);
                    }
                    for (int r = 0; r < repetitions; r++) {
                        List<String> order = new ArrayList<>(VARIANTS);
                        Collections.rotate(order, r);
                        for (String variant : order) {
                            times.get(variant)[r] = variants.measure(variant, posts);
                        }
                    }
                    double[] s = times.get("sinew");
                    System.out.printf(Locale.ROOT, "%12d %10.1f %10.1f %10.1f %10.1f %9.2f %9.2f %9.2f %11d  %s → %s%n",
                            posts * (COMMENTS_PER_POST + 1), median(s), median(times.get("native")),
                            median(times.get("hand")), median(times.get("locked")),
                            medianRatio(s, times.get("native")), medianRatio(s, times.get("hand")),
                            medianRatio(s, times.get("locked")), variants.sinewStatements, loadBefore, loadAverage());
                }
                if (showStatements) {
                    System.out.printf("%nSinew's statements for the last delete:%n");
                    lastStatements.forEach(sql -> System.out.println("  " + sql));
                }
            }
        }
    }

    /** The four ways of deleting user 1 with everything below it. */
    private static final class Variants {
        final DatabaseKind kind;
        final Sinew sinew;
        final AtomicInteger statements;
        final TestDatabase prismaDb;
        final TestDatabase fkDb;
        final HikariDataSource prismaPool;
        final HikariDataSource fkPool;
        final int others;
        int sinewStatements;

        Variants(DatabaseKind kind, Sinew sinew, AtomicInteger statements, TestDatabase prismaDb, TestDatabase fkDb,
                 HikariDataSource prismaPool, HikariDataSource fkPool, int others) {
            this.kind = kind;
            this.sinew = sinew;
            this.statements = statements;
            this.prismaDb = prismaDb;
            this.fkDb = fkDb;
            this.prismaPool = prismaPool;
            this.fkPool = fkPool;
            this.others = others;
        }

        /**
         * Seeds the variant's database, deletes the small user 3 the same way (so that the variant's statements,
         * and the native cascade's own, are planned again after the seeding's ANALYZE, as they are in an
         * application that runs them all the time), then user 1: milliseconds from the call to the commit.
         */
        double measure(String variant, int posts) throws SQLException {
            TestDatabase db = variant.equals("native") ? fkDb : prismaDb;
            seed(db, kind, posts, others);
            delete(variant, 3);
            double millis = delete(variant, 1);
            verifyDeleted(db, kind);
            return millis;
        }

        /**
         * Runs each variant many times on a user with one post and one comment, so that the JIT has compiled the
         * code of every variant (Sinew's and the driver's) before anything is measured, as in a long-running
         * application.
         */
        void warmUp(int rounds) throws SQLException {
            String insert = "INSERT INTO " + q(kind, "User") + " (" + q(kind, "id") + ") VALUES (1);\n"
                    + "INSERT INTO " + q(kind, "Post") + " (" + q(kind, "id") + ", " + q(kind, "authorId")
                    + ") VALUES (1, 1);\nINSERT INTO " + q(kind, "Comment") + " (" + q(kind, "id") + ", "
                    + q(kind, "postId") + ") VALUES (1, 1)";
            for (int r = 0; r < rounds; r++) {
                for (String variant : VARIANTS) {
                    try (Connection c = (variant.equals("native") ? fkPool : prismaPool).getConnection();
                         Statement s = c.createStatement()) {
                        s.execute(insert);
                    }
                    delete(variant, 1);
                }
            }
        }

        /** Deletes the user with everything below it the variant's way; milliseconds from the call to the commit. */
        private double delete(String variant, int user) throws SQLException {
            if (variant.equals("sinew")) {
                statements.set(0);
                long start = System.nanoTime();
                sinew.model("User").delete(Map.of("where", Map.of("id", user), "select", Map.of("id", true)));
                double millis = millis(start);
                sinewStatements = statements.get();
                return millis;
            }
            HikariDataSource pool = variant.equals("native") ? fkPool : prismaPool;
            // From the pool and back, as Sinew takes its connection.
            long start = System.nanoTime();
            try (Connection c = pool.getConnection()) {
                switch (variant) {
                    case "native" -> nativeCascade(c, user);
                    case "hand" -> handWritten(c, user, false);
                    default -> handWritten(c, user, true);
                }
            }
            return millis(start);
        }

        private void nativeCascade(Connection c, int user) throws SQLException {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + q(kind, "User") + " WHERE "
                    + q(kind, "id") + " = ?")) {
                delete.setInt(1, user);
                delete.executeUpdate();
            }
        }

        /**
         * The emulation written by hand: one transaction, one set-based statement per level, sent in one round trip
         * (on MariaDB begun by a statement in it, as Sinew does); with {@code locked}, preceded by the locks Sinew
         * takes.
         */
        private void handWritten(Connection c, int user, boolean locked) throws SQLException {
            List<String> statements = new ArrayList<>();
            if (kind == DatabaseKind.MYSQL) {
                statements.add("START TRANSACTION");
            }
            if (locked) {
                statements.add("SELECT " + q(kind, "id") + ", " + q(kind, "name") + " FROM " + q(kind, "User")
                        + " WHERE " + q(kind, "id") + " = ? FOR UPDATE");
                String posts = "SELECT 1 FROM " + q(kind, "Post") + " WHERE " + q(kind, "authorId") + " = ? FOR UPDATE";
                statements.add(kind == DatabaseKind.MYSQL ? posts.replace("SELECT 1", "SELECT COUNT(*)")
                        : "SELECT count(*) FROM (" + posts + ") AS locked");
            }
            String postIds = "SELECT " + q(kind, "id") + " FROM " + q(kind, "Post") + " WHERE " + q(kind, "authorId")
                    + " = ?";
            // On PostgreSQL an array of the keys, which the planner looks up in the index where it would hash-join
            // a scan of the whole table for IN (SELECT ...).
            statements.add("DELETE FROM " + q(kind, "Comment") + " WHERE " + q(kind, "postId")
                    + (kind == DatabaseKind.POSTGRESQL ? " = ANY (ARRAY(" + postIds + "))" : " IN (" + postIds + ")"));
            statements.add("DELETE FROM " + q(kind, "Post") + " WHERE " + q(kind, "authorId") + " = ?");
            statements.add("DELETE FROM " + q(kind, "User") + " WHERE " + q(kind, "id") + " = ?");
            String sql = String.join(";\n", statements);
            if (kind != DatabaseKind.MYSQL) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement all = c.prepareStatement(sql)) {
                for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                    all.setInt(i, user);
                }
                boolean isResultSet = all.execute();
                while (isResultSet || all.getUpdateCount() != -1) {
                    if (isResultSet) {
                        try (var rs = all.getResultSet()) {
                            rs.next();
                        }
                    }
                    isResultSet = all.getMoreResults();
                }
            }
            c.commit();
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /**
     * User 1 and {@code others} more users (2, 4, 5, ...) with {@code posts} posts of ten comments each, and user 3
     * with one; statistics refreshed as autovacuum would.
     */
    private static void seed(TestDatabase db, DatabaseKind kind, int posts, int others) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // Emptied without leaving deleted rows behind for vacuum or InnoDB's purge to work on while we measure.
            if (kind == DatabaseKind.MYSQL) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String table : List.of("Comment", "Post", "User")) {
                    s.execute("TRUNCATE TABLE " + q(kind, table));
                }
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            } else {
                s.execute("TRUNCATE " + q(kind, "Comment") + ", " + q(kind, "Post") + ", " + q(kind, "User"));
            }
            c.setAutoCommit(false);
            List<int[]> userRows = new ArrayList<>();
            List<int[]> postRows = new ArrayList<>();
            List<int[]> commentRows = new ArrayList<>();
            for (int user = 1; user <= others + 2; user++) {
                userRows.add(new int[] {user});
                for (int p = 0; p < (user == 3 ? 1 : posts); p++) {
                    int postId = user * 1_000_000 + p;
                    postRows.add(new int[] {postId, user});
                    for (int k = 0; k < COMMENTS_PER_POST; k++) {
                        commentRows.add(new int[] {postId * 10 + k - 9_000_000, postId});
                    }
                }
            }
            insert(c, kind, "User", List.of("id"), userRows);
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
            } else {
                settle(s);
            }
            // ... and warm tables, as a production database's are.
            for (String table : List.of("User", "Post", "Comment")) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + q(kind, table))) {
                    rs.next();
                }
            }
        }
    }

    /**
     * Waits until InnoDB has purged the rows that earlier runs deleted (MariaDB 10.5.7 and later) and has written the
     * seeding's pages, so that neither purge nor the page cleaner works while we measure (CHECKPOINT on PostgreSQL).
     */
    private static void settle(Statement s) throws SQLException {
        String dirtyPagesPct;
        try {
            s.execute("SET GLOBAL innodb_max_purge_lag_wait = 0");
            try (var rs = s.executeQuery("SELECT @@GLOBAL.innodb_max_dirty_pages_pct")) {
                rs.next();
                dirtyPagesPct = rs.getString(1);
            }
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
        } catch (SQLException e) {
            return; // an older server, or a user without the privilege: measure without waiting
        }
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (var rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'")) {
                    if (!rs.next() || rs.getLong(2) < 10) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            s.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + dirtyPagesPct);
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

    /** The median of the ratios {@code a[i] / b[i]}: each repetition's variants ran under the same load. */
    private static double medianRatio(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return median(ratios);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
