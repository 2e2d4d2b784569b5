package dev.sinew.cli;

import dev.sinew.migrate.workflow.MigrateDeploy;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Applies the pending migrations in order, each recorded in _prisma_migrations; for "
                + "production. Each migration runs in one transaction on PostgreSQL and SQLite.",
                "A failed migration is recorded and blocks later deploys until `sinew migrate resolve`."})
final class MigrateDeployCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    MigrateDeployCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database);
        MigrateDeploy.run(project, ProjectLoader.folderName(environment, project), environment.out());
        return ExitCode.OK;
    }
}
