package dev.sinew.migrate;

import java.util.List;

/**
 * Why a database command stopped: a code (Prisma's {@code P1001}, {@code P3018}, … where Prisma has one for the
 * situation, Sinew's own {@code C2xx} otherwise), the message in Prisma's words, a hint saying what to do, and the
 * lines that explain the failure in detail (a database error, a list of orphaned rows), printed above the message.
 */
public final class MigrateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String hint;
    private final List<String> details;

    public MigrateException(String code, String message, String hint) {
        this(code, message, hint, List.of(), null);
    }

    public MigrateException(String code, String message, String hint, List<String> details) {
        this(code, message, hint, details, null);
    }

    public MigrateException(String code, String message, String hint, List<String> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
        this.details = List.copyOf(details);
    }

    /** {@code P1001}, {@code P3018}, {@code C301}, … */
    public String code() {
        return code;
    }

    /** What the user can do about it; never null. */
    public String hint() {
        return hint;
    }

    /** Lines to print before the one-line error: the database's own message, a list of rows, a summary. */
    public List<String> details() {
        return details;
    }
}
