package dev.sinew.migrate.workflow;

import static dev.sinew.migrate.TestSchemas.foreignKeyCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationRecord;
import dev.sinew.migrate.history.MigrationsTable;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations workflow against real SQLite, PostgreSQL and MariaDB: {@code migrate dev} then {@code migrate deploy}
 * on a fresh database gives the same schema; dev detects drift and edited migrations; a migration failing half-way
 * is recorded as failed, leaves nothing behind where DDL is transactional, and blocks deploy until resolved.
 */
class MigrateWorkflowTest {

    @TempDir
    Path dir;

    private static MigrateDev.Options named(String name) {
        return new MigrateDev.Options(name, false, false);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrateDevThenDeployOnAFreshDatabaseGivesTheSameSchema(DatabaseKind kind) {
        try (TestDatabase dev = TestDatabases.create(kind, "MigrateDev");
             TestDatabase prod = TestDatabases.create(kind, "MigrateDeploy")) {
            Workbench devBench = new Workbench(dev, dir);
            Project devProject = devBench.project(devBench.blog("foreignKeys"));
            MigrateDev.Result first = MigrateDev.run(devProject, named("init"), "prisma/migrations", devBench.out);
            assertThat(first.created().name()).endsWith("_init");
            assertThat(first.applied()).isTrue();
            assertThat(devBench.printed()).contains("The following migration(s) have been created and applied from "
                    + "new schema changes:\n\nprisma/migrations/\n  └─ " + first.created().name()
                    + "/\n    └─ migration.sql\n\nYour database is now in sync with your schema.\n");

            MigrateDev.Result again = MigrateDev.run(devProject, named("nothing"), "prisma/migrations", devBench.out);
            assertThat(again.created()).isNull();
            assertThat(devBench.printed()).isEqualTo("Already in sync, no schema change or pending migration was "
                    + "found.\n");

            // The next schema: prisma mode drops every foreign key, and a column is added.
            String next = devBench.blog("prisma").replace("title    String  @default(\"untitled\")",
                    "title    String  @default(\"untitled\")\n  views    Int     @default(0)");
            Project nextProject = devBench.project(next);
            MigrateDev.Result second = MigrateDev.run(nextProject, named("Switch to prisma mode"),
                    "prisma/migrations", devBench.out);
            assertThat(second.created().name()).endsWith("_switch_to_prisma_mode");
            assertThat(foreignKeyCount(devBench.introspect(nextProject))).isZero();

            Workbench prodBench = new Workbench(prod, dir);
            Project prodProject = prodBench.project(next);
            List<String> deployed = MigrateDeploy.run(prodProject, "prisma/migrations", prodBench.out);
            assertThat(deployed).containsExactly(first.created().name(), second.created().name());
            assertThat(prodBench.printed()).contains("2 migrations found in prisma/migrations",
                    "All migrations have been successfully applied.");

            SqlSchema devSchema = devBench.introspect(nextProject);
            SqlSchema prodSchema = prodBench.introspect(prodProject);
            SchemaDiffer differ = new SchemaDiffer(prodProject.database().dialect());
            assertThat(differ.diff(devSchema, prodSchema).steps()).isEmpty();
            assertThat(differ.diff(prodSchema, prodProject.calculatedSchema()).steps()).isEmpty();

            assertThat(MigrateDeploy.run(prodProject, "prisma/migrations", prodBench.out)).isEmpty();
            assertThat(prodBench.printed()).endsWith("\nNo pending migrations to apply.\n");
            assertThat(MigrateStatus.run(prodProject, "prisma/migrations", prodBench.out, prodBench.out)).isTrue();
            assertThat(prodBench.printed()).endsWith("Database schema is up to date!\n");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrateDevStopsOnDriftAndOnEditedMigrations(DatabaseKind kind) throws IOException {
        try (TestDatabase dev = TestDatabases.create(kind, "MigrateDrift")) {
            Workbench bench = new Workbench(dev, dir);
            Project project = bench.project(bench.blog("foreignKeys"));
            MigrationFolder init = MigrateDev.run(project, named("init"), "prisma/migrations", bench.out).created();

            bench.execute("CREATE TABLE " + bench.q("Extra") + " (" + bench.q("id") + " INTEGER PRIMARY KEY)");
            MigrateException drift = catchThrowableOfType(
                    () -> MigrateDev.run(project, named("x"), "prisma/migrations", bench.out), MigrateException.class);
            assertThat(drift.code()).isEqualTo("C304");
            assertThat(String.join("\n", drift.details()))
                    .startsWith("Drift detected: Your database schema is not in sync with your migration history.")
                    .contains("\n[+] Added tables\n  - Extra\n")
                    .contains("We need to reset ");
            assertThat(drift.hint()).contains("sinew migrate reset --force");

            bench.execute("DROP TABLE " + bench.q("Extra"));
            Files.writeString(init.scriptFile(), init.script() + "\n-- edited\n");
            MigrateException edited = catchThrowableOfType(
                    () -> MigrateDev.run(project, named("x"), "prisma/migrations", bench.out), MigrateException.class);
            assertThat(edited.code()).isEqualTo("C304");
            assertThat(edited.details().get(0)).isEqualTo("The migration `" + init.name() + "` was modified after "
                    + "it was applied.");

            MigrateReset.run(project, bench.out);
            assertThat(bench.printed()).contains("Database reset successful\n\nThe following migration(s) have been "
                    + "applied:\n\nmigrations/\n  └─ " + init.name() + "/\n    └─ migration.sql\n");
            assertThat(MigrateDev.run(project, named("x"), "prisma/migrations", bench.out).created()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMigrationFailingHalfWayIsRecordedAndBlocksDeployUntilResolved(DatabaseKind kind) throws IOException {
        try (TestDatabase db = TestDatabases.create(kind, "MigrateFailure")) {
            Workbench bench = new Workbench(db, dir);
            Project project = bench.project(bench.blog("foreignKeys"));
            Path migrations = project.migrations().path();
            String t1 = bench.q("T1");
            write(migrations, "20260101000000_first", "CREATE TABLE " + t1 + " (" + bench.q("id") + " INTEGER);\n");
            write(migrations, "20260101000001_second", "CREATE TABLE " + bench.q("T2") + " (" + bench.q("id")
                    + " INTEGER);\n-- fails: T1 exists\nCREATE TABLE " + t1 + " (" + bench.q("id") + " INTEGER);\n");

            MigrateException failed = catchThrowableOfType(
                    () -> MigrateDeploy.run(project, "migrations", bench.out), MigrateException.class);
            assertThat(failed.code()).isEqualTo("P3018");
            assertThat(failed.details()).contains("Migration name: 20260101000001_second");
            boolean t2Exists = bench.count(tableCount(bench, "T2")) > 0;
            if (bench.transactionalDdl()) {
                assertThat(t2Exists).as("nothing of the failed migration remains").isFalse();
                assertThat(failed.details()).contains("Nothing of the migration remains: it ran in one transaction, "
                        + "which was rolled back.");
            } else {
                assertThat(t2Exists).as("MySQL committed the statement before the failure").isTrue();
                assertThat(failed.details()).contains("MySQL does not run DDL in transactions: the 1 statement(s) "
                        + "before the failing one remain applied.");
                bench.execute("DROP TABLE " + bench.q("T2"));
            }
            MigrationRecord row = records(project).stream().filter(r -> r.name().equals("20260101000001_second"))
                    .findFirst().orElseThrow();
            assertThat(row.failed()).isTrue();
            assertThat(row.finishedAt()).isNull();
            assertThat(row.logs()).isNotBlank().contains("Failed statement:");

            MigrateException blocked = catchThrowableOfType(
                    () -> MigrateDeploy.run(project, "migrations", bench.out), MigrateException.class);
            assertThat(blocked.code()).isEqualTo("P3009");
            assertThat(blocked.details().get(0)).startsWith("The `20260101000001_second` migration started at ")
                    .contains(" UTC failed with the following logs:");

            StringWriter status = new StringWriter();
            assertThat(MigrateStatus.run(project, "migrations", bench.out, new PrintWriter(status, true))).isFalse();
            assertThat(status.toString()).startsWith("Following migration have failed:\n20260101000001_second\n");

            write(migrations, "20260101000001_second", "CREATE TABLE " + bench.q("T2") + " (" + bench.q("id")
                    + " INTEGER);\n");
            MigrateResolve.rolledBack(project, "20260101000001_second", bench.out);
            assertThat(bench.printed()).endsWith("\nMigration 20260101000001_second marked as rolled back.\n");
            assertThat(MigrateDeploy.run(project, "migrations", bench.out)).containsExactly("20260101000001_second");
            assertThat(bench.count(tableCount(bench, "T2"))).isEqualTo(1);

            MigrateException notFailed = catchThrowableOfType(
                    () -> MigrateResolve.rolledBack(project, "20260101000001_second", bench.out),
                    MigrateException.class);
            assertThat(notFailed.code()).isEqualTo("P3012");
            MigrateException applied = catchThrowableOfType(
                    () -> MigrateResolve.applied(project, "20260101000001_second", bench.out), MigrateException.class);
            assertThat(applied.code()).isEqualTo("P3008");
            MigrateException unknown = catchThrowableOfType(
                    () -> MigrateResolve.applied(project, "20260101000009_nope", bench.out), MigrateException.class);
            assertThat(unknown.code()).isEqualTo("P3017");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void resolveAppliedRecordsAHotfixAndDeployGoesOn(DatabaseKind kind) throws IOException {
        try (TestDatabase db = TestDatabases.create(kind, "MigrateResolve")) {
            Workbench bench = new Workbench(db, dir);
            Project project = bench.project(bench.blog("foreignKeys"));
            Path migrations = project.migrations().path();
            write(migrations, "20260101000000_broken", "CREATE TABLE " + bench.q("T1") + " (" + bench.q("id")
                    + " INTEGER);\nSELECT * FROM " + bench.q("Missing") + ";\n");
            write(migrations, "20260101000001_next", "CREATE TABLE " + bench.q("T3") + " (" + bench.q("id")
                    + " INTEGER);\n");
            catchThrowableOfType(() -> MigrateDeploy.run(project, "migrations", bench.out), MigrateException.class);
            if (bench.transactionalDdl()) {
                bench.execute("CREATE TABLE " + bench.q("T1") + " (" + bench.q("id") + " INTEGER)"); // the hotfix
            }
            MigrateResolve.applied(project, "20260101000000_broken", bench.out);
            assertThat(bench.printed()).endsWith("\nMigration 20260101000000_broken marked as applied.\n");
            assertThat(MigrateDeploy.run(project, "migrations", bench.out)).containsExactly("20260101000001_next");
            List<MigrationRecord> rows = records(project);
            assertThat(rows).filteredOn(r -> r.name().equals("20260101000000_broken"))
                    .extracting(r -> r.applied() + "/" + r.rolledBack()).containsExactlyInAnyOrder("false/true",
                            "true/false");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deployChecksTheRowsBeforeAMigrationAddsForeignKeys(DatabaseKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "MigrateOrphans")) {
            Workbench bench = new Workbench(db, dir);
            Project prisma = bench.project(bench.blog("prisma"));
            MigrateDev.run(prisma, named("init"), "migrations", bench.out);
            DbPushTest.plantOrphans(bench);

            Project foreignKeys = bench.project(bench.blog("foreignKeys"));
            MigrateException dev = catchThrowableOfType(
                    () -> MigrateDev.run(foreignKeys, named("fks"), "migrations", bench.out), MigrateException.class);
            assertThat(dev.code()).isEqualTo("C303");
            assertThat(foreignKeys.migrations().list()).hasSize(1);

            MigrateDev.Result written = MigrateDev.run(foreignKeys, new MigrateDev.Options("fks", true, false),
                    "migrations", bench.out);
            assertThat(written.applied()).isFalse();
            MigrateException deploy = catchThrowableOfType(
                    () -> MigrateDeploy.run(foreignKeys, "migrations", bench.out), MigrateException.class);
            assertThat(deploy.code()).isEqualTo("C303");
            assertThat(deploy.details().get(0)).isEqualTo("Migration `" + written.created().name() + "` was not "
                    + "applied.");
            assertThat(String.join("\n", deploy.details()))
                    .contains("`Post`(`authorId`) → `User`(`id`): 2 orphaned rows point at 2 missing keys: "
                            + "authorId = 98; authorId = 99")
                    .contains("`Entry`(`tenant`, `number`) → `Account`(`tenant`, `number`): 1 orphaned row");
            assertThat(records(foreignKeys)).extracting(MigrationRecord::name).hasSize(1);
            assertThat(foreignKeyCount(bench.introspect(foreignKeys))).isZero();

            bench.execute("DELETE FROM " + bench.q("_PostToTag"), "DELETE FROM " + bench.q("Entry"),
                    "DELETE FROM " + bench.q("Post"));
            assertThat(MigrateDeploy.run(foreignKeys, "migrations", bench.out))
                    .containsExactly(written.created().name());
            assertThat(foreignKeyCount(bench.introspect(foreignKeys))).isEqualTo(4);
        }
    }

    private static String tableCount(Workbench bench, String table) {
        return switch (bench.testDatabase.kind()) {
            case SQLITE -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'";
            case POSTGRESQL -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_name = '" + table + "'";
            case MYSQL -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_name = '" + table + "'";
        };
    }

    static List<MigrationRecord> records(Project project) {
        try (Connection c = project.database().connect()) {
            return new MigrationsTable(project.database(), c).records();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path migrations, String name, String script) throws IOException {
        Files.createDirectories(migrations.resolve(name));
        Files.writeString(migrations.resolve(name).resolve("migration.sql"), script);
    }
}
