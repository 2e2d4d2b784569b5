package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Span;
import dev.sinew.schema.diagnostics.Diagnostic;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.diagnostics.Diagnostics;

/**
 * Collects the diagnostics of one validation run and builds Prisma's message frames
 * ({@code Error validating model "X": ...}, {@code Error parsing attribute "@x": ...}, ...).
 */
final class Errors {
    private final Diagnostics diagnostics;
    private int errorCount;

    Errors(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.errorCount = diagnostics.errors().size();
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    int errorCount() {
        return errorCount;
    }

    void error(DiagnosticCode code, String message, Span span) {
        errorCount++;
        diagnostics.add(Diagnostic.error(code, message, span));
    }

    void warning(DiagnosticCode code, String message, Span span) {
        diagnostics.add(Diagnostic.warning(code, message, span));
    }

    /** {@code Error validating: message}. */
    void validation(DiagnosticCode code, String message, Span span) {
        error(code, "Error validating: " + message, span);
    }

    /** {@code Error parsing attribute "@name": message}. */
    void attribute(DiagnosticCode code, String attributeName, String message, Span span) {
        error(code, "Error parsing attribute \"" + attributeName + "\": " + message, span);
    }

    /** {@code Error validating model "Name": message} (or view). */
    void model(DiagnosticCode code, String containerType, String modelName, String message, Span span) {
        error(code, "Error validating " + containerType + " \"" + modelName + "\": " + message, span);
    }

    /** {@code Error validating field `f` in model `M`: message}. */
    void field(DiagnosticCode code, String containerType, String containerName, String fieldName, String message,
               Span span) {
        error(code, "Error validating field `" + fieldName + "` in " + containerType + " `" + containerName + "`: "
                + message, span);
    }

    /** {@code Error validating datasource `name`: message}. */
    void datasource(DiagnosticCode code, String name, String message, Span span) {
        error(code, "Error validating datasource `" + name + "`: " + message, span);
    }
}
