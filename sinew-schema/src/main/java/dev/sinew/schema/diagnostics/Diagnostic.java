package dev.sinew.schema.diagnostics;

import dev.sinew.schema.ast.Span;
import java.util.Objects;

/**
 * One finding about a schema: its severity, a stable code (see {@link DiagnosticCode}), Prisma's message text and
 * the span it points at.
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, Span span) {
    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        Objects.requireNonNull(span);
    }

    public static Diagnostic error(DiagnosticCode code, String message, Span span) {
        return new Diagnostic(Severity.ERROR, code, message, span);
    }

    public static Diagnostic warning(DiagnosticCode code, String message, Span span) {
        return new Diagnostic(Severity.WARNING, code, message, span);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
