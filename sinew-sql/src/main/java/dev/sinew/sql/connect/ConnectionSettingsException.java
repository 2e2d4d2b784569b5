package dev.sinew.sql.connect;

import java.util.List;

/**
 * Why the settings of a connection cannot be read: a URL that is not one ({@code P1013}), an {@code env()} variable
 * that is missing or empty ({@code P1012}), {@code .env} files that disagree ({@code C315}) or cannot be read
 * ({@code C316}). It carries a code, the message in Prisma's words, a hint saying what to do, and the lines that
 * explain the failure in detail. The CLI prints it as {@code error[CODE]: message (hint: …)}; the client turns it
 * into a {@code SinewException} with the same code.
 */
public final class ConnectionSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String hint;
    private final List<String> details;

    public ConnectionSettingsException(String code, String message, String hint) {
        this(code, message, hint, List.of(), null);
    }

    public ConnectionSettingsException(String code, String message, String hint, List<String> details) {
        this(code, message, hint, details, null);
    }

    public ConnectionSettingsException(String code, String message, String hint, List<String> details,
                                       Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
        this.details = List.copyOf(details);
    }

    /** {@code P1012}, {@code P1013}, {@code C315}, … */
    public String code() {
        return code;
    }

    /** What the user can do about it; never null. */
    public String hint() {
        return hint;
    }

    /** Lines to print before the one-line error (the variables two {@code .env} files disagree on). */
    public List<String> details() {
        return details;
    }
}
