package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationsTable;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code migrate deploy}: applies the migrations the history table does not list as applied, in order, each
 * recorded. It never uses a shadow database and never resets. A failed migration in the history blocks it
 * ({@code P3009}) until {@code migrate resolve}; a migration that fails stops it ({@code P3018}). Before a migration
 * that adds foreign keys to tables holding rows, the rows they would refuse are counted, and found ones stop it with
 * a list.
 */
public final class MigrateDeploy {

    private MigrateDeploy() {}

    /**
     * Deploys pending migrations, printing Prisma's report.
     *
     * @param folderName how the report names the migrations folder ({@code prisma/migrations})
     * @return the names of the migrations applied
     */
    public static List<String> run(Project project, String folderName, PrintWriter out) {
        Database database = project.database();
        project.migrations().checkProvider(project.provider());
        if (database.createIfMissing()) {
            out.println();
            out.println(database.createdMessage());
        }
        List<MigrationFolder> folder = project.migrations().list();
        out.println();
        out.println(MigrationReports.found(folder.size(), folderName));
        out.println();
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.connect()) {
            database.ensureSchema(connection);
            MigrationsTable table = new MigrationsTable(database, connection, project.clock());
            table.createIfMissing();
            HistoryDiagnosis history = HistoryDiagnosis.of(folder, table.records(), true);
            if (!history.failed().isEmpty()) {
                throw blockedByFailure(history);
            }
            MigrationApplier applier = new MigrationApplier(database, connection, table);
            for (MigrationFolder migration : history.pendingIn(folder)) {
                precheck(database, connection, migration);
                applier.apply(migration);
                applied.add(migration.name());
            }
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed during the deploy: "
                    + DbPush.oneLine(e.getMessage()), "check the database and run the command again", List.of(), e);
        }
        out.println();
        if (applied.isEmpty()) {
            out.println("No pending migrations to apply.");
        } else {
            out.println("The following migration(s) have been applied:");
            out.println();
            out.println(MigrationReports.tree("migrations", applied));
            out.println();
            out.println("All migrations have been successfully applied.");
        }
        return applied;
    }

    static MigrateException blockedByFailure(HistoryDiagnosis history) {
        List<String> details = new ArrayList<>();
        history.failed().forEach(r -> details.add(MigrationReports.failedMigration(r)));
        details.add("");
        String name = history.firstFailed().orElseThrow();
        return new MigrateException("P3009", "migrate found failed migrations in the target database, new "
                + "migrations will not be applied. Read more about how to resolve migration issues in a production "
                + "database: https://pris.ly/d/migrate-resolve",
                "once the database is as it was before the migration, run `sinew migrate resolve --rolled-back \""
                        + name + "\"`; if you completed it by hand, `sinew migrate resolve --applied \"" + name
                        + "\"`", details);
    }

    /** Stops before a migration whose new foreign keys the rows of the database would violate. */
    static void precheck(Database database, Connection connection, MigrationFolder migration) {
        List<Reference> added = ScriptForeignKeys.of(migration.script(), !database.transactionalDdl());
        if (added.isEmpty()) {
            return;
        }
        var live = database.introspect(connection);
        try {
            ForeignKeyPrecheck.refuseOrphans(connection, database.dialect(), live,
                    ForeignKeyPrecheck.resolve(added, live));
        } catch (MigrateException e) {
            List<String> details = new ArrayList<>();
            details.add("Migration `" + migration.name() + "` was not applied.");
            details.addAll(e.details());
            throw new MigrateException(e.code(), e.getMessage(), e.hint(), details);
        }
    }
}
