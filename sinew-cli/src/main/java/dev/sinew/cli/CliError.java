package dev.sinew.cli;

/**
 * The errors that stop a command before it can do its job, each with a stable code and a hint. They print as one
 * line: {@code error[C102]: <what went wrong> (hint: <what to do>)}. The database commands' own failures (Prisma's
 * {@code P1001}, {@code P3018}, …, and Sinew's {@code C3xx}) are {@code MigrateException}s, and unreadable connection
 * settings ({@code P1012}, {@code P1013}, {@code C315}) {@code ConnectionSettingsException}s, printed the same way.
 * Codes C202–C205 were the connection errors before they took Prisma's codes; they are not reused.
 */
enum CliError {
    BAD_ARGUMENT("C101", ExitCode.USAGE),
    SCHEMA_NOT_FOUND("C102", ExitCode.USAGE),
    NO_SCHEMA_IN_DEFAULT_LOCATIONS("C103", ExitCode.USAGE),
    SCHEMA_UNREADABLE("C104", ExitCode.USAGE),
    SCHEMA_UNWRITABLE("C105", ExitCode.USAGE),
    /** A database command's schema is invalid (its diagnostics are printed above the line). */
    SCHEMA_INVALID("C107", ExitCode.FAILED),
    /** The schema has no datasource, or one whose provider the command cannot work with. */
    DATASOURCE_UNSUPPORTED("C106", ExitCode.USAGE),
    /** Neither {@code --url} nor the datasource gives a connection URL. */
    DATABASE_URL_MISSING("C201", ExitCode.USAGE),
    /** Any other error of the database while the command talked to it. */
    DATABASE_ERROR("C206", ExitCode.FAILED),
    /** {@code migrate reset} without {@code --force}: Sinew never asks before dropping data. */
    RESET_NOT_CONFIRMED("C305", ExitCode.USAGE),
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
