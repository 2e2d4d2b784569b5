package dev.sinew.bench;

import dev.sinew.client.ModelClient;
import dev.sinew.client.Sinew;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code findUnique} by id through Sinew against the same query written with JDBC by hand (a pooled connection,
 * a prepared statement, the row read into a map), on the same pool settings and database. The target is at least
 * 80% of the hand-written throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class FindUniqueBenchmark {
    static final String MODELS = """
            model User {
              id        Int      @id
              email     String   @unique
              name      String?
              active    Boolean  @default(true)
              createdAt DateTime @default(now())
            }
            """;
    private static final int USERS = 1000;

    @Param({"sqlite", "postgresql"})
    String database;

    TestDatabase db;
    Sinew sinew;
    ModelClient users;
    HikariDataSource pool;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        DatabaseKind kind = database.equals("sqlite") ? DatabaseKind.SQLITE : DatabaseKind.POSTGRESQL;
        var result = PrismaSchema.validate("schema.prisma", "datasource db {\n  provider = \"" + kind.provider()
                + "\"\n}\n" + MODELS);
        Datamodel datamodel = result.datamodel();
        db = TestDatabases.create(kind, "bench_find");
        String q = "\"";
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + q + "User" + q + " (" + q + "id" + q + " INTEGER NOT NULL PRIMARY KEY, "
                    + q + "email" + q + " TEXT NOT NULL UNIQUE, " + q + "name" + q + " TEXT, " + q + "active" + q
                    + " BOOLEAN NOT NULL, " + q + "createdAt" + q
                    + (kind == DatabaseKind.SQLITE ? " DATETIME" : " TIMESTAMP(3)") + " NOT NULL)");
        }
        sinew = Sinew.builder().datamodel(datamodel).url(db.prismaUrl()).poolSize(4).build();
        users = sinew.model("User");
        for (int i = 1; i <= USERS; i++) {
            users.create(Map.of("data", Map.of("id", i, "email", "user" + i + "@example.com", "name", "User " + i)));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        if (db.user() != null) {
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sinew.close();
        pool.close();
        db.close();
    }

    @Benchmark
    public Map<String, Object> sinew() {
        int id = ThreadLocalRandom.current().nextInt(1, USERS + 1);
        return users.findUnique(Map.of("where", Map.of("id", id)));
    }

    @Benchmark
    public Map<String, Object> handWrittenJdbc() throws SQLException {
        int id = ThreadLocalRandom.current().nextInt(1, USERS + 1);
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
