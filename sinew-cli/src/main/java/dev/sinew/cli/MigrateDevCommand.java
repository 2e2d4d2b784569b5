package dev.sinew.cli;

import dev.sinew.migrate.workflow.MigrateDev;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Creates a migration from the changes in the schema, applies it and records it.",
                "The migrations are replayed on a shadow database (shadowDatabaseUrl, else a temporary database on "
                        + "the same server, or a temporary file for SQLite) to find the schema they produce. Drift, "
                        + "failed and edited migrations stop the command with the reason; `sinew migrate reset "
                        + "--force` starts over."})
final class MigrateDevCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-n", "--name"}, paramLabel = "<name>", description = "The migration's name.")
    String name;

    @Option(names = "--create-only", description = "Write the migration without applying it, to edit it first.")
    boolean createOnly;

    @Option(names = "--accept-data-loss",
            description = "Apply a migration that loses data (the warnings are printed either way).")
    boolean acceptDataLoss;

    @Option(names = "--shadow-database-url", paramLabel = "<url>",
            description = "The shadow database, instead of the datasource's shadowDatabaseUrl. It is emptied.")
    String shadowDatabaseUrl;

    MigrateDevCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database, shadowDatabaseUrl);
        MigrateDev.run(project, new MigrateDev.Options(name, createOnly, acceptDataLoss),
                ProjectLoader.folderName(environment, project), environment.out());
        return ExitCode.OK;
    }
}
