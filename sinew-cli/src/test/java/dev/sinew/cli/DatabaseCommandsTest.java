package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database commands as a user runs them, on SQLite in process and once on PostgreSQL: what they print, their
 * exit statuses, and one-line errors with codes instead of stack traces.
 */
class DatabaseCommandsTest {

    private static final String SCHEMA = """
            datasource db {
              provider     = "sqlite"
              url          = env("DATABASE_URL")
              relationMode = "MODE"
            }

            model User {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id       Int   @id
              authorId Int?
              author   User? @relation(fields: [authorId], references: [id])

              @@index([authorId])
            }
            """;

    @TempDir
    Path project;

    private Path schema(String mode) throws IOException {
        Path prisma = Files.createDirectories(project.resolve("prisma"));
        Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", mode));
        Files.writeString(prisma.resolve(".env"), "DATABASE_URL=\"file:./dev.db\"\n");
        return prisma;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + project.resolve("prisma/dev.db"));
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Test
    void dbPushThenPushAgainThenCheck() throws IOException, SQLException {
        schema("prisma");

        CliRun push = CliRun.in(project, "db", "push");
        assertThat(push.exitCode()).as(push.toString()).isZero();
        assertThat(push.err()).isEqualTo("Sinew schema loaded from prisma/schema.prisma.\n"
                + "Datasource \"db\": SQLite database \"dev.db\" at \"file:./dev.db\"\n");
        assertThat(push.out()).startsWith("\nSQLite database dev.db created at file:./dev.db\n\n🚀  Your database is "
                + "now in sync with your Prisma schema. Done in ");
        assertThat(project.resolve("prisma/dev.db")).as("relative to the schema, as Prisma resolves it").exists();

        CliRun again = CliRun.in(project, "db", "push");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("\nThe database is already in sync with the Prisma schema.\n");

        CliRun clean = CliRun.in(project, "db", "check");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();

        sql("INSERT INTO \"Post\" (\"id\", \"authorId\") VALUES (1, 42)");
        CliRun orphans = CliRun.in(project, "db", "check");
        assertThat(orphans.exitCode()).isEqualTo(1);
        assertThat(orphans.out()).contains("  ✘ relation `PostToUser`: `Post`(`authorId`) → `User`(`id`): 1 orphaned "
                + "row points at 1 missing key: authorId = 42");

        schema("foreignKeys");
        CliRun refused = CliRun.in(project, "db", "push");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Foreign keys cannot be added: rows of the database point at records that "
                + "do not exist.\n\n  • relation `PostToUser`, foreign key `Post_authorId_fkey`: `Post`(`authorId`) → "
                + "`User`(`id`): 1 orphaned row points at 1 missing key: authorId = 42\n\n")
                .endsWith("error[C303]: 1 foreign key would be violated by existing rows; nothing was changed (hint: "
                        + "delete the orphaned rows or point them at existing records (`sinew db check` lists them), "
                        + "then run the command again)\n");
    }

    @Test
    void dataLossIsListedAndRefusedWithoutTheFlag() throws IOException, SQLException {
        Path prisma = schema("prisma");
        assertThat(CliRun.in(project, "db", "push").exitCode()).isZero();
        sql("INSERT INTO \"Post\" (\"id\") VALUES (1)");
        Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", "prisma")
                .replaceAll("(?s)model Post \\{.*?\\n}\\n", "").replace("  posts Post[]\n", ""));

        CliRun refused = CliRun.in(project, "db", "push");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEqualTo("\n⚠️  There might be data loss when applying the changes:\n\n"
                + "  • You are about to drop the `Post` table, which is not empty (1 rows).\n\n\n");
        assertThat(refused.err()).endsWith("error[C301]: Use the --accept-data-loss flag to ignore the data loss "
                + "warnings like sinew db push --accept-data-loss (hint: nothing was changed; read the warnings above "
                + "before accepting them)\n");

        CliRun accepted = CliRun.in(project, "db", "push", "--accept-data-loss");
        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out()).contains("Your database is now in sync with your Prisma schema.");
    }

    @Test
    void stepsThatCannotRunAreRefusedEvenWithTheFlagAndForceResetStartsOver() throws IOException, SQLException {
        Path prisma = schema("prisma");
        assertThat(CliRun.in(project, "db", "push").exitCode()).isZero();
        sql("INSERT INTO \"User\" (\"id\") VALUES (1)");
        Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", "prisma")
                .replace("  id    Int    @id\n  posts", "  id    Int    @id\n  name  String\n  posts"));

        CliRun refused = CliRun.in(project, "db", "push", "--accept-data-loss");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("⚠️ We found changes that cannot be executed:\n\n  • Added the required "
                + "column `name` to the `User` table without a default value. There are 1 rows in this table, it is "
                + "not possible to execute this step.\n")
                .endsWith("error[C302]: We found changes that cannot be executed (hint: You may use the --force-reset "
                        + "flag to drop the database before push like sinew db push --force-reset; all data will be "
                        + "lost)\n");

        CliRun reset = CliRun.in(project, "db", "push", "--force-reset");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).startsWith("\nThe SQLite database \"dev.db\" at \"file:./dev.db\" was successfully "
                + "reset.\n\n🚀  Your database is now in sync with your Prisma schema.");
    }

    @Test
    void migrateDevDeployStatusResetAndResolve() throws IOException {
        schema("foreignKeys");

        CliRun dev = CliRun.in(project, "migrate", "dev", "--name", "Init");
        assertThat(dev.exitCode()).as(dev.toString()).isZero();
        Matcher m = Pattern.compile("  └─ (\\d{14}_init)/").matcher(dev.out());
        assertThat(m.find()).as(dev.out()).isTrue();
        String init = m.group(1);
        assertThat(project.resolve("prisma/migrations/migration_lock.toml")).exists();

        CliRun status = CliRun.in(project, "migrate", "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).isEqualTo("\n1 migration found in prisma/migrations\n\nDatabase schema is up to "
                + "date!\n");

        Path second = Files.createDirectories(project.resolve("prisma/migrations/29990101000000_broken"));
        Files.writeString(second.resolve("migration.sql"), "CREATE TABLE \"Extra\" (\"id\" INTEGER);\n"
                + "CREATE TABLE \"User\" (\"id\" INTEGER);\n");
        CliRun pending = CliRun.in(project, "migrate", "status");
        assertThat(pending.exitCode()).isEqualTo(1);
        assertThat(pending.out()).contains("Following migration have not yet been applied:\n29990101000000_broken\n");

        CliRun failed = CliRun.in(project, "migrate", "deploy");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("Migration name: 29990101000000_broken\n", "Database error:\n",
                "table \"User\" already exists", "Nothing of the migration remains")
                .contains("\nerror[P3018]: A migration failed to apply. New migrations cannot be applied before the "
                        + "error is recovered from.").doesNotContain("\tat ");

        CliRun blocked = CliRun.in(project, "migrate", "deploy");
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.err()).contains("\nerror[P3009]: migrate found failed migrations in the target database, "
                + "new migrations will not be applied.");

        CliRun resolve = CliRun.in(project, "migrate", "resolve", "--rolled-back", "29990101000000_broken");
        assertThat(resolve.exitCode()).as(resolve.toString()).isZero();
        assertThat(resolve.out()).isEqualTo("\nMigration 29990101000000_broken marked as rolled back.\n");

        CliRun noForce = CliRun.in(project, "migrate", "reset");
        assertThat(noForce.exitCode()).isEqualTo(2);
        assertThat(noForce.err()).startsWith("error[C305]: migrate reset drops all data of the database");

        Files.writeString(second.resolve("migration.sql"), "CREATE TABLE \"Extra\" (\"id\" INTEGER);\n");
        CliRun reset = CliRun.in(project, "migrate", "reset", "--force");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.out()).isEqualTo("\nDatabase reset successful\n\nThe following migration(s) have been "
                + "applied:\n\nmigrations/\n  └─ " + init + "/\n    └─ migration.sql\n  └─ 29990101000000_broken/\n"
                + "    └─ migration.sql\n");

        CliRun drift = CliRun.in(project, "migrate", "dev");
        assertThat(drift.exitCode()).as("Extra is in the migrations but not in the schema").isZero();
        assertThat(drift.out()).contains("have been created and applied from new schema changes");
    }

    @Test
    void configurationErrorsAreOneLineWithACode() throws IOException {
        Path prisma = schema("prisma");
        Files.delete(prisma.resolve(".env"));

        CliRun noVariable = CliRun.in(project, "db", "push");
        assertThat(noVariable.exitCode()).isEqualTo(1);
        assertThat(noVariable.err()).endsWith("error[P1012]: Environment variable not found: DATABASE_URL. (hint: set "
                + "DATABASE_URL in the environment or in a .env file (in the project root or next to the schema), or "
                + "pass --url)\n");

        CliRun fromProcess = CliRun.in(project, Map.of("DATABASE_URL", "file:./from-env.db"), "db", "push");
        assertThat(fromProcess.exitCode()).as(fromProcess.toString()).isZero();
        assertThat(prisma.resolve("from-env.db")).exists();

        CliRun wrongFamily = CliRun.in(project, "db", "push", "--url", "postgresql://localhost/db");
        assertThat(wrongFamily.err()).endsWith("error[P1012]: Error validating datasource `db`: the URL must start "
                + "with the protocol `file:`. (hint: the datasource provider is \"sqlite\"; give a URL of that database, "
                + "or change the provider)\n");

        Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", "prisma")
                .replace("  url          = env(\"DATABASE_URL\")\n", ""));
        CliRun noUrl = CliRun.in(project, "migrate", "status");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("error[C201]: the datasource \"db\" has no url, and no --url was given");

        CliRun missing = CliRun.in(project, "migrate", "status", "--url", "file:./nothing-here.db");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("error[P1003]: Database nothing-here.db does not exist at "
                + project.resolve("nothing-here.db"));
    }

    @Test
    void anUnreachableServerIsP1001OnOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path prisma = schema("prisma");
        Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", "prisma")
                .replace("\"sqlite\"", "\"postgresql\""));
        CliRun run = CliRun.in(project, Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:" + port + "/app"),
                "migrate", "deploy");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Sinew schema loaded from prisma/schema.prisma.\n"
                + "Datasource \"db\": PostgreSQL database \"app\", schema \"public\" at \"127.0.0.1:" + port + "\"\n"
                + "error[P1001]: Can't reach database server at `127.0.0.1`:`" + port + "` (hint: Please make sure "
                + "your database server is running at `127.0.0.1`:`" + port + "`.)\n");
    }

    @Test
    void onPostgresThroughTheUrlOption() throws IOException {
        try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL, "DatabaseCommandsTest");
             TestDatabase shadow = TestDatabases.create(DatabaseKind.POSTGRESQL, "DatabaseCommandsShadow")) {
            Path prisma = schema("foreignKeys");
            Files.writeString(prisma.resolve("schema.prisma"), SCHEMA.replace("MODE", "foreignKeys")
                    .replace("\"sqlite\"", "\"postgresql\""));
            CliRun dev = CliRun.in(project, "migrate", "dev", "--name", "init", "--url", db.prismaUrl());
            assertThat(dev.exitCode()).as(dev.toString()).isZero();
            CliRun status = CliRun.in(project, "migrate", "status", "--url", db.prismaUrl());
            assertThat(status.exitCode()).as(status.toString()).isZero();
            CliRun push = CliRun.in(project, "db", "push", "--url", db.prismaUrl());
            assertThat(push.out()).isEqualTo("\nThe database is already in sync with the Prisma schema.\n");

            CliRun fromUrl = CliRun.in(project, "migrate", "diff", "--from-url", db.prismaUrl(), "--to-schema",
                    "prisma/schema.prisma", "--exit-code");
            assertThat(fromUrl.exitCode()).as(fromUrl.toString()).isZero();
            assertThat(fromUrl.out()).isEqualTo("No difference detected.\n\n");

            CliRun noShadow = CliRun.in(project, "migrate", "diff", "--from-migrations", "prisma/migrations",
                    "--to-schema", "prisma/schema.prisma");
            assertThat(noShadow.exitCode()).isEqualTo(1);
            assertThat(noShadow.err()).contains("error[C324]: You must pass the --shadow-database-url if you want to "
                    + "diff a migrations directory.");
            CliRun fromMigrations = CliRun.in(project, "migrate", "diff", "--from-migrations", "prisma/migrations",
                    "--shadow-database-url", shadow.prismaUrl(), "--to-url", db.prismaUrl(), "--exit-code");
            assertThat(fromMigrations.exitCode()).as(fromMigrations.toString()).isZero();
        }
    }
}
