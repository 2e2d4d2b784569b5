package dev.sinew.client;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.model.Datamodel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and validates a schema file into its Datamodel. */
final class SchemaFile {
    private SchemaFile() {
    }

    /** The Datamodel of the file; P1012 with the validator's diagnostics when the schema is invalid. */
    static Datamodel load(Path schema) {
        String text;
        try {
            text = Files.readString(schema);
        } catch (IOException e) {
            throw new SinewException("P1012", "Could not read the schema file " + schema + ": " + e.getMessage(),
                    Map.of(), e);
        }
        PrismaSchema.ValidationResult result = PrismaSchema.validate(new SourceFile(schema.toString(), text));
        if (!result.isValid()) {
            throw new SinewException("P1012", "The schema " + schema + " is invalid:\n"
                    + result.diagnostics().render(), Map.of());
        }
        return result.datamodel();
    }
}
