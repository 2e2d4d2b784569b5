package dev.sinew.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --schema} option of every command that reads a schema. Mixed into commands with {@code @Mixin}. */
final class SchemaOption {
    @Option(names = "--schema", paramLabel = "<path>",
            description = "The schema file. Without it: schema.prisma, else prisma/schema.prisma.")
    Path schema;

    /** Finds and reads the schema as Prisma does: {@code --schema}, else the first default location that exists. */
    SchemaFile load(Environment environment) {
        return SchemaFile.locate(environment, schema);
    }
}
