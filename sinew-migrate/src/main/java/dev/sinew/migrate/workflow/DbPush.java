package dev.sinew.migrate.workflow;

import dev.sinew.migrate.DestructiveChangeChecker;
import dev.sinew.migrate.JdbcDataInspector;
import dev.sinew.migrate.MigrateException;
import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.database.ScriptRunner;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db push}: makes the database match the schema directly, without migration files or history rows. The
 * steps are the diff between the database as its catalog describes it and the schema calculated for the datasource's
 * provider and relation mode; destructive ones need {@code acceptDataLoss}, foreign keys that existing rows would
 * violate stop the push with a list of them, and the steps run in one transaction where the database allows it.
 */
public final class DbPush {

    /**
     * What a push did.
     *
     * @param created  the database did not exist and was created
     * @param reset    everything was dropped first ({@code --force-reset})
     * @param warnings the data-loss warnings that were accepted
     * @param steps    the steps applied; empty when the database was already in sync
     */
    public record Result(boolean created, boolean reset, List<String> warnings, List<MigrationStep> steps) {
        public Result {
            warnings = List.copyOf(warnings);
            steps = List.copyOf(steps);
        }
    }

    private DbPush() {}

    /**
     * Pushes the schema, printing Prisma's report to {@code out}.
     *
     * @throws MigrateException {@code C302} for steps that cannot run on the data, {@code C301} for data loss not
     *                          accepted, {@code C303} for orphans that new foreign keys would refuse, {@code C321}
     *                          when the database refuses a statement
     */
    public static Result run(Project project, boolean acceptDataLoss, boolean forceReset, PrintWriter out) {
        long startedAt = System.nanoTime();
        Database database = project.database();
        Dialect dialect = database.dialect();
        boolean created = database.createIfMissing();
        if (created) {
            out.println();
            out.println(database.createdMessage());
        }
        if (forceReset) {
            database.reset();
            out.println();
            out.println(database.resetMessage());
        }
        try (Connection connection = database.connect()) {
            database.ensureSchema(connection);
            SqlSchema live = database.introspect(connection);
            SqlSchema target = database.onThisDatabase(project.calculatedSchema(), connection);
            Migration migration = new SchemaDiffer(dialect).diff(live, target);
            DestructiveChangeChecker.Findings findings = new DestructiveChangeChecker(dialect)
                    .findings(migration, new JdbcDataInspector(connection, dialect));
            if (!findings.unexecutable().isEmpty()) {
                throw unexecutable(findings.unexecutable());
            }
            if (!findings.warnings().isEmpty()) {
                out.println();
                out.println("⚠️  There might be data loss when applying the changes:");
                out.println();
                for (String warning : findings.warnings()) {
                    out.println("  • " + warning);
                    out.println();
                }
                out.println();
                if (!acceptDataLoss) {
                    throw new MigrateException("C301", "Use the --accept-data-loss flag to ignore the data loss "
                            + "warnings like sinew db push --accept-data-loss",
                            "nothing was changed; read the warnings above before accepting them");
                }
            }
            ForeignKeyPrecheck.refuseOrphans(connection, dialect, live,
                    ForeignKeyPrecheck.addedBy(migration, project.datamodel()));
            if (migration.isEmpty() && !forceReset) {
                out.println();
                out.println("The database is already in sync with the Prisma schema.");
                return new Result(created, false, List.of(), List.of());
            }
            apply(database, connection, migration);
            out.println();
            out.println("🚀  Your database is now in sync with your Prisma schema. Done in "
                    + elapsed(startedAt));
            return new Result(created, forceReset, findings.warnings(), migration.steps());
        } catch (SQLException e) {
            throw new MigrateException("C321", "The database failed during the push: " + oneLine(e.getMessage()),
                    "check the database and run the command again", List.of(), e);
        }
    }

    static MigrateException unexecutable(List<String> steps) {
        List<String> details = new ArrayList<>();
        details.add("⚠️ We found changes that cannot be executed:");
        details.add("");
        for (String step : steps) {
            details.add("  • " + step);
        }
        details.add("");
        return new MigrateException("C302", "We found changes that cannot be executed",
                "You may use the --force-reset flag to drop the database before push like sinew db push "
                        + "--force-reset; all data will be lost", details);
    }

    /** Runs every step's statements, in one transaction where the database's DDL is transactional. */
    static void apply(Database database, Connection connection, Migration migration) {
        Dialect dialect = database.dialect();
        List<String> statements = new ArrayList<>();
        for (MigrationStep step : migration.steps()) {
            statements.addAll(dialect.render(step, migration.previous(), migration.next()));
        }
        try {
            new ScriptRunner(database).run(connection, statements);
        } catch (ScriptRunner.ScriptFailure failure) {
            throw statementFailed(database, failure);
        }
    }

    static MigrateException statementFailed(Database database, ScriptRunner.ScriptFailure failure) {
        String hint = failure.rolledBack()
                ? "nothing was changed: the statements ran in one transaction, which was rolled back"
                : database.url().family().displayName() + " does not run DDL in transactions: the "
                + failure.appliedBefore() + " statement(s) before this one remain applied; fix the cause and run "
                + "the command again";
        return new MigrateException("C321", "The database refused a statement: " + failure.getMessage(), hint,
                List.of("Statement:", failure.statement(), ""), failure);
    }

    /** {@code 388ms}, {@code 1.2s}. */
    static String elapsed(long startedAtNanos) {
        long ms = (System.nanoTime() - startedAtNanos) / 1_000_000;
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
