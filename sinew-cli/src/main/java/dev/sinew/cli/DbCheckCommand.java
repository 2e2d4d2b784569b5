package dev.sinew.cli;

import dev.sinew.migrate.workflow.DbCheck;
import dev.sinew.migrate.workflow.Project;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lists, for every relation of the schema, the rows whose relation fields point at no record "
                + "(orphans), with their number and a few of the missing keys. Works in both relation modes; in "
                + "prisma mode it is the only check there is. One query per relation.",
                "Exits 0 when there are none, 1 when there are (or a relation's tables are missing)."})
final class DbCheckCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    DatabaseOptions database;

    DbCheckCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Project project = ProjectLoader.project(environment, database);
        DbCheck.Result result = DbCheck.run(project.datamodel(), project.database(), environment.out());
        return result.clean() ? ExitCode.OK : ExitCode.FAILED;
    }
}
