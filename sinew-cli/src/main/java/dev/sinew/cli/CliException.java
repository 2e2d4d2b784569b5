package dev.sinew.cli;

/** A {@link CliError} raised by a command; the execution-exception handler prints it as one line. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CliError error;
    private final String hint;
    private final int exitCode;

    CliException(CliError error, String message, String hint) {
        this(error, message, hint, null, error.exitCode());
    }

    CliException(CliError error, String message, String hint, Throwable cause) {
        this(error, message, hint, cause, error.exitCode());
    }

    private CliException(CliError error, String message, String hint, Throwable cause, int exitCode) {
        super(message, cause);
        this.error = error;
        this.hint = hint;
        this.exitCode = exitCode;
    }

    CliError error() {
        return error;
    }

    /** The exit status: the error's own, unless a command chose another ({@link #withExitCode}). */
    int exitCode() {
        return exitCode;
    }

    /** The same failure with another exit status ({@code migrate diff --exit-code} keeps 2 for "differences"). */
    CliException withExitCode(int status) {
        return new CliException(error, getMessage(), hint, getCause(), status);
    }

    String line() {
        return error.line(getMessage(), hint);
    }
}
