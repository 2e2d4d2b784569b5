package dev.sinew.cli;

import dev.sinew.migrate.workflow.DbPush;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Makes the database match the schema, without migration files: creates the database when it "
                + "is missing, then applies the difference between the database and the schema (foreign keys in "
                + "foreignKeys mode, none in prisma mode).",
                "Changes that lose data are listed and refused without --accept-data-loss; foreign keys that "
                        + "existing rows would violate are listed with the orphans and refused. The changes run in "
                        + "one transaction on PostgreSQL and SQLite (MySQL cannot roll back DDL)."})
final class DbPushCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--accept-data-loss", description = "Apply changes that lose data (dropped tables, columns).")
    boolean acceptDataLoss;

    @Option(names = "--force-reset", description = "Drop everything in the database first. All data will be lost.")
    boolean forceReset;

    DbPushCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database);
        DbPush.run(project, acceptDataLoss, forceReset, environment.out());
        return ExitCode.OK;
    }
}
