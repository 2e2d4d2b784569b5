package dev.sinew.cli;

import dev.sinew.migrate.workflow.MigrateReset;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drops everything in the database and applies every migration again. All data will be lost.")
final class MigrateResetCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-f", "--force"}, description = "Confirm that all data may be lost (required).")
    boolean force;

    MigrateResetCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!force) {
            throw new CliException(CliError.RESET_NOT_CONFIRMED,
                    "migrate reset drops all data of the database, and Sinew does not ask for confirmation",
                    "run `sinew migrate reset --force` to confirm");
        }
        Project project = ProjectLoader.project(environment, database);
        MigrateReset.run(project, environment.out());
        return ExitCode.OK;
    }
}
