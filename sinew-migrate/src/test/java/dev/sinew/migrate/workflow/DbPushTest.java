package dev.sinew.migrate.workflow;

import static dev.sinew.migrate.TestSchemas.foreignKeyCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code db push} and {@code db check} against real SQLite, PostgreSQL and MariaDB: the push applies, a second push
 * changes nothing, the database then reads back as the calculated schema, foreign keys exist in foreignKeys mode and
 * not in prisma mode, switching modes adds and drops them, orphans stop the switch to foreign keys, and the check
 * finds planted orphans.
 */
class DbPushTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pushAppliesAndASecondPushChangesNothing(DatabaseKind kind) {
        for (String mode : new String[]{"foreignKeys", "prisma"}) {
            try (TestDatabase db = TestDatabases.create(kind, "DbPushTest")) {
                Workbench bench = new Workbench(db, dir);
                Project project = bench.project(bench.blog(mode));

                DbPush.Result first = DbPush.run(project, false, false, bench.out);
                assertThat(first.steps()).isNotEmpty();
                assertThat(bench.printed()).contains("Your database is now in sync with your Prisma schema. Done in");

                DbPush.Result second = DbPush.run(project, false, false, bench.out);
                assertThat(second.steps()).isEmpty();
                assertThat(bench.printed()).isEqualTo("\nThe database is already in sync with the Prisma schema.\n");

                SqlSchema live = bench.introspect(project);
                SqlSchema calculated = project.calculatedSchema();
                assertThat(new SchemaDiffer(project.database().dialect()).diff(live, calculated).steps()).isEmpty();
                // foreignKeys: Post.author, Entry.account and the two of the join table _PostToTag
                assertThat(foreignKeyCount(live)).isEqualTo(mode.equals("foreignKeys") ? 4 : 0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void switchingModesDropsAndAddsTheForeignKeysAndKeepsTheRows(DatabaseKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "DbPushTest")) {
            Workbench bench = new Workbench(db, dir);
            DbPush.run(bench.project(bench.blog("foreignKeys")), false, false, bench.out);
            bench.execute("INSERT INTO " + bench.q("User") + " (" + bench.q("id") + ", " + bench.q("email")
                            + ") VALUES (1, 'a@example.com')",
                    "INSERT INTO " + bench.q("Post") + " (" + bench.q("id") + ", " + bench.q("authorId")
                            + ") VALUES (10, 1)");

            Project prisma = bench.project(bench.blog("prisma"));
            DbPush.Result drop = DbPush.run(prisma, false, false, bench.out);
            assertThat(drop.steps()).isNotEmpty();
            assertThat(foreignKeyCount(bench.introspect(prisma))).isZero();

            Project foreignKeys = bench.project(bench.blog("foreignKeys"));
            DbPush.run(foreignKeys, false, false, bench.out);
            assertThat(foreignKeyCount(bench.introspect(foreignKeys))).isEqualTo(4);
            assertThat(bench.count("SELECT COUNT(*) FROM " + bench.q("Post"))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void orphansStopTheSwitchToForeignKeysWithAListAndChangeNothing(DatabaseKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "DbPushTest")) {
            Workbench bench = new Workbench(db, dir);
            Project prisma = bench.project(bench.blog("prisma"));
            DbPush.run(prisma, false, false, bench.out);
            plantOrphans(bench);

            Project foreignKeys = bench.project(bench.blog("foreignKeys"));
            MigrateException e = catchThrowableOfType(() -> DbPush.run(foreignKeys, false, false, bench.out),
                    MigrateException.class);

            assertThat(e.code()).isEqualTo("C303");
            assertThat(e.getMessage()).isEqualTo("4 foreign keys would be violated by existing rows; nothing was "
                    + "changed");
            String details = String.join("\n", e.details());
            assertThat(details)
                    .contains("relation `PostToUser`, foreign key `Post_authorId_fkey`: `Post`(`authorId`) → "
                            + "`User`(`id`): 2 orphaned rows point at 2 missing keys: authorId = 98; authorId = 99")
                    .contains("relation `AccountToEntry`, foreign key `Entry_tenant_number_fkey`: "
                            + "`Entry`(`tenant`, `number`) → `Account`(`tenant`, `number`): 1 orphaned row points at "
                            + "1 missing key: tenant = 7, number = 8")
                    .contains("relation `PostToTag` (join table `_PostToTag`)");
            assertThat(foreignKeyCount(bench.introspect(foreignKeys))).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void dbCheckFindsPlantedOrphansAndNothingElse(DatabaseKind kind) {
        try (TestDatabase db = TestDatabases.create(kind, "DbPushTest")) {
            Workbench bench = new Workbench(db, dir);
            Project project = bench.project(bench.blog("prisma"));
            DbPush.run(project, false, false, bench.out);
            bench.printed();

            DbCheck.Result clean = DbCheck.run(project.datamodel(), project.database(), bench.out);
            assertThat(clean.clean()).isTrue();
            assertThat(clean.checked()).hasSize(4);
            assertThat(bench.printed()).contains("No orphaned rows: every relation points at existing records.");

            plantOrphans(bench);
            DbCheck.Result found = DbCheck.run(project.datamodel(), project.database(), bench.out);
            assertThat(found.clean()).isFalse();
            assertThat(found.orphanedRows()).isEqualTo(2 + 1 + 1 + 1);
            assertThat(found.checked()).extracting(o -> o.reference().label() + "=" + o.rows()).containsExactly(
                    "relation `PostToUser`=2",
                    "relation `PostToTag` (join table `_PostToTag`, column `A`)=1",
                    "relation `PostToTag` (join table `_PostToTag`, column `B`)=1",
                    "relation `AccountToEntry`=1");
            String report = bench.printed();
            assertThat(report).contains("  ✘ relation `PostToUser`: `Post`(`authorId`) → `User`(`id`): 2 orphaned "
                    + "rows point at 2 missing keys: authorId = 98; authorId = 99");
            assertThat(report).contains("Orphaned rows in 4 of 4 references (5 rows).");
        }
    }

    /**
     * Posts whose author is missing (98, 99), one without an author (NULL: no orphan), an entry of a missing
     * account (7, 8), and a join row on each side of the many-to-many relation pointing nowhere.
     */
    static void plantOrphans(Workbench bench) {
        String user = bench.q("User");
        String post = bench.q("Post");
        bench.execute(
                "INSERT INTO " + user + " (" + bench.q("id") + ", " + bench.q("email") + ") VALUES (1, 'a@x')",
                "INSERT INTO " + post + " (" + bench.q("id") + ", " + bench.q("authorId") + ") VALUES (1, 1)",
                "INSERT INTO " + post + " (" + bench.q("id") + ", " + bench.q("authorId") + ") VALUES (2, 99)",
                "INSERT INTO " + post + " (" + bench.q("id") + ", " + bench.q("authorId") + ") VALUES (3, 98)",
                "INSERT INTO " + post + " (" + bench.q("id") + ", " + bench.q("authorId") + ") VALUES (4, NULL)",
                "INSERT INTO " + bench.q("Account") + " (" + bench.q("tenant") + ", " + bench.q("number")
                        + ") VALUES (7, 7)",
                "INSERT INTO " + bench.q("Entry") + " (" + bench.q("id") + ", " + bench.q("tenant") + ", "
                        + bench.q("number") + ") VALUES (1, 7, 7)",
                "INSERT INTO " + bench.q("Entry") + " (" + bench.q("id") + ", " + bench.q("tenant") + ", "
                        + bench.q("number") + ") VALUES (2, 7, 8)",
                "INSERT INTO " + bench.q("Tag") + " (" + bench.q("id") + ") VALUES (1)",
                "INSERT INTO " + bench.q("_PostToTag") + " (" + bench.q("A") + ", " + bench.q("B")
                        + ") VALUES (1, 1)",
                "INSERT INTO " + bench.q("_PostToTag") + " (" + bench.q("A") + ", " + bench.q("B")
                        + ") VALUES (1, 404)",
                "INSERT INTO " + bench.q("_PostToTag") + " (" + bench.q("A") + ", " + bench.q("B")
                        + ") VALUES (505, 1)");
    }
}
