package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite statement cache on a real SQLite database. */
class StatementCacheTest {
    @TempDir
    Path directory;
    private String url;

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:sqlite:" + directory.resolve("cache.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
    }

    @Test
    void theSameSqlReusesItsStatementWithFreshParameters() throws SQLException {
        StatementCache cache = new StatementCache(4);
        try (Connection c = DriverManager.getConnection(url)) {
            PreparedStatement first;
            try (StatementCache.Prepared prepared = cache.prepare(c, "SELECT name FROM t WHERE id = ?")) {
                first = prepared.statement;
                assertThat(nameOf(prepared, 1)).isEqualTo("one");
            }
            try (StatementCache.Prepared prepared = cache.prepare(c, "SELECT name FROM t WHERE id = ?")) {
                assertThat(prepared.statement).isSameAs(first);
                assertThat(nameOf(prepared, 2)).isEqualTo("two");
            }
        }
    }

    @Test
    void aStatementInUseIsNotHandedOutTwice() throws SQLException {
        StatementCache cache = new StatementCache(4);
        try (Connection c = DriverManager.getConnection(url);
             StatementCache.Prepared outer = cache.prepare(c, "SELECT name FROM t WHERE id = ?");
             StatementCache.Prepared inner = cache.prepare(c, "SELECT name FROM t WHERE id = ?")) {
            assertThat(inner.statement).isNotSameAs(outer.statement);
            assertThat(nameOf(outer, 1)).isEqualTo("one");
            assertThat(nameOf(inner, 2)).isEqualTo("two");
        }
    }

    @Test
    void theLeastRecentlyUsedStatementIsClosedBeyondTheSize() throws SQLException {
        StatementCache cache = new StatementCache(2);
        try (Connection c = DriverManager.getConnection(url)) {
            PreparedStatement evicted;
            try (StatementCache.Prepared prepared = cache.prepare(c, "SELECT 1")) {
                evicted = prepared.statement;
            }
            for (String sql : new String[] {"SELECT 2", "SELECT 3"}) {
                try (StatementCache.Prepared prepared = cache.prepare(c, sql)) {
                    assertThat(prepared.statement.execute()).isTrue();
                }
            }
            assertThat(evicted.isClosed()).isTrue();
        }
    }

    @Test
    void aStatementWhoseExecutionFailedIsClosedAndNotReused() throws SQLException {
        StatementCache cache = new StatementCache(4);
        String insert = "INSERT INTO t (id, name) VALUES (?, ?)";
        try (Connection c = DriverManager.getConnection(url)) {
            PreparedStatement failed;
            try (StatementCache.Prepared prepared = cache.prepare(c, insert)) {
                failed = prepared.statement;
                prepared.statement.setInt(1, 3);
                prepared.statement.setString(2, "one");
                assertThatThrownBy(prepared.statement::executeUpdate).isInstanceOf(SQLException.class);
                prepared.discard();
            }
            assertThat(failed.isClosed()).isTrue();
            try (StatementCache.Prepared prepared = cache.prepare(c, insert)) {
                assertThat(prepared.statement).isNotSameAs(failed);
                prepared.statement.setInt(1, 3);
                prepared.statement.setString(2, "three");
                assertThat(prepared.statement.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void closedConnectionsAreForgotten() throws SQLException {
        StatementCache cache = new StatementCache(4);
        try (Connection retired = DriverManager.getConnection(url);
             StatementCache.Prepared prepared = cache.prepare(retired, "SELECT 1")) {
            assertThat(prepared.statement.execute()).isTrue();
        }
        try (Connection c = DriverManager.getConnection(url);
             StatementCache.Prepared prepared = cache.prepare(c, "SELECT 1")) {
            assertThat(prepared.statement.execute()).isTrue();
            assertThat(cache.connections()).isEqualTo(1);
        }
    }

    @Test
    void sizeZeroKeepsNothing() throws SQLException {
        StatementCache cache = new StatementCache(0);
        try (Connection c = DriverManager.getConnection(url)) {
            PreparedStatement first;
            try (StatementCache.Prepared prepared = cache.prepare(c, "SELECT 1")) {
                first = prepared.statement;
            }
            assertThat(first.isClosed()).isTrue();
            assertThat(cache.connections()).isZero();
        }
    }

    private static String nameOf(StatementCache.Prepared prepared, int id) throws SQLException {
        prepared.statement.setInt(1, id);
        try (ResultSet rs = prepared.statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
