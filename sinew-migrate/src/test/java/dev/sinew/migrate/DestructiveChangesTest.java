package dev.sinew.migrate;

import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warnings about data a migration would lose, in Prisma's words: without a database (the script's warnings
 * comment) and against a filled SQLite database (what {@code db push} reports, checked against Prisma 7.10.1's own
 * {@code db push} on the same data).
 */
class DestructiveChangesTest {

    private static final String BEFORE = """
            datasource db {
              provider = "sqlite"
            }
            model User {
              id    Int @id @default(autoincrement())
              name  String?
              bio   String?
              age   Int
              email String
            }
            model Gone {
              id Int @id
            }
            """;

    private static final String AFTER = """
            datasource db {
              provider = "sqlite"
            }
            model User {
              id    Int     @id @default(autoincrement())
              name  String
              age   String
              email String  @unique
              extra String
              token String  @default(uuid())
            }
            """;

    @Test
    void scriptWarningsWithoutDatabase() {
        SqlSchema from = SqlSchemaCalculator.calculate(TestSchemas.valid(BEFORE));
        SqlSchema to = SqlSchemaCalculator.calculate(TestSchemas.valid(AFTER));
        Migration migration = new SchemaDiffer(Dialect.forProvider("sqlite")).diff(from, to);
        assertThat(migration.warnings()).containsExactly(
                "You are about to drop the `Gone` table. If the table is not empty, all the data it contains will be "
                        + "lost.",
                "You are about to drop the column `bio` on the `User` table. All the data in the column will be lost.",
                "Made the column `name` on table `User` required. This step will fail if there are existing NULL "
                        + "values in that column.",
                "Added the required column `extra` to the `User` table without a default value. This is not possible "
                        + "if the table is not empty.",
                "The required column `token` was added to the `User` table with a prisma-level default value. This is "
                        + "not possible if the table is not empty. Please add this column as optional, then populate "
                        + "it before making it required.");
        assertThat(Dialect.forProvider("sqlite").renderScript(migration)).startsWith("""
                /*
                  Warnings:

                  - You are about to drop the `Gone` table. If the table is not empty, all the data it contains will be lost.
                """).contains("\n\n*/\n-- DropTable\nPRAGMA foreign_keys=off;\n");
    }

    @Test
    void warningsCountTheRowsOfAFilledDatabase() throws Exception {
        Dialect sqlite = Dialect.forProvider("sqlite");
        SchemaDiffer differ = new SchemaDiffer(sqlite);
        try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE, "DestructiveChangesTest");
             Connection c = db.connect(); Statement st = c.createStatement()) {
            TestSchemas.apply(sqlite, c, differ.diff(SqlSchema.empty(),
                    SqlSchemaCalculator.calculate(TestSchemas.valid(BEFORE))));
            st.execute("INSERT INTO \"User\" (\"name\", \"bio\", \"age\", \"email\") VALUES (NULL, 'b', 1, 'e'), "
                    + "('n', NULL, 2, 'e')");
            st.execute("INSERT INTO \"Gone\" (\"id\") VALUES (1), (2), (3)");
            Migration migration = differ.diff(sqlite.introspect(c),
                    SqlSchemaCalculator.calculate(TestSchemas.valid(AFTER)));
            assertThat(new DestructiveChangeChecker(sqlite).check(migration, new JdbcDataInspector(c, sqlite)))
                    .containsExactly(
                            "You are about to drop the `Gone` table, which is not empty (3 rows).",
                            "You are about to drop the column `bio` on the `User` table, which still contains 1 "
                                    + "non-null values.",
                            "Made the column `name` on table `User` required, but there are 1 existing NULL values.",
                            "Added the required column `extra` to the `User` table without a default value. There "
                                    + "are 2 rows in this table, it is not possible to execute this step.",
                            "The required column `token` was added to the `User` table with a prisma-level default "
                                    + "value. There are 2 rows in this table, it is not possible to execute this step. "
                                    + "Please add this column as optional, then populate it before making it required.");

            st.execute("DELETE FROM \"User\"");
            st.execute("DELETE FROM \"Gone\"");
            assertThat(new DestructiveChangeChecker(sqlite).check(migration, new JdbcDataInspector(c, sqlite)))
                    .isEmpty();
        }
    }
}
