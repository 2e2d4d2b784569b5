package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

/**
 * One empty database of the test kit, with what the client's tests do with it: create a schema's tables, drop them
 * all, compare whole contents, open a client. {@code -Dsinew.test.databases=sqlite,postgresql,mysql} (the default:
 * all three) chooses the databases the cross-database tests run on.
 */
final class TestDb implements AutoCloseable {

    /** The kinds the cross-database tests run on. */
    static List<DatabaseKind> available() {
        String chosen = System.getProperty("sinew.test.databases", "sqlite,postgresql,mysql");
        List<DatabaseKind> kinds = new ArrayList<>();
        for (String name : chosen.split(",")) {
            for (DatabaseKind kind : DatabaseKind.values()) {
                if (kind.provider().equals(name.strip())) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    final DatabaseKind kind;
    final TestDatabase database;

    private TestDb(TestDatabase database) {
        this.kind = database.kind();
        this.database = database;
    }

    static TestDb create(DatabaseKind kind, String hint) {
        return new TestDb(TestDatabases.create(kind, hint));
    }

    /** A plain JDBC connection to the database (no pool, no client). */
    Connection connect() throws SQLException {
        return database.connect();
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

    /** Creates the Datamodel's tables (with foreign keys in foreignKeys mode), as {@code db push} would. */
    void push(Datamodel datamodel) {
        execute(Schemas.ddl(datamodel));
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
                    s.execute("DROP DATABASE `" + database.name() + "`");
                    s.execute("CREATE DATABASE `" + database.name() + "`");
                    s.execute("USE `" + database.name() + "`");
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
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table))) {
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

    /** The identifier quoted as the database quotes it. */
    String quote(String identifier) {
        return kind == DatabaseKind.MYSQL ? "`" + identifier + "`" : "\"" + identifier + "\"";
    }

    /** Refreshes the tables' statistics, as a live database keeps them, so that plans follow the real row counts. */
    void analyze(String... tables) {
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            statements.add((kind == DatabaseKind.MYSQL ? "ANALYZE TABLE " : "ANALYZE ") + quote(table));
        }
        execute(statements);
    }

    /** A client on this database. */
    Sinew client(Datamodel datamodel) {
        return Sinew.builder().datamodel(datamodel).url(database.prismaUrl()).poolSize(4).build();
    }

    /** A client on this database with more settings. */
    Sinew.Builder clientBuilder(Datamodel datamodel) {
        return Sinew.builder().datamodel(datamodel).url(database.prismaUrl()).poolSize(4);
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return kind.provider();
    }
}
