package dev.sinew.schema.format;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.validate.SchemaValidator;

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

    /**
     * Returns the formatted text of a schema: what the schema is missing for its relations to be complete is added
     * (when its names and relations resolve), then it is printed in Prisma's layout. Never fails: unreadable lines
     * are kept as they were written.
     */
    public static String format(SourceFile source) {
        SchemaParser.Result parsed = SchemaParser.parse(source);
        String enriched = SchemaValidator.addMissingBits(parsed);
        if (!enriched.equals(source.text())) {
            parsed = SchemaParser.parse(new SourceFile(source.name(), enriched));
        }
        return SchemaPrinter.print(parsed.ast());
    }

    /** Formats, then validates the result, as {@code prisma format} does before it writes the file. */
    public static Result formatChecked(SourceFile source) {
        String text = format(source);
        PrismaSchema.ValidationResult validation = PrismaSchema.validate(new SourceFile(source.name(), text));
        return new Result(text, validation.diagnostics());
    }
}
