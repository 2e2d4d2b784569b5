package dev.sinew.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a call of the client failed, with Prisma's error code and message.
 *
 * <p>The codes are Prisma's: {@code P2002} unique constraint, {@code P2003} foreign key (a dangling reference, in
 * either relation mode), {@code P2011} null constraint, {@code P2014} required relation violated (a {@code Restrict}
 * or {@code NoAction} relation emulated in {@code relationMode = "prisma"}), {@code P2025} record not found,
 * {@code P2034} write conflict or deadlock after the retries, {@code P2009} invalid arguments (Prisma Client reports
 * those as a validation error without a code; Sinew gives them the query engine's validation code). An error the
 * database raised that none of these describes has the code {@code P2010} for raw queries and no code otherwise.
 */
public final class SinewException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Map<String, Object> meta;

    /**
     * @param code    Prisma's code, or null
     * @param message the message, Prisma's text where Prisma has one
     * @param meta    details (for example {@code target}, {@code constraint}, {@code relation_name}), never null
     * @param cause   the driver's exception, or null
     */
    public SinewException(String code, String message, Map<String, Object> meta, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    public SinewException(String code, String message, Map<String, Object> meta) {
        this(code, message, meta, null);
    }

    /** Prisma's error code ({@code P2002}, ...), or null for a database error that has none. */
    public String code() {
        return code;
    }

    /** Details about the error, as Prisma's {@code meta}. */
    public Map<String, Object> meta() {
        return meta;
    }

    @Override
    public String toString() {
        return code == null ? "SinewException: " + getMessage() : "SinewException " + code + ": " + getMessage();
    }
}
