package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.database.ScriptRunner;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationsTable;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies migrations as Prisma records them: a {@code _prisma_migrations} row when the migration starts, the script
 * (in one transaction where the database's DDL is transactional), then the row finished, or left unfinished with the
 * error in its logs, which blocks later deploys until {@code migrate resolve}.
 */
final class MigrationApplier {

    private final Database database;
    private final Connection connection;
    private final MigrationsTable table;

    MigrationApplier(Database database, Connection connection, MigrationsTable table) {
        this.database = database;
        this.connection = connection;
        this.table = table;
    }

    /**
     * Applies one migration and records it.
     *
     * @throws MigrateException {@code P3018} when the database refuses a statement; the row records the failure
     */
    void apply(MigrationFolder migration) {
        String id = table.start(migration);
        try {
            new ScriptRunner(database).runScript(connection, migration.script());
        } catch (ScriptRunner.ScriptFailure failure) {
            table.fail(id, logs(failure));
            throw failed(migration.name(), failure);
        }
        table.finish(id);
    }

    /** What the row's {@code logs} keep of a failure: the database's words and the statement it refused. */
    private static String logs(ScriptRunner.ScriptFailure failure) {
        return failure.databaseMessage() + "\n\nDatabase error code: " + failure.databaseErrorCode()
                + "\n\nFailed statement:\n" + failure.statement();
    }

    private MigrateException failed(String name, ScriptRunner.ScriptFailure failure) {
        List<String> details = new ArrayList<>();
        details.add("Migration name: " + name);
        details.add("");
        details.add("Database error code: " + failure.databaseErrorCode());
        details.add("");
        details.add("Database error:");
        details.add(failure.databaseMessage());
        details.add("");
        details.add("Failed statement:");
        details.add(failure.statement());
        details.add("");
        details.add(failure.rolledBack()
                ? "Nothing of the migration remains: it ran in one transaction, which was rolled back."
                : database.url().family().displayName() + " does not run DDL in transactions: the "
                + failure.appliedBefore() + " statement(s) before the failing one remain applied.");
        details.add("");
        return new MigrateException("P3018", "A migration failed to apply. New migrations cannot be applied before "
                + "the error is recovered from. Read more about how to resolve migration issues in a production "
                + "database: https://pris.ly/d/migrate-resolve",
                "fix the cause, then record the outcome with `sinew migrate resolve --rolled-back \"" + name
                        + "\"` (nothing of it remains) or `sinew migrate resolve --applied \"" + name
                        + "\"` (you completed it by hand)", details, failure);
    }
}
