package dev.sinew.cli;

import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.introspect.ExistingSchema;
import dev.sinew.migrate.introspect.Introspector;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.Provider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Reads the database's tables, columns, indexes, enums and foreign keys into the schema "
                + "(introspection), as prisma db pull does.",
                "The schema's models, names, relations and comments are kept where they still match the database. "
                        + "With relationMode = \"prisma\" the database has no foreign keys, so the relations written "
                        + "in the schema are kept as they are.",
                "The file is replaced in one step: it is never left half-written."})
final class DbPullCommand implements Callable<Integer> {
    private static final Set<String> PROVIDERS = Set.of("sqlite", "postgresql", "cockroachdb", "mysql");

    private final Environment environment;

    @Mixin
    SchemaOption schemaOption;

    @Option(names = "--print", description = "Print the schema to stdout instead of writing the file.")
    boolean print;

    @Option(names = "--force",
            description = "Ignore the models and enums of the current schema; keep only its datasource and "
                    + "generator blocks.")
    boolean force;

    @Option(names = "--url", paramLabel = "<url>",
            description = "The database URL (file:…, postgresql://…, mysql://… or jdbc:…), instead of the "
                    + "datasource's url.")
    String url;

    DbPullCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        long begin = System.nanoTime();
        SchemaFile schema = schemaOption.load(environment);
        if (!print) {
            environment.err().println("Sinew schema loaded from " + schema.displayName() + ".");
        }
        ExistingSchema existing = existing(schema);
        if (existing == null) {
            return ExitCode.FAILED;
        }
        Datasource datasource = existing.datamodel().datasource().orElseThrow(() -> new CliException(
                CliError.DATASOURCE_UNSUPPORTED, schema.displayName() + " has no datasource block",
                "add a datasource block with the provider of the database"));
        Provider provider = datasource.provider();
        if (!PROVIDERS.contains(provider.schemaName())) {
            throw new CliException(CliError.DATASOURCE_UNSUPPORTED, "db pull does not support the "
                    + provider.displayName() + " provider", "use a sqlite, postgresql, cockroachdb or mysql datasource");
        }
        Database database = ProjectLoader.database(environment, datasource,
                schema.path().toAbsolutePath().getParent(), url);
        if (!print) {
            environment.err().println(ProjectLoader.datasourceLine(datasource, database));
        }

        Introspector.Introspection result;
        try (Connection connection = database.connect()) {
            result = Introspector.introspect(connection, existing);
        } catch (SQLException e) {
            throw new CliException(CliError.DATABASE_ERROR, "reading the database failed: "
                    + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " "),
                    "check that the user may read the database's catalog", e);
        }

        if (result.isEmpty()) {
            environment.err().print(emptyDatabase(schema.displayName()));
            return ExitCode.FAILED;
        }
        String warnings = result.warnings().render();
        if (print) {
            environment.out().print(result.schema());
            if (!warnings.isEmpty()) {
                environment.err().print("\n// " + warnings.strip().replace("\n", "\n// ") + "\n");
            }
            return ExitCode.OK;
        }
        schema.replace(result.schema());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        int models = result.modelCount();
        environment.out().println("Introspected " + models + (models == 1 ? " model and wrote it" :
                " models and wrote them") + " into " + schema.displayName() + " in " + millis + "ms");
        if (!warnings.isEmpty()) {
            environment.out().println();
            environment.out().print(warnings);
        }
        return ExitCode.OK;
    }

    /**
     * The schema to introspect into. An invalid schema stops the command with Prisma's advice; with {@code --force}
     * only its datasource and generator blocks are read, so broken models do not matter.
     */
    private ExistingSchema existing(SchemaFile schema) {
        ExistingSchema existing = ExistingSchema.read(schema.source());
        if (force) {
            ExistingSchema configuration = ExistingSchema.read(new SourceFile(schema.displayName(),
                    String.join("\n", existing.configurationOnly())));
            if (configuration.isValid()) {
                return configuration.withoutModels();
            }
            existing = configuration;
        }
        if (existing.isValid()) {
            return existing;
        }
        environment.err().print(existing.diagnostics().render());
        environment.err().println("Introspection failed as your current schema file is invalid.");
        environment.err().println();
        environment.err().println("Please fix your current schema manually (using `sinew validate` to understand "
                + "what's broken and confirm you fixed it), and then run this command again.");
        if (!force) {
            environment.err().println("Or run this command with the --force flag to ignore your current schema and "
                    + "overwrite it. All local modifications will be lost.");
        }
        return null;
    }

    /** Prisma's P4001 text, naming Sinew's commands and the schema file. */
    static String emptyDatabase(String schemaFile) {
        return "\nP4001 The introspected database was empty:\n\n"
                + "sinew db pull could not create any models in your " + schemaFile + " file and you will not be able "
                + "to generate a client with the sinew generate command.\n\n"
                + "To fix this, you have two options:\n\n"
                + "- manually create a table in your database.\n"
                + "- make sure the database connection URL inside the datasource block in " + schemaFile
                + " points to a database that is not empty (it must contain at least one table).\n\n"
                + "Then you can run sinew db pull again.\n";
    }
}
