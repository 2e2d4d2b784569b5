package dev.sinew.cli;

/** A {@link CliError} raised by a command; the execution-exception handler prints it as one line. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CliError error;
    private final String hint;

    CliException(CliError error, String message, String hint) {
        super(message);
        this.error = error;
        this.hint = hint;
    }

    CliException(CliError error, String message, String hint, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.hint = hint;
    }

    CliError error() {
        return error;
    }

    String line() {
        return error.line(getMessage(), hint);
    }
}
