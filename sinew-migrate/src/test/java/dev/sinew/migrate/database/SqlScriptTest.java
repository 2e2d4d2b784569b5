package dev.sinew.migrate.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void semicolonsInStringsIdentifiersAndCommentsDoNotEndStatements() {
        String script = """
                -- CreateTable; a comment
                CREATE TABLE "a;b" ("x" TEXT DEFAULT 'it''s; fine');
                /* block; comment */
                INSERT INTO "a;b" VALUES ('-- not a comment; really');

                -- only a comment at the end;
                """;

        assertThat(SqlScript.statements(script, false)).containsExactly(
                "-- CreateTable; a comment\nCREATE TABLE \"a;b\" (\"x\" TEXT DEFAULT 'it''s; fine')",
                "/* block; comment */\nINSERT INTO \"a;b\" VALUES ('-- not a comment; really')");
    }

    @Test
    void postgresDollarQuotedBodiesAreOneStatement() {
        String script = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\n"
                + "SELECT $1;";

        assertThat(SqlScript.statements(script, false)).containsExactly(
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql",
                "SELECT $1");
    }

    @Test
    void aSqliteTriggerBodyIsOneStatement() {
        String script = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = CASE WHEN 1 THEN 2 END; "
                + "DELETE FROM c; END;\nDROP TABLE d;";

        assertThat(SqlScript.statements(script, false)).containsExactly(
                "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = CASE WHEN 1 THEN 2 END; DELETE FROM c; END",
                "DROP TABLE d");
    }

    @Test
    void mysqlBackslashEscapesAndHashComments() {
        String script = "INSERT INTO `t` VALUES ('a\\';b');\n# a comment; here\nSELECT 1;";

        assertThat(SqlScript.statements(script, true)).containsExactly("INSERT INTO `t` VALUES ('a\\';b')",
                "# a comment; here\nSELECT 1");
    }

    @Test
    void transactionControlIsRecognised() {
        assertThat(SqlScript.isTransactionControl("BEGIN")).isTrue();
        assertThat(SqlScript.isTransactionControl("-- AlterEnum\nBEGIN")).isTrue();
        assertThat(SqlScript.isTransactionControl("commit")).isTrue();
        assertThat(SqlScript.isTransactionControl("BEGIN TRY")).isFalse();
        assertThat(SqlScript.isTransactionControl("CREATE TABLE x (id int)")).isFalse();
    }
}
