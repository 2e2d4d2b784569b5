package dev.sinew.cli;

import dev.sinew.migrate.MigrateException;
import dev.sinew.sql.connect.ConnectionSettingsException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns whatever stops a command into one line on stderr and an exit status; stack traces only on request. */
final class Failures {
    /** Set to {@code 1} to get the stack trace of an internal error as well. */
    static final String DEBUG_VARIABLE = "SINEW_DEBUG";

    private Failures() {}

    /** picocli's parameter-exception handler: unknown options or commands, missing or malformed values. */
    static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = oneLine(e.getMessage());
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        String hint = "run `" + command.getCommandSpec().qualifiedName() + " --help` to see the usage";
        command.getErr().println(CliError.BAD_ARGUMENT.line(message, hint));
        return CliError.BAD_ARGUMENT.exitCode();
    }

    /** picocli's execution-exception handler: a {@link CliException} as its line, anything else as a bug. */
    static int commandFailed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof CliException failure) {
            err.println(failure.line());
            return failure.exitCode();
        }
        if (e instanceof MigrateException failure) {
            return coded(err, failure.details(), failure.code(), failure.getMessage(), failure.hint());
        }
        if (e instanceof ConnectionSettingsException failure) {
            return coded(err, failure.details(), failure.code(), failure.getMessage(), failure.hint());
        }
        err.println(CliError.INTERNAL.line("Sinew failed unexpectedly: " + oneLine(String.valueOf(e)),
                "this is a bug in Sinew; please report it with the command and the schema (" + DEBUG_VARIABLE
                        + "=1 prints the stack trace)"));
        if ("1".equals(System.getenv(DEBUG_VARIABLE))) {
            e.printStackTrace(err);
        }
        return CliError.INTERNAL.exitCode();
    }

    /** The detail lines, then {@code error[CODE]: message (hint: …)}, as a {@link CliException} prints. */
    private static int coded(PrintWriter err, List<String> details, String code, String message, String hint) {
        details.forEach(err::println);
        err.println("error[" + code + "]: " + oneLine(message) + " (hint: " + oneLine(hint) + ")");
        return ExitCode.FAILED;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
