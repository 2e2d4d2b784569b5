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

/** {@code migrate reset}: drops everything in the database and applies every migration of the folder again. */
public final class MigrateReset {

    private MigrateReset() {}

    /** Resets and re-applies, printing Prisma's report; returns the migrations applied. */
    public static List<String> run(Project project, PrintWriter out) {
        Database database = project.database();
        project.migrations().checkProvider(project.provider());
        if (database.createIfMissing()) {
            out.println();
            out.println(database.createdMessage());
        }
        List<MigrationFolder> folder = project.migrations().list();
        database.reset();
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.connect()) {
            database.ensureSchema(connection);
            MigrationsTable table = new MigrationsTable(database, connection, project.clock());
            table.createIfMissing();
            MigrationApplier applier = new MigrationApplier(database, connection, table);
            for (MigrationFolder migration : folder) {
                applier.apply(migration);
                applied.add(migration.name());
            }
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed during the reset: "
                    + DbPush.oneLine(e.getMessage()), "check the database and run the command again", List.of(), e);
        }
        if (applied.isEmpty()) {
            out.println("Database reset successful");
            out.println();
        } else {
            out.println();
            out.println("Database reset successful");
            out.println();
            out.println("The following migration(s) have been applied:");
            out.println();
            out.println(MigrationReports.tree("migrations", applied));
        }
        return applied;
    }
}
