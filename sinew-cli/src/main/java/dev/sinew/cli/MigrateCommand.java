package dev.sinew.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sinew migrate}: migrations in Prisma's folder layout and history table. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrations, compatible with Prisma's migrations folder and _prisma_migrations table.",
        subcommands = {MigrateDiffCommand.class, MigrateDevCommand.class, MigrateDeployCommand.class,
                MigrateStatusCommand.class, MigrateResetCommand.class, MigrateResolveCommand.class})
final class MigrateCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    MigrateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(environment.out());
        return ExitCode.OK;
    }
}
