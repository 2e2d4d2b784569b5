package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One empty database for a test: a SQLite file, or a fresh database on the PostgreSQL or MySQL/MariaDB server named
 * by {@code SINEW_TEST_POSTGRES_URL} / {@code SINEW_TEST_MYSQL_URL} (Prisma's URL form). Test support until the
 * project's test kit (which starts those servers itself) is on this branch.
 */
final class TestDb implements AutoCloseable {

    enum Kind {
        SQLITE("sqlite"), POSTGRESQL("postgresql"), MYSQL("mysql");

        final String provider;

        Kind(String provider) {
            this.provider = provider;
        }
    }

    /** The kinds a test run can use: SQLite always, the servers when their URL is set. */
    static List<Kind> available() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.SQLITE));
        if (System.getenv("SINEW_TEST_POSTGRES_URL") != null) {
            kinds.add(Kind.POSTGRESQL);
        }
        if (System.getenv("SINEW_TEST_MYSQL_URL") != null) {
            kinds.add(Kind.MYSQL);
        }
        return kinds;
    }

    final Kind kind;
    final String url;
    private final String adminUrl;
    private final String database;
    private final Path file;

    private TestDb(Kind kind, String url, String adminUrl, String database, Path file) {
        this.kind = kind;
        this.url = url;
        this.adminUrl = adminUrl;
        this.database = database;
        this.file = file;
    }

    static TestDb create(Kind kind) {
        try {
            if (kind == Kind.SQLITE) {
                Path file = Files.createTempFile("sinew-test-", ".db");
                return new TestDb(kind, "file:" + file, null, null, file);
            }
            String server = System.getenv(kind == Kind.POSTGRESQL ? "SINEW_TEST_POSTGRES_URL" : "SINEW_TEST_MYSQL_URL");
            String database = "sinew_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            ServerUrl parsed = ServerUrl.parse(server, kind == Kind.POSTGRESQL ? 5432 : 3306);
            String base = server.substring(0, server.indexOf("://") + 3)
                    + (parsed.user() == null ? "" : parsed.user() + (parsed.password() == null ? "" : ":"
                    + parsed.password()) + "@") + parsed.host() + ":" + parsed.port() + "/";
            String admin = base + (kind == Kind.POSTGRESQL ? "postgres" : "");
            TestDb db = new TestDb(kind, base + database, admin, database, null);
            try (Connection c = db.adminConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + (kind == Kind.MYSQL ? "`" + database + "`" : "\"" + database + "\""));
            }
            return db;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection adminConnection() throws SQLException {
        Flavour flavour = flavour();
        Flavour.JdbcTarget target = flavour.jdbcTarget(adminUrl, null);
        return DriverManager.getConnection(target.url(), target.properties());
    }

    Flavour flavour() {
        return switch (kind) {
            case SQLITE -> new SqliteFlavour();
            case POSTGRESQL -> new PostgresFlavour(false);
            case MYSQL -> new MySqlFlavour();
        };
    }

    /** A plain JDBC connection to the database (no pool, no client). */
    Connection connect() throws SQLException {
        Flavour.JdbcTarget target = flavour().jdbcTarget(url, null);
        return DriverManager.getConnection(target.url(), target.properties());
    }

    void execute(List<String> statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + String.join(";\n", statements), e);
        }
    }

    /** Creates the Datamodel's tables (with foreign keys in foreignKeys mode). */
    void push(Datamodel datamodel) {
        execute(TestDdl.statements(datamodel));
    }

    /** Drops every table (and PostgreSQL type). */
    void dropAll() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            switch (kind) {
                case SQLITE -> {
                    s.execute("PRAGMA foreign_keys = OFF");
                    List<String> tables = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                    for (String table : tables) {
                        s.execute("DROP TABLE \"" + table + "\"");
                    }
                }
                case POSTGRESQL -> {
                    s.execute("DROP SCHEMA public CASCADE");
                    s.execute("CREATE SCHEMA public");
                }
                case MYSQL -> {
                    s.execute("DROP DATABASE `" + database + "`");
                    s.execute("CREATE DATABASE `" + database + "`");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table, ordered, for comparing whole databases. */
    Map<String, List<List<Object>>> snapshot(Datamodel datamodel) {
        Map<String, List<List<Object>>> out = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        datamodel.models().forEach(m -> tables.add(m.tableName()));
        datamodel.relations().stream().filter(r -> r.isManyToMany()).forEach(r -> tables.add(r.joinTableName()));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : tables) {
                String q = TestDdl.q(datamodel.provider().orElseThrow(), table);
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            Object value = rs.getObject(i);
                            row.add(value instanceof Number number ? (Object) number.longValue() : value);
                        }
                        rows.add(row);
                    }
                }
                rows.sort((a, b) -> a.toString().compareTo(b.toString()));
                out.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A client on this database. */
    Sinew client(Datamodel datamodel) {
        return Sinew.builder().datamodel(datamodel).url(url).poolSize(4).build();
    }

    @Override
    public void close() {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            } else {
                try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                    if (kind == Kind.POSTGRESQL) {
                        s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
                    } else {
                        s.execute("DROP DATABASE IF EXISTS `" + database + "`");
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind.provider;
    }
}
