package dev.sinew.cli;

import dev.sinew.migrate.workflow.MigrateStatus;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Compares the migrations folder with the database's history: pending, failed, edited and "
                + "missing migrations.", "Exits 0 when the database is up to date, 1 otherwise."})
final class MigrateStatusCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    MigrateStatusCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database);
        boolean upToDate = MigrateStatus.run(project, ProjectLoader.folderName(environment, project),
                environment.out(), environment.err());
        return upToDate ? ExitCode.OK : ExitCode.FAILED;
    }
}
