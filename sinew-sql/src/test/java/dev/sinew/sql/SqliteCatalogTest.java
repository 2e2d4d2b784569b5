package dev.sinew.sql;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a live SQLite schema back, and SQLite's constraint errors. */
class SqliteCatalogTest {

    private final SqliteDialect dialect = new SqliteDialect();
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA foreign_keys=ON");
            st.execute("""
                    CREATE TABLE "User" (
                        "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                        "email" TEXT NOT NULL,
                        "name" TEXT DEFAULT 'it''s',
                        "born" DATETIME NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
                        "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        "active" BOOLEAN NOT NULL DEFAULT true,
                        "score" REAL NOT NULL DEFAULT 1.5,
                        "code" TEXT NOT NULL DEFAULT (lower(hex(randomblob(4)))),
                        "shape" circle
                    )""");
            st.execute("""
                    CREATE TABLE "Post" (
                        "a" INTEGER NOT NULL,
                        "b" TEXT NOT NULL,
                        "authorId" INTEGER NOT NULL,
                        "editorId" INTEGER,

                        PRIMARY KEY ("a", "b"),
                        CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
                        CONSTRAINT "Post_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
                    )""");
            st.execute("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")");
            st.execute("CREATE INDEX \"Post_b_authorId_idx\" ON \"Post\"(\"b\" DESC, \"authorId\")");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void readsTablesColumnsKeysIndexesAndForeignKeys() throws SQLException {
        SqlSchema schema = dialect.introspect(connection);
        assertThat(schema.tables()).extracting(Table::name).containsExactly("Post", "User");

        Table user = schema.table("User").orElseThrow();
        Column id = user.column("id").orElseThrow();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.type()).isEqualTo(ColumnType.of(ColumnType.Family.INT, "INTEGER"));
        assertThat(user.column("name").orElseThrow().arity()).isEqualTo(Arity.NULLABLE);
        assertThat(user.column("name").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Value("it's"));
        assertThat(user.column("born").orElseThrow().defaultValue())
                .isEqualTo(new ColumnDefault.Value("2020-01-02T03:04:05+00:00"));
        assertThat(user.column("createdAt").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Now());
        assertThat(user.column("active").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Value("true"));
        assertThat(user.column("score").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Value("1.5"));
        assertThat(user.column("code").orElseThrow().defaultValue())
                .isInstanceOf(ColumnDefault.DbGenerated.class);
        assertThat(user.column("shape").orElseThrow().type())
                .isEqualTo(ColumnType.of(ColumnType.Family.UNSUPPORTED, "circle"));
        assertThat(user.primaryKey().columnNames()).containsExactly("id");
        assertThat(user.indexes()).containsExactly(Index.of("User_email_key", Index.Kind.UNIQUE,
                List.of(IndexColumn.of("email"))));

        Table post = schema.table("Post").orElseThrow();
        assertThat(post.primaryKey().columnNames()).containsExactly("a", "b");
        assertThat(post.column("a").orElseThrow().autoIncrement()).isFalse();
        assertThat(post.indexes()).containsExactly(Index.of("Post_b_authorId_idx", Index.Kind.NORMAL,
                List.of(new IndexColumn("b", IndexColumn.SortOrder.DESC, null, null), IndexColumn.of("authorId"))));
        assertThat(post.foreignKeys()).containsExactly(
                new ForeignKey("Post_authorId_fkey", List.of("authorId"), null, "User", List.of("id"),
                        ForeignKeyAction.CASCADE, ForeignKeyAction.CASCADE),
                new ForeignKey("Post_editorId_fkey", List.of("editorId"), null, "User", List.of("id"),
                        ForeignKeyAction.SET_NULL, ForeignKeyAction.CASCADE));
    }

    @Test
    void leavesOutPrismasHistoryTable() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY NOT NULL)");
        }
        assertThat(dialect.introspect(connection).table("_prisma_migrations")).isEmpty();
    }

    @Test
    void translatesForeignKeyUniqueAndNotNullViolations() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO \"User\" (\"id\", \"email\") VALUES (1, 'a@b.c')");
            assertThat(violation(st, "INSERT INTO \"Post\" (\"a\", \"b\", \"authorId\") VALUES (1, 'x', 99)"))
                    .contains(new ConstraintViolation.ForeignKeyViolation(null, List.of()));
            assertThat(violation(st, "INSERT INTO \"User\" (\"id\", \"email\") VALUES (2, 'a@b.c')"))
                    .contains(new ConstraintViolation.UniqueViolation(null, List.of("email")));
            st.execute("INSERT INTO \"Post\" (\"a\", \"b\", \"authorId\") VALUES (1, 'x', 1)");
            assertThat(violation(st, "INSERT INTO \"Post\" (\"a\", \"b\", \"authorId\") VALUES (1, 'x', 1)"))
                    .contains(new ConstraintViolation.UniqueViolation(null, List.of("a", "b")));
            assertThat(violation(st, "INSERT INTO \"User\" (\"id\", \"email\") VALUES (3, NULL)"))
                    .contains(new ConstraintViolation.NullViolation("email"));
        }
        assertThat(dialect.constraintViolation(new SQLException("no such table: X"))).isEmpty();
    }

    private Optional<ConstraintViolation> violation(Statement st, String sql) {
        SQLException[] caught = new SQLException[1];
        assertThatThrownBy(() -> {
            try {
                st.execute(sql);
            } catch (SQLException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(SQLException.class);
        return dialect.constraintViolation(caught[0]);
    }
}
