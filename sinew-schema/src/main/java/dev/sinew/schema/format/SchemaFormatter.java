package dev.sinew.schema.format;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostics;

/** Formats a schema the way {@code prisma format} does. */
public final class SchemaFormatter {
    private SchemaFormatter() {}

    /**
     * The outcome of {@link #formatChecked}: the formatted text, and the diagnostics of validating it; the format
     * succeeded when the formatted schema has no error (Prisma's format refuses invalid schemas).
     */
    public record Result(String text, Diagnostics diagnostics) {
        public boolean succeeded() {
            return !diagnostics.hasErrors();
        }
    }

    /** Returns the formatted text of a schema. Never fails: unreadable lines are kept as they were written. */
    public static String format(SourceFile source) {
        return SchemaPrinter.print(SchemaParser.parse(source).ast());
    }

    /** Formats, then validates the result, as {@code prisma format} does before it writes the file. */
    public static Result formatChecked(SourceFile source) {
        String text = format(source);
        PrismaSchema.ValidationResult validation = PrismaSchema.validate(new SourceFile(source.name(), text));
        return new Result(text, validation.diagnostics());
    }
}
