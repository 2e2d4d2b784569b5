package dev.sinew.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code db} group: commands that work on the database directly, without migration files. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Work on the database directly, without migration files: pull it into the schema, push the "
                + "schema to it, check its relations for orphans.",
        subcommands = {
                DbPullCommand.class,
                DbPushCommand.class,
                DbCheckCommand.class,
        })
final class DbCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    DbCommand(Environment environment) {
        this.environment = environment;
    }

    /** Without a subcommand: the list of them. */
    @Override
    public Integer call() {
        spec.commandLine().usage(environment.out());
        return ExitCode.OK;
    }
}
