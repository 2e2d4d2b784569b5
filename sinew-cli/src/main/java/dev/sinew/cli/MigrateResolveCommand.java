package dev.sinew.cli;

import dev.sinew.migrate.workflow.MigrateResolve;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Records by hand what became of a migration: --rolled-back for a failed migration whose "
                + "changes are gone (deploy runs it again), --applied for one completed by hand or for "
                + "baselining an existing database."})
final class MigrateResolveCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Outcome outcome;

    static final class Outcome {
        @Option(names = "--applied", paramLabel = "<migration>", required = true,
                description = "Record the migration as applied.")
        String applied;

        @Option(names = "--rolled-back", paramLabel = "<migration>", required = true,
                description = "Record the failed migration as rolled back.")
        String rolledBack;
    }

    MigrateResolveCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database);
        if (outcome.applied != null) {
            MigrateResolve.applied(project, outcome.applied, environment.out());
        } else {
            MigrateResolve.rolledBack(project, outcome.rolledBack, environment.out());
        }
        return ExitCode.OK;
    }
}
