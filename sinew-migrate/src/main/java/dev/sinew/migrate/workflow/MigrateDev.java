package dev.sinew.migrate.workflow;

import dev.sinew.migrate.DestructiveChangeChecker;
import dev.sinew.migrate.JdbcDataInspector;
import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationsTable;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code migrate dev}: the development loop. The migrations of the folder are replayed on a shadow database to learn
 * the schema they produce; that schema is compared with the development database (drift), the folder with its
 * history (failed, edited, missing migrations), and anything amiss stops the command with the reason and the advice
 * to reset (there is no prompt). Otherwise pending migrations are applied, and the difference between the replayed
 * schema and the Prisma schema becomes a new migration, written, applied and recorded.
 */
public final class MigrateDev {

    /**
     * What the command did.
     *
     * @param appliedPending migrations of the folder applied to the database first
     * @param created        the new migration, or null when the schema had no change
     * @param applied        whether the new migration was applied ({@code --create-only} writes it only)
     */
    public record Result(List<String> appliedPending, MigrationFolder created, boolean applied) {
        public Result {
            appliedPending = List.copyOf(appliedPending);
        }
    }

    /** The options of the command. */
    public record Options(String name, boolean createOnly, boolean acceptDataLoss) {
    }

    private MigrateDev() {}

    /**
     * Runs the command, printing Prisma's report.
     *
     * @param folderName how the report names the migrations folder ({@code prisma/migrations})
     * @throws MigrateException {@code C304} when the database must be reset, {@code P3006} when a migration fails on
     *                          the shadow database, {@code C301}/{@code C302} for data loss, {@code C303} for
     *                          orphans, {@code P3018} when the database refuses a migration
     */
    public static Result run(Project project, Options options, String folderName, PrintWriter out) {
        Database database = project.database();
        Dialect dialect = database.dialect();
        project.migrations().checkProvider(project.provider());
        if (database.createIfMissing()) {
            out.println();
            out.println(database.createdMessage());
        }
        List<MigrationFolder> folder = project.migrations().list();
        try (Connection connection = database.connect();
             ShadowDatabase shadow = ShadowDatabase.open(database, project.shadowDatabaseUrl(), project.provider())) {
            database.ensureSchema(connection);
            MigrationsTable table = new MigrationsTable(database, connection, project.clock());
            boolean hasTable = table.exists();
            HistoryDiagnosis history = HistoryDiagnosis.of(folder, table.records(), hasTable);

            shadow.apply(history.appliedIn(folder));
            SqlSchema expected = shadow.schema();
            SqlSchema live = database.introspect(connection);
            Migration drift = new SchemaDiffer(dialect).diff(expected, live);
            List<String> reasons = resetReasons(history, drift, dialect);
            if (!reasons.isEmpty()) {
                throw resetNeeded(database, reasons);
            }

            List<String> appliedPending = new ArrayList<>();
            List<MigrationFolder> pending = history.pendingIn(folder);
            if (!pending.isEmpty()) {
                table.createIfMissing();
                MigrationApplier applier = new MigrationApplier(database, connection, table);
                for (MigrationFolder migration : pending) {
                    MigrateDeploy.precheck(database, connection, migration);
                    applier.apply(migration);
                    appliedPending.add(migration.name());
                }
                out.println();
                out.println("The following migration(s) have been applied:");
                out.println();
                out.println(MigrationReports.tree("migrations", appliedPending));
                shadow.apply(pending);
            }

            SqlSchema replayed = pending.isEmpty() ? expected : shadow.schema();
            SqlSchema target = database.onThisDatabase(project.calculatedSchema(), connection);
            Migration migration = new SchemaDiffer(dialect).diff(replayed, target);
            if (migration.isEmpty() && !options.createOnly()) {
                if (!appliedPending.isEmpty()) {
                    out.println();
                    out.println("Your database is now in sync with your schema.");
                } else {
                    out.println("Already in sync, no schema change or pending migration was found.");
                }
                return new Result(appliedPending, null, false);
            }

            SqlSchema current = database.introspect(connection);
            Migration onData = new SchemaDiffer(dialect).diff(current, target);
            DestructiveChangeChecker.Findings findings = new DestructiveChangeChecker(dialect)
                    .findings(onData, new JdbcDataInspector(connection, dialect));
            if (!findings.unexecutable().isEmpty()) {
                MigrateException problem = unexecutable(findings.unexecutable());
                if (!options.createOnly()) {
                    throw problem;
                }
                problem.details().forEach(out::println); // the migration is written for the user to edit
            }
            if (!findings.warnings().isEmpty()) {
                out.println();
                out.println("⚠️  Warnings for the current datasource:");
                out.println();
                findings.warnings().forEach(w -> out.println("  • " + w));
                out.println();
                if (!options.acceptDataLoss() && !options.createOnly()) {
                    throw new MigrateException("C301", "Use the --accept-data-loss flag to create and apply a "
                            + "migration that loses data, like sinew migrate dev --accept-data-loss",
                            "nothing was changed; or write the migration with --create-only and review it first");
                }
            }
            if (!options.createOnly()) {
                ForeignKeyPrecheck.refuseOrphans(connection, dialect, current,
                        ForeignKeyPrecheck.addedBy(onData, project.datamodel()));
            }

            project.migrations().writeLockIfMissing(project.provider());
            MigrationFolder created = project.migrations().create(options.name(), dialect.renderScript(migration),
                    project.clock().instant());
            if (options.createOnly()) {
                out.println("Prisma Migrate created the following migration without applying it " + created.name());
                out.println();
                out.println("You can now edit it and apply it by running sinew migrate dev.");
                return new Result(appliedPending, created, false);
            }
            table.createIfMissing();
            new MigrationApplier(database, connection, table).apply(created);
            out.println();
            out.println("The following migration(s) have been created and applied from new schema changes:");
            out.println();
            out.println(MigrationReports.tree(folderName, List.of(created.name())));
            out.println();
            out.println("Your database is now in sync with your schema.");
            return new Result(appliedPending, created, true);
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed during migrate dev: "
                    + DbPush.oneLine(e.getMessage()), "check the database and run the command again", List.of(), e);
        }
    }

    /** Prisma's reasons to reset a development database, one per problem. */
    private static List<String> resetReasons(HistoryDiagnosis history, Migration drift, Dialect dialect) {
        List<String> reasons = new ArrayList<>();
        history.failed().stream().map(r -> r.name()).distinct()
                .forEach(name -> reasons.add("The migration `" + name + "` failed."));
        history.edited().forEach(name -> reasons.add("The migration `" + name + "` was modified after it was "
                + "applied."));
        if (!drift.isEmpty()) {
            StringBuilder reason = new StringBuilder("Drift detected: Your database schema is not in sync with your "
                    + "migration history.\n\nThe following is a summary of the differences between the expected "
                    + "database schema given your migrations files, and the actual schema of the database.\n\nIt "
                    + "should be understood as the set of changes to get from the expected schema to the actual "
                    + "schema.\n");
            if (!history.hasTable()) {
                reason.append("\nIf you are running this the first time on an existing database, please make sure to "
                        + "read this documentation page:\nhttps://www.prisma.io/docs/guides/database/"
                        + "developing-with-prisma-migrate/troubleshooting-development\n");
            }
            reason.append(new DriftSummary(dialect).render(drift));
            reasons.add(reason.toString());
        }
        if (history.diverge()) {
            String details = history.lastCommon() == null ? "" : " Last common migration: `" + history.lastCommon()
                    + "`. Migrations applied to the database but absent from the migrations directory are: "
                    + String.join(", ", history.unpersisted());
            reasons.add("The migrations recorded in the database diverge from the local migrations directory."
                    + details);
        } else if (!history.unpersisted().isEmpty()) {
            reasons.add("The following migration(s) are applied to the database but missing from the local "
                    + "migrations directory: " + String.join(", ", history.unpersisted()));
        }
        if (reasons.size() <= 1) {
            return reasons;
        }
        StringBuilder all = new StringBuilder();
        reasons.forEach(r -> all.append("- ").append(r).append('\n'));
        return List.of(all.toString());
    }

    private static MigrateException resetNeeded(Database database, List<String> reasons) {
        List<String> details = new ArrayList<>();
        details.add(reasons.get(0));
        details.add("We need to reset " + database.resetScope());
        details.add("");
        return new MigrateException("C304", "The development database must be reset before a new migration can be "
                + "created; nothing was changed",
                "You may use `sinew migrate reset --force` to drop the development database and apply every "
                        + "migration again. All data will be lost.", details);
    }

    private static MigrateException unexecutable(List<String> steps) {
        List<String> details = new ArrayList<>();
        details.add("⚠️ We found changes that cannot be executed:");
        details.add("");
        steps.forEach(s -> details.add("  • " + s));
        details.add("");
        return new MigrateException("C302", "We found changes that cannot be executed",
                "You can use sinew migrate dev --create-only to create the migration file, and manually modify it "
                        + "to address the underlying issue(s). Then run sinew migrate dev to apply it and verify it "
                        + "works.", details);
    }
}
