package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationsTable;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code migrate status}: compares the migrations folder with the database's history, in Prisma's words. It
 * never changes the database.
 */
public final class MigrateStatus {

    private MigrateStatus() {}

    /**
     * Prints the report; stdout gets what is fine, {@code err} what needs action.
     *
     * @return whether the database is up to date with the folder
     */
    public static boolean run(Project project, String folderName, PrintWriter out, PrintWriter err) {
        Database database = project.database();
        List<MigrationFolder> folder = project.migrations().list();
        HistoryDiagnosis history;
        try (Connection connection = database.connect()) {
            MigrationsTable table = new MigrationsTable(database, connection);
            boolean hasTable = table.exists();
            history = HistoryDiagnosis.of(folder, table.records(), hasTable);
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed while reading its history: "
                    + DbPush.oneLine(e.getMessage()), "check the database and run the command again", List.of(), e);
        }
        out.println();
        out.println(MigrationReports.found(folder.size(), folderName));
        if (history.diverge()) {
            err.println("Your local migration history and the migrations table from your database are different:");
            err.println();
            err.println("The last common migration is: " + history.lastCommon());
            err.println();
            err.println("The migration" + (history.unapplied().size() > 1 ? "s" : "") + " have not yet been applied:");
            history.unapplied().forEach(err::println);
            err.println();
            err.println("The migration" + (history.unpersisted().size() > 1 ? "s" : "")
                    + " from the database are not found locally in " + folderName + ":");
            history.unpersisted().forEach(err::println);
            return false;
        }
        if (!history.unapplied().isEmpty()) {
            List<String> names = history.unapplied();
            out.println("Following migration" + (names.size() > 1 ? "s" : "") + " have not yet been applied:");
            names.forEach(out::println);
            out.println();
            out.println("To apply migrations in development run sinew migrate dev.");
            out.println("To apply migrations in production run sinew migrate deploy.");
            return false;
        }
        if (!history.hasTable()) {
            err.println("The current database is not managed by Prisma Migrate.");
            err.println();
            err.println("Read more about how to baseline an existing production database:");
            err.println("https://pris.ly/d/migrate-baseline");
            return false;
        }
        if (!history.failed().isEmpty()) {
            List<String> names = history.failed().stream().map(r -> r.name()).distinct().toList();
            err.println("Following migration" + (names.size() > 1 ? "s" : "") + " have failed:");
            names.forEach(err::println);
            err.println();
            err.println("During development if the failed migration(s) have not been deployed to a production "
                    + "database you can then fix the migration(s) and run sinew migrate dev.");
            err.println();
            err.println("The failed migration(s) can be marked as rolled back or applied:");
            err.println();
            err.println("- If you rolled back the migration(s) manually:");
            err.println("sinew migrate resolve --rolled-back \"" + names.get(0) + "\"");
            err.println();
            err.println("- If you fixed the database manually (hotfix):");
            err.println("sinew migrate resolve --applied \"" + names.get(0) + "\"");
            err.println();
            err.println("Read more about how to resolve migration issues in a production database:");
            err.println("https://pris.ly/d/migrate-resolve");
            return false;
        }
        boolean upToDate = true;
        if (!history.unpersisted().isEmpty()) {
            err.println("The following migration(s) are applied to the database but missing from the local "
                    + "migrations directory: " + String.join(", ", history.unpersisted()));
            upToDate = false;
        }
        for (String name : history.edited()) {
            err.println("The migration `" + name + "` was modified after it was applied.");
            upToDate = false;
        }
        if (upToDate) {
            out.println();
            out.println("Database schema is up to date!");
        }
        return upToDate;
    }
}
