package dev.sinew.codegen;

/**
 * Why a typed client cannot be generated: a missing or incomplete {@code generator} block, names that would clash in
 * Java, an output folder that cannot be written. Each has a stable code ({@code G1xx}) and a hint saying what to do.
 */
public final class CodegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String hint;

    public CodegenException(String code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    public CodegenException(String code, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
    }

    /** The stable code, e.g. {@code G101}. */
    public String code() {
        return code;
    }

    /** What the user can do about it. */
    public String hint() {
        return hint;
    }

    /** {@code error[G101]: <message> (hint: <hint>)}, the form the CLI prints. */
    public String line() {
        return "error[" + code + "]: " + getMessage() + " (hint: " + hint + ")";
    }
}
