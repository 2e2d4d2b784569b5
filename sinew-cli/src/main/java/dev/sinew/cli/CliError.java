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
    /** The schema has no datasource, or one whose provider the command cannot work with. */
    DATASOURCE_UNSUPPORTED("C106", ExitCode.USAGE),
    /** Neither {@code --url} nor the datasource gives a connection URL. */
    DATABASE_URL_MISSING("C201", ExitCode.USAGE),
    /** The connection URL cannot be read, or is not one of the datasource's provider. */
    DATABASE_URL_INVALID("C202", ExitCode.USAGE),
    /** Prisma's P1001: no database server answers at the URL's address. */
    DATABASE_UNREACHABLE("C203", ExitCode.FAILED),
    /** Prisma's P1000: the server refused the credentials. */
    DATABASE_AUTHENTICATION_FAILED("C204", ExitCode.FAILED),
    /** Prisma's P1003: the database named in the URL does not exist. */
    DATABASE_NOT_FOUND("C205", ExitCode.FAILED),
    /** Any other error of the database while the command talked to it. */
    DATABASE_ERROR("C206", ExitCode.FAILED),
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
