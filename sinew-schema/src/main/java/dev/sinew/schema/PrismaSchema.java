package dev.sinew.schema;

import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.validate.SchemaValidator;
import java.util.Optional;

/**
 * The entry point of the schema language: parse and validate a Prisma schema into a {@link Datamodel}.
 *
 * <pre>{@code
 * ValidationResult result = PrismaSchema.validate(new SourceFile("schema.prisma", text));
 * if (result.isValid()) { Datamodel datamodel = result.datamodel(); ... }
 * else { System.err.print(result.diagnostics().render()); }
 * }</pre>
 */
public final class PrismaSchema {
    private PrismaSchema() {}

    /**
     * The outcome of validating one schema file.
     *
     * @param datamodel   the resolved schema, or null when there is any error
     * @param diagnostics every syntax and validation error and warning, in Prisma's order
     */
    public record ValidationResult(Datamodel datamodel, Diagnostics diagnostics) {
        /** True when there is no error (warnings allowed); then {@link #datamodel()} is not null. */
        public boolean isValid() {
            return datamodel != null;
        }

        public Optional<Datamodel> datamodelIfValid() {
            return Optional.ofNullable(datamodel);
        }
    }

    /** Parses and validates a schema. Never throws on any input: problems are diagnostics. */
    public static ValidationResult validate(SourceFile source) {
        SchemaParser.Result parsed = SchemaParser.parse(source);
        Diagnostics diagnostics = parsed.diagnostics();
        Datamodel datamodel = SchemaValidator.validate(parsed.ast(), diagnostics);
        return new ValidationResult(datamodel, diagnostics);
    }

    /** Same as {@link #validate(SourceFile)} for a text with a display name. */
    public static ValidationResult validate(String fileName, String text) {
        return validate(new SourceFile(fileName, text));
    }
}
