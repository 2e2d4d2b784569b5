package dev.sinew.cli;

/**
 * The errors that stop a command before it can do its job, each with a stable code and a hint. They print as one
 * line: {@code error[C102]: <what went wrong> (hint: <what to do>)}.
 */
enum CliError {
    BAD_ARGUMENT("C101", ExitCode.USAGE),
    SCHEMA_NOT_FOUND("C102", ExitCode.USAGE),
    NO_SCHEMA_IN_DEFAULT_LOCATIONS("C103", ExitCode.USAGE),
    SCHEMA_UNREADABLE("C104", ExitCode.USAGE),
    SCHEMA_UNWRITABLE("C105", ExitCode.USAGE),
    SCHEMA_INVALID("C106", ExitCode.FAILED),
    RESET_NOT_CONFIRMED("C205", ExitCode.USAGE),
    NO_DATABASE_URL("C206", ExitCode.USAGE),
    INTERNAL("C199", ExitCode.INTERNAL);

    private final String code;
    private final int exitCode;

    CliError(String code, int exitCode) {
        this.code = code;
        this.exitCode = exitCode;
    }

    String code() {
        return code;
    }

    int exitCode() {
        return exitCode;
    }

    /** The one line to print. */
    String line(String message, String hint) {
        return "error[" + code + "]: " + message + " (hint: " + hint + ")";
    }
}
