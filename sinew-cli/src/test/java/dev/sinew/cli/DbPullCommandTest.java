package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.testkit.Database;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestDatabaseExtension.class)
class DbPullCommandTest {
    private static final String DATASOURCE = """
            datasource db {
              provider = "sqlite"
              url      = "file:./dev.db"
            }
            """;

    private static final String PULLED = """
            datasource db {
              provider = "sqlite"
              url      = "file:./dev.db"
            }

            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              User     User   @relation(fields: [authorId], references: [id], onDelete: Cascade)

              @@index([authorId])
            }

            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String?
              Post  Post[]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheIntrospectedSchemaIntoTheFile() throws Exception {
        createBlog(dir.resolve("dev.db"));
        Path schema = write("schema.prisma", DATASOURCE);

        CliRun run = CliRun.in(dir, "db", "pull");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(schema).hasContent(PULLED);
        assertThat(run.out()).matches("Introspected 2 models and wrote them into schema\\.prisma in \\d+ms\n");
        assertThat(run.err()).contains("Sinew schema loaded from schema.prisma.")
                .contains("Datasource \"db\": SQLite database \"dev.db\" at \"");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("schema.prisma",
                    "dev.db");
        }
    }

    @Test
    void printWritesToStdoutAndLeavesTheFileAlone() throws Exception {
        createBlog(dir.resolve("dev.db"));
        Path schema = write("prisma/schema.prisma", DATASOURCE.replace("./dev.db", "../dev.db"));

        CliRun run = CliRun.in(dir, "db", "pull", "--print");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(PULLED.replace("./dev.db", "../dev.db"));
        assertThat(schema).hasContent(DATASOURCE.replace("./dev.db", "../dev.db"));
    }

    @Test
    void urlOptionOverridesTheDatasource() throws Exception {
        createBlog(dir.resolve("other.db"));
        write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");

        CliRun run = CliRun.in(dir, "db", "pull", "--print", "--url", "file:./other.db");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("model Post {").contains("model User {");
    }

    @Test
    void readsTheUrlFromADotEnvFile() throws Exception {
        createBlog(dir.resolve("dev.db"));
        write(".env", "# the database\nSINEW_TEST_PULL_URL=\"file:./dev.db\"\n");
        write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = env(\"SINEW_TEST_PULL_URL\")\n}\n");

        CliRun run = CliRun.in(dir, "db", "pull", "--print");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("model User {");
    }

    @Test
    void anEmptyDatabaseGivesPrismasP4001AndLeavesTheFileAlone() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dev.db"))) {
            c.createStatement().execute("PRAGMA user_version = 1");
        }
        Path schema = write("schema.prisma", DATASOURCE);

        CliRun run = CliRun.in(dir, "db", "pull");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("""
                P4001 The introspected database was empty:

                sinew db pull could not create any models in your schema.prisma file and you will not be able \
                to generate a client with the sinew generate command.

                To fix this, you have two options:

                - manually create a table in your database.
                - make sure the database connection URL inside the datasource block in schema.prisma points to a \
                database that is not empty (it must contain at least one table).

                Then you can run sinew db pull again.
                """);
        assertThat(schema).hasContent(DATASOURCE);
    }

    @Test
    void aMissingSqliteFileIsReportedNotCreated() throws IOException {
        write("schema.prisma", DATASOURCE);

        CliRun run = CliRun.in(dir, "db", "pull");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Sinew schema loaded").contains("error[P1003]: Database dev.db does not "
                + "exist at " + dir.toAbsolutePath().resolve("dev.db"));
        assertThat(dir.resolve("dev.db")).doesNotExist();
    }

    @Test
    void anUnreachableServerGivesPrismasP1001() throws IOException {
        write("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");

        CliRun run = CliRun.in(dir, "db", "pull", "--url", "postgresql://user:secret@127.0.0.1:1/app");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("error[P1001]: Can't reach database server at `127.0.0.1`:`1` "
                + "(hint: Please make sure your database server is running at `127.0.0.1`:`1`.)");
        assertThat(run.err()).doesNotContain("secret").doesNotContain("\tat ");
    }

    @Test
    void aUrlOfAnotherProviderIsRefused() throws IOException {
        write("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");

        CliRun run = CliRun.in(dir, "db", "pull", "--url", "mysql://root:pw@localhost/app");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error[P1012]: Error validating datasource `db`: the URL must start with the "
                + "protocol `postgresql://` or `postgres://`.").doesNotContain("pw");
    }

    @Test
    void withoutAnyUrlTheCommandSaysWhereToGiveOne() throws IOException {
        write("schema.prisma", "datasource db {\n  provider = \"sqlite\"\n}\n");

        CliRun run = CliRun.in(dir, "db", "pull");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error[C201]: the datasource \"db\" has no url, and no --url was given");
    }

    @Test
    void reintrospectionKeepsNamesAndForceForgetsThem() throws Exception {
        createBlog(dir.resolve("dev.db"));
        String mine = DATASOURCE + """

                model Writer {
                  id    Int     @id @default(autoincrement())
                  email String  @unique
                  name  String?
                  posts Post[]

                  @@map("User")
                }

                model Post {
                  id       Int    @id @default(autoincrement())
                  title    String
                  authorId Int
                  author   Writer @relation(fields: [authorId], references: [id], onDelete: Cascade)

                  @@index([authorId])
                }
                """;
        Path schema = write("schema.prisma", mine);

        CliRun kept = CliRun.in(dir, "db", "pull");
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(schema).hasContent(mine);
        assertThat(kept.out()).contains("""
                *** WARNING ***

                These models were enriched with `@@map` information taken from the previous Prisma schema:
                  - "Writer"
                """);

        CliRun forced = CliRun.in(dir, "db", "pull", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(schema).hasContent(PULLED);
    }

    @Test
    void anInvalidSchemaStopsThePullUnlessForced() throws Exception {
        createBlog(dir.resolve("dev.db"));
        Path schema = write("schema.prisma", DATASOURCE + "\nmodel Broken {\n  id Nope @id\n}\n");

        CliRun refused = CliRun.in(dir, "db", "pull");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Introspection failed as your current schema file is invalid.")
                .contains("--force");
        assertThat(schema).hasContent(DATASOURCE + "\nmodel Broken {\n  id Nope @id\n}\n");

        CliRun forced = CliRun.in(dir, "db", "pull", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(schema).hasContent(PULLED);
    }

    @Test
    void prismaModeKeepsTheRelationsAndPrintsPrismasWarning() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dev.db"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT)");
            st.execute("CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                    + "\"authorId\" INTEGER NOT NULL)");
        }
        String mine = """
                datasource db {
                  provider             = "sqlite"
                  url                  = "file:./dev.db"
                  referentialIntegrity = "prisma"
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  posts Post[]
                }

                model Post {
                  id       Int  @id @default(autoincrement())
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """;
        write("schema.prisma", mine);

        CliRun run = CliRun.in(dir, "db", "pull", "--print");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(mine.replace("referentialIntegrity = \"prisma\"",
                "relationMode = \"prisma\"").replace("provider             =", "provider     =")
                .replace("url                  =", "url          ="));
        assertThat(run.err()).isEqualTo("""

                // *** WARNING ***
                //\s
                // Relations were copied from the previous data model due to not using foreign keys in the \
                database. If any of the relation columns changed in the database, the relations might not be \
                correct anymore:
                //   - "User"
                //   - "Post"
                """);
    }

    @Test
    void pullsFromPostgresql(@Database(DatabaseKind.POSTGRESQL) TestDatabase db) throws Exception {
        pullsFromServer(db, "postgresql");
    }

    @Test
    void pullsFromMariaDb(@Database(DatabaseKind.MYSQL) TestDatabase db) throws Exception {
        pullsFromServer(db, "mysql");
    }

    private void pullsFromServer(TestDatabase db, String provider) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            String q = provider.equals("mysql") ? "`" : "\"";
            st.execute("CREATE TABLE " + q + "Account" + q + " (id INTEGER NOT NULL PRIMARY KEY, "
                    + "email VARCHAR(100) NOT NULL)");
            st.execute("CREATE UNIQUE INDEX account_email ON " + q + "Account" + q + " (email)");
        }
        Path schema = write("schema.prisma", "datasource db {\n  provider = \"" + provider
                + "\"\n  url      = env(\"DATABASE_URL\")\n}\n");
        write(".env", "DATABASE_URL=" + db.prismaUrl() + "\n");

        CliRun run = CliRun.in(dir, "db", "pull");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(schema).hasContent("datasource db {\n  provider = \"" + provider + "\"\n"
                + "  url      = env(\"DATABASE_URL\")\n}\n\n"
                + "model Account {\n"
                + "  id    Int    @id\n"
                + "  email String @unique(map: \"account_email\") @db.VarChar(100)\n"
                + "}\n");
    }

    @Test
    void helpListsTheOptions() {
        CliRun run = CliRun.in(dir, "db", "pull", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--print").contains("--force").contains("--url").contains("--schema");
    }

    private static void createBlog(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                    + "\"email\" TEXT NOT NULL, \"name\" TEXT)");
            st.execute("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\")");
            st.execute("CREATE TABLE \"Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
                    + "\"title\" TEXT NOT NULL, \"authorId\" INTEGER NOT NULL, CONSTRAINT \"Post_authorId_fkey\" "
                    + "FOREIGN KEY (\"authorId\") REFERENCES \"User\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE)");
            st.execute("CREATE INDEX \"Post_authorId_idx\" ON \"Post\"(\"authorId\")");
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
