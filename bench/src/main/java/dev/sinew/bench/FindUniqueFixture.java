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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What both findUnique benchmarks compare: a table of {@link #USERS} users, read by id through Sinew and through
 * the same query written with JDBC by hand, each on its own pool of the same size.
 */
final class FindUniqueFixture implements AutoCloseable {
    static final String MODELS = """
            model User {
              id        Int      @id
              email     String   @unique
              name      String?
              active    Boolean  @default(true)
              createdAt DateTime @default(now())
            }
            """;
    static final int USERS = 1000;
    private static final int POOL_SIZE = 4;

    private final TestDatabase db;
    private final Sinew sinew;
    private final HikariDataSource pool;
    /** The hand-written query, in the database's identifier quoting. */
    private final String select;
    /** Sinew's client of the users. */
    final ModelClient users;

    private FindUniqueFixture(TestDatabase db, Sinew sinew, HikariDataSource pool, String select) {
        this.db = db;
        this.sinew = sinew;
        this.pool = pool;
        this.select = select;
        this.users = sinew.model("User");
    }

    /** A fresh database of {@code kind} with the users written. */
    static FindUniqueFixture open(DatabaseKind kind) throws SQLException {
        Datamodel datamodel = PrismaSchema.validate("schema.prisma", "datasource db {\n  provider = \""
                + kind.provider() + "\"\n}\n" + MODELS).datamodel();
        TestDatabase db = TestDatabases.create(kind, "bench_find");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(kind == DatabaseKind.MYSQL
                    ? "CREATE TABLE `User` (`id` INT NOT NULL PRIMARY KEY, `email` VARCHAR(191) NOT NULL UNIQUE,"
                            + " `name` VARCHAR(191), `active` BOOLEAN NOT NULL, `createdAt` DATETIME(3) NOT NULL)"
                    : "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"email\" TEXT NOT NULL UNIQUE,"
                            + " \"name\" TEXT, \"active\" BOOLEAN NOT NULL, \"createdAt\" "
                            + (kind == DatabaseKind.SQLITE ? "DATETIME" : "TIMESTAMP(3)") + " NOT NULL)");
        }
        Sinew sinew = Sinew.builder().datamodel(datamodel).url(db.prismaUrl()).poolSize(POOL_SIZE).build();
        ModelClient users = sinew.model("User");
        for (int i = 1; i <= USERS; i++) {
            users.create(Map.of("data", Map.of("id", i, "email", "user" + i + "@example.com", "name", "User " + i)));
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        if (db.user() != null) {
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        String select = "SELECT \"id\", \"email\", \"name\", \"active\", \"createdAt\" FROM \"User\" WHERE \"id\" = ?";
        return new FindUniqueFixture(db, sinew, new HikariDataSource(config),
                kind == DatabaseKind.MYSQL ? select.replace('"', '`') : select);
    }

    /** The kind of database named by its Prisma provider: {@code sqlite}, {@code postgresql} or {@code mysql}. */
    static DatabaseKind kindNamed(String provider) {
        for (DatabaseKind kind : DatabaseKind.values()) {
            if (kind.provider().equals(provider)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown database `" + provider + "`: sqlite, postgresql or mysql.");
    }

    /** Sinew's {@code findUnique} of user {@code id}. */
    Map<String, Object> sinew(int id) {
        return users.findUnique(Map.of("where", Map.of("id", id)));
    }

    /** The same read by hand: a pooled connection, a prepared statement, the row read into a map. */
    Map<String, Object> handWritten(int id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement statement = c.prepareStatement(select)) {
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

    @Override
    public void close() {
        sinew.close();
        pool.close();
        db.close();
    }
}
