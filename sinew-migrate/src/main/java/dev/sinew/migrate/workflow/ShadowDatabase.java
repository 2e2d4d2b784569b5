package dev.sinew.migrate.workflow;

import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.database.ScriptRunner;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.DatabaseUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database that migrations are replayed on to learn the schema they produce, without touching the development
 * database: the datasource's {@code shadowDatabaseUrl} (emptied first), or else a temporary database beside the
 * development one (a temporary file for SQLite), dropped when closed.
 */
final class ShadowDatabase implements AutoCloseable {

    private final Database database;
    private final boolean temporary;
    private Connection connection;

    private ShadowDatabase(Database database, boolean temporary) {
        this.database = database;
        this.temporary = temporary;
    }

    /**
     * The shadow database of a project.
     *
     * @throws MigrateException {@code P3014} when no temporary database can be created; {@code C322} when the
     *                          configured shadow database is the development database
     */
    static ShadowDatabase open(Database main, DatabaseUrl configured, Provider provider) {
        if (configured == null) {
            return new ShadowDatabase(main.createTemporary(), true);
        }
        if (configured.jdbcUrl().equals(main.url().jdbcUrl())
                && java.util.Objects.equals(configured.schema(), main.url().schema())) {
            throw new MigrateException("C322", "The shadow database you configured appears to be the same as the main "
                    + "database. Please specify another shadow database.",
                    "point shadowDatabaseUrl at a database that may be emptied at any time");
        }
        return explicit(configured, provider);
    }

    /** A shadow database given by URL ({@code --shadow-database-url}); it is emptied before use and kept. */
    static ShadowDatabase explicit(DatabaseUrl url, Provider provider) {
        Database database = Database.of(url, provider);
        database.createIfMissing();
        database.reset();
        return new ShadowDatabase(database, false);
    }

    /** A temporary SQLite file as shadow database, dropped when closed. */
    static ShadowDatabase temporarySqlite() {
        return new ShadowDatabase(Database.temporarySqlite(), true);
    }

    /**
     * Applies migrations, in order, to the shadow database.
     *
     * @throws MigrateException {@code P3006} when one fails
     */
    void apply(List<MigrationFolder> migrations) {
        Connection c = connection();
        ScriptRunner runner = new ScriptRunner(database);
        for (MigrationFolder migration : migrations) {
            try {
                runner.runScript(c, migration.script());
            } catch (ScriptRunner.ScriptFailure failure) {
                List<String> details = new ArrayList<>();
                details.add("Error code: " + failure.databaseErrorCode());
                details.add("Error:");
                details.add(failure.databaseMessage());
                details.add("");
                throw new MigrateException("P3006", "Migration `" + migration.name() + "` failed to apply cleanly "
                        + "to the shadow database.", "fix the migration so that it runs on an empty database: "
                        + "every migration is replayed from the start on the shadow database", details, failure);
            }
        }
    }

    /** The schema the migrations applied so far produced. */
    SqlSchema schema() {
        return database.introspect(connection());
    }

    private Connection connection() {
        if (connection == null) {
            connection = database.connect();
            try {
                database.ensureSchema(connection);
            } catch (SQLException e) {
                throw new MigrateException("P3014", "Prisma Migrate could not create the shadow database. "
                        + e.getMessage(), "check the shadow database's permissions", List.of(), e);
            }
        }
        return connection;
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection to a database about to be dropped
            }
            connection = null;
        }
        if (temporary) {
            database.drop();
        }
    }
}
