package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationRecord;
import dev.sinew.migrate.history.MigrationsTable;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code migrate resolve}: records by hand what happened to a migration, as Prisma does. {@code --rolled-back}
 * marks a failed migration's row rolled back, so that deploy runs it again; {@code --applied} marks it applied
 * (a hotfix, or a baseline of an existing database) with a new finished row, its failed row rolled back.
 */
public final class MigrateResolve {

    private MigrateResolve() {}

    /**
     * {@code --applied NAME}.
     *
     * @throws MigrateException {@code P3017} when the folder has no such migration, {@code P3008} when it is
     *                          recorded as applied already
     */
    public static void applied(Project project, String name, PrintWriter out) {
        MigrationFolder migration = project.migrations().find(name).orElseThrow(() -> new MigrateException("P3017",
                "The migration " + name + " could not be found. Please make sure that the migration exists, and that "
                        + "you included the whole name of the directory. (example: \"20201207184859_initial_migration\")",
                "`sinew migrate status` lists the migrations of the folder"));
        Database database = project.database();
        try (Connection connection = database.connect()) {
            MigrationsTable table = new MigrationsTable(database, connection, project.clock());
            table.createIfMissing();
            List<MigrationRecord> rows = table.records().stream().filter(r -> r.name().equals(name)).toList();
            if (rows.stream().anyMatch(MigrationRecord::applied)) {
                throw new MigrateException("P3008", "The migration `" + name + "` is already recorded as applied in "
                        + "the database.", "nothing to resolve: `sinew migrate status` shows the history");
            }
            for (MigrationRecord row : rows) {
                if (row.failed()) {
                    table.markRolledBack(row.id());
                }
            }
            table.insertApplied(migration);
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed: " + DbPush.oneLine(e.getMessage()),
                    "check the database and run the command again", List.of(), e);
        }
        out.println();
        out.println("Migration " + name + " marked as applied.");
    }

    /**
     * {@code --rolled-back NAME}.
     *
     * @throws MigrateException {@code P3011} when the migration was never applied, {@code P3012} when it did not
     *                          fail
     */
    public static void rolledBack(Project project, String name, PrintWriter out) {
        Database database = project.database();
        try (Connection connection = database.connect()) {
            MigrationsTable table = new MigrationsTable(database, connection, project.clock());
            List<MigrationRecord> rows = table.records().stream()
                    .filter(r -> r.name().equals(name) && !r.rolledBack()).toList();
            if (rows.isEmpty()) {
                throw new MigrateException("P3011", "Migration `" + name + "` cannot be rolled back because it was "
                        + "never applied to the database. Hint: did you pass in the whole migration name? (example: "
                        + "\"20201207184859_initial_migration\")", "`sinew migrate status` shows the failed migrations");
            }
            if (rows.stream().noneMatch(MigrationRecord::failed)) {
                throw new MigrateException("P3012", "Migration `" + name + "` cannot be rolled back because it is "
                        + "not in a failed state.", "only a failed migration can be marked rolled back");
            }
            for (MigrationRecord row : rows) {
                if (row.failed()) {
                    table.markRolledBack(row.id());
                }
            }
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed: " + DbPush.oneLine(e.getMessage()),
                    "check the database and run the command again", List.of(), e);
        }
        out.println();
        out.println("Migration " + name + " marked as rolled back.");
    }
}
