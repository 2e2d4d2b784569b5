package dev.sinew.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sinew.client.ModelClient;
import dev.sinew.client.Sinew;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison of {@link FindUniqueBenchmark} with the two sides interleaved: rounds of 5,000 calls of Sinew's
 * {@code findUnique}, then 5,000 of the hand-written JDBC, 40 times (the first 10 rounds are warm-up). On a shared
 * machine the load moves during a JMH run, which measures one side after the other; interleaving gives both the
 * same load, so the ratio holds even when the absolute numbers do not.
 *
 * <p>Arguments: {@code sqlite} or {@code postgresql} (default: both).
 */
public final class FindUniqueInterleaved {
    private static final int ROUND = 5000;

    private FindUniqueInterleaved() {
    }

    public static void main(String[] args) throws Exception {
        try {
            for (String name : args.length == 0 ? new String[] {"sqlite", "postgresql"} : args) {
                run(name.equals("sqlite") ? DatabaseKind.SQLITE : DatabaseKind.POSTGRESQL);
            }
        } finally {
            System.exit(0);
        }
    }

    private static void run(DatabaseKind kind) throws Exception {
        Datamodel datamodel = PrismaSchema.validate("schema.prisma", "datasource db {\n  provider = \""
                + kind.provider() + "\"\n}\n" + FindUniqueBenchmark.MODELS).datamodel();
        try (TestDatabase db = TestDatabases.create(kind, "bench_find")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"email\" TEXT NOT NULL UNIQUE,"
                        + " \"name\" TEXT, \"active\" BOOLEAN NOT NULL, \"createdAt\" "
                        + (kind == DatabaseKind.SQLITE ? "DATETIME" : "TIMESTAMP(3)") + " NOT NULL)");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.jdbcUrl());
            if (db.user() != null) {
                config.setUsername(db.user());
                config.setPassword(db.password());
            }
            config.setMaximumPoolSize(4);
            try (Sinew sinew = Sinew.builder().datamodel(datamodel).url(db.prismaUrl()).poolSize(4).build();
                 HikariDataSource pool = new HikariDataSource(config)) {
                ModelClient users = sinew.model("User");
                for (int i = 1; i <= 1000; i++) {
                    users.create(Map.of("data", Map.of("id", i, "email", "user" + i + "@example.com",
                            "name", "User " + i)));
                }
                long sinewNanos = 0;
                long jdbcNanos = 0;
                for (int round = 0; round < 40; round++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < ROUND; i++) {
                        users.findUnique(Map.of("where", Map.of("id", 1 + i % 1000)));
                    }
                    long t1 = System.nanoTime();
                    for (int i = 0; i < ROUND; i++) {
                        handWritten(pool, 1 + i % 1000);
                    }
                    long t2 = System.nanoTime();
                    if (round >= 10) {
                        sinewNanos += t1 - t0;
                        jdbcNanos += t2 - t1;
                    }
                }
                double calls = 30.0 * ROUND;
                System.out.printf(Locale.ROOT, "%s: sinew %.0f ops/s, hand-written JDBC %.0f ops/s, sinew/JDBC %.2f%n",
                        kind.provider(), calls / (sinewNanos / 1e9), calls / (jdbcNanos / 1e9),
                        (double) jdbcNanos / sinewNanos);
            }
        }
    }

    private static Map<String, Object> handWritten(HikariDataSource pool, int id) throws Exception {
        try (Connection c = pool.getConnection();
             PreparedStatement statement = c.prepareStatement("SELECT \"id\", \"email\", \"name\", \"active\","
                     + " \"createdAt\" FROM \"User\" WHERE \"id\" = ?")) {
            statement.setInt(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rs.getInt(1));
                row.put("email", rs.getString(2));
                row.put("name", rs.getString(3));
                row.put("active", rs.getBoolean(4));
                row.put("createdAt", rs.getObject(5));
                return row;
            }
        }
    }
}
