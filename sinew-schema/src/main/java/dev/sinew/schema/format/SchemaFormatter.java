package dev.sinew.schema.format;

import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;

/** Formats a schema the way {@code prisma format} does. */
public final class SchemaFormatter {
    private SchemaFormatter() {}

    /** Returns the formatted text of a schema. Never fails: unreadable lines are kept as they were written. */
    public static String format(SourceFile source) {
        return SchemaPrinter.print(SchemaParser.parse(source).ast());
    }
}
