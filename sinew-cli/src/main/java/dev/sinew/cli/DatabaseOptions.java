package dev.sinew.cli;

import picocli.CommandLine.Option;

/** The options of every command that works on a database; mixed in with {@code @Mixin}. */
final class DatabaseOptions {
    @Option(names = "--schema", paramLabel = "<path>",
            description = "The schema file. Without it: schema.prisma, else prisma/schema.prisma.")
    java.nio.file.Path schema;

    @Option(names = "--url", paramLabel = "<url>",
            description = {"The database, instead of the datasource's url: a Prisma URL (postgresql://, mysql://, "
                    + "file:) or a JDBC URL. A relative file: path starts at the current directory."})
    String url;
}
