package dev.sinew.migrate.introspect;

import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-introspection keeps what the database cannot tell: views, comments, and the user's choices. */
class ReintrospectionTest {

    @Test
    void viewBlocksAndRelationsToThemAreKeptAsWritten() throws Exception {
        String schema = """
                generator client {
                  provider        = "prisma-client-js"
                  previewFeatures = ["views"]
                }

                datasource db {
                  provider = "sqlite"
                }

                model User {
                  id    Int        @id
                  stats UserStats?
                }

                // what the report page reads
                view UserStats {
                  userId Int  @unique
                  posts  Int
                  user   User @relation(fields: [userId], references: [id])
                }
                """;
        try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE, "ReintrospectionTest");
             Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY)");
            Introspector.Introspection pulled = PrismaModeReintrospectionTest.pull(c, schema);
            assertThat(pulled.schema()).isEqualTo(PrismaModeReintrospectionTest.format(schema
                    .replace("id    Int        @id", "id    Int        @id @default(autoincrement())")));
        }
    }

    @Test
    void commentsStayWithTheirFieldsAndModels() throws Exception {
        String schema = """
                // header of the file
                datasource db {
                  provider = "sqlite" // the only one we use
                }

                // Accounts of the shop.
                model Account {
                  id    Int    @id @default(autoincrement()) // rowid
                  // the login
                  email String @unique
                  // gone column
                  nick  String?
                  // before the block attributes
                  @@map("accounts")
                }

                // dropped table
                model Old {
                  id Int @id
                }
                // the end
                """;
        try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE, "ReintrospectionTest");
             Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"accounts\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                    + "\"email\" TEXT NOT NULL)");
            st.execute("CREATE UNIQUE INDEX \"accounts_email_key\" ON \"accounts\"(\"email\")");
            Introspector.Introspection pulled = PrismaModeReintrospectionTest.pull(c, schema);
            assertThat(pulled.schema()).isEqualTo("""
                    // header of the file
                    datasource db {
                      provider = "sqlite" // the only one we use
                    }

                    // Accounts of the shop.
                    model Account {
                      id    Int    @id @default(autoincrement()) // rowid
                      // the login
                      email String @unique

                      // before the block attributes
                      @@map("accounts")
                    }

                    // the end
                    """);
        }
    }
}
