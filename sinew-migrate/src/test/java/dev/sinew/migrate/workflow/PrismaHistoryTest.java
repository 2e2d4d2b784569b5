package dev.sinew.migrate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.migrate.TestSchemas;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationRecord;
import dev.sinew.migrate.workflow.MigrateDiff.Source;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A project that Prisma migrated (its folder, its {@code _prisma_migrations} table with the rows and time formats
 * Prisma writes) is read and continued: deploy applies only what Prisma did not, status and dev see it up to date.
 */
class PrismaHistoryTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHistoryPrismaWroteIsContinued(DatabaseKind kind) throws IOException {
        try (TestDatabase db = TestDatabases.create(kind, "PrismaHistory")) {
            Workbench bench = new Workbench(db, dir);
            String v1 = bench.blog("foreignKeys");
            String v2 = v1.replace("model Tag {\n  id    Int    @id", "model Tag {\n  id    Int    @id\n  label String?");
            Project project = bench.project(v2);
            Path migrations = project.migrations().path();

            String init = script(v1, null);
            MigrateWorkflowTest.write(migrations, "20240101000000_init", init);
            MigrateWorkflowTest.write(migrations, "20240201000000_tag_label", script(v2, v1));

            // What Prisma left in the database: the first migration applied, and its row.
            Project prismaSide = bench.project(v1);
            String checksum = MigrationFolder.checksum(init.getBytes(StandardCharsets.UTF_8));
            bench.execute(prismaSide.database().migrationsTableDdl());
            DbPush.run(prismaSide, false, false, bench.out);
            String time = switch (kind) {
                case SQLITE -> "'2024-01-01T10:00:00.123+00:00'"; // as Prisma 7's SQLite adapter writes it
                case POSTGRESQL -> "now()";
                case MYSQL -> "CURRENT_TIMESTAMP(3)";
            };
            bench.execute("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, "
                    + "rolled_back_at, started_at, applied_steps_count) VALUES ('6f1b2a9e-0000-4000-8000-000000000001', '"
                    + checksum + "', " + time + ", '20240101000000_init', NULL, NULL, " + time + ", 1)");
            bench.printed();

            assertThat(MigrateStatus.run(project, "prisma/migrations", bench.out, bench.out)).isFalse();
            assertThat(bench.printed()).isEqualTo("\n2 migrations found in prisma/migrations\nFollowing migration have "
                    + "not yet been applied:\n20240201000000_tag_label\n\nTo apply migrations in development run sinew "
                    + "migrate dev.\nTo apply migrations in production run sinew migrate deploy.\n");

            assertThat(MigrateDeploy.run(project, "prisma/migrations", bench.out))
                    .containsExactly("20240201000000_tag_label");
            List<MigrationRecord> rows = MigrateWorkflowTest.records(project);
            assertThat(rows).extracting(MigrationRecord::name)
                    .containsExactly("20240101000000_init", "20240201000000_tag_label");
            assertThat(rows.get(0).startedAt()).isNotNull();
            assertThat(rows).allMatch(MigrationRecord::applied);

            assertThat(MigrateStatus.run(project, "prisma/migrations", bench.out, bench.out)).isTrue();
            assertThat(MigrateDev.run(project, new MigrateDev.Options("x", false, false), "prisma/migrations",
                    bench.out).created()).isNull();
        }
    }

    /** The script Prisma writes for a schema change ({@code null}: from nothing), with its warnings header. */
    private static String script(String to, String from) {
        MigrateDiff.Outcome outcome = MigrateDiff.diff(
                from == null ? new Source.Empty() : new Source.Schema(TestSchemas.valid(from)),
                new Source.Schema(TestSchemas.valid(to)), null);
        return outcome.dialect().renderScript(outcome.migration());
    }
}
