package dev.sinew.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code sinew} command. Each subcommand is one class, listed in {@code subcommands} below; a class whose
 * constructor takes an {@link Environment} gets the working directory and the output streams from it. A group such
 * as {@code db} or {@code migrate} is a class of its own whose {@code subcommands} list its members.
 */
@Command(name = "sinew", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Prisma's schema-first workflow and relation modes for the JVM.",
        subcommands = {
                ValidateCommand.class,
                FormatCommand.class,
                DbCommand.class,
                MigrateCommand.class,
                GenerateCommand.class,
                CommandLine.HelpCommand.class,
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:done (warnings may have been printed)",
                "1:the schema is invalid, a check failed, or the database refused the work or could not be reached",
                "2:bad arguments, or a file that cannot be read or written (migrate diff --exit-code: differences)",
                "3:a bug in Sinew"})
public final class SinewCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    SinewCommand(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(new Environment(Path.of(""), out, err), args));
    }

    /** Runs one command line to its end and returns the exit status; never throws. */
    static int run(Environment environment, String... args) {
        int status = commandLine(environment).execute(args);
        environment.out().flush();
        environment.err().flush();
        return status;
    }

    static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(SinewCommand.class, new CommandFactory(environment));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setParameterExceptionHandler(Failures::badArguments);
        commandLine.setExecutionExceptionHandler(Failures::commandFailed);
        return commandLine;
    }

    /** Without a subcommand: the overview of all commands. */
    @Override
    public Integer call() {
        spec.commandLine().usage(environment.out());
        return ExitCode.OK;
    }
}
