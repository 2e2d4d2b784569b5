package dev.sinew.cli;

import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.migrate.workflow.Project;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.sql.connect.DatasourceUrls;
import dev.sinew.sql.connect.ProjectVariables;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the database commands share before they start: the schema read and validated (its diagnostics printed), the
 * datasource's URL resolved ({@code --url}, else {@code url} with {@code env()} read from the environment and the
 * {@code .env} files), the database and the migrations folder beside the schema. It prints Prisma's two opening
 * lines to stderr, so that stdout carries only the command's report.
 */
final class ProjectLoader {
    private ProjectLoader() {}

    /** A validated schema. */
    record LoadedSchema(SchemaFile file, Datamodel datamodel) {
        Path directory() {
            return file.path().getParent();
        }
    }

    /** Reads and validates a schema; prints its warnings, and its errors before failing. */
    static LoadedSchema schema(Environment environment, Path option) {
        SchemaFile file = SchemaFile.locate(environment, option);
        environment.err().println("Sinew schema loaded from " + file.displayName() + ".");
        PrismaSchema.ValidationResult result = PrismaSchema.validate(file.source());
        Diagnostics diagnostics = result.diagnostics();
        environment.err().print(diagnostics.render());
        if (!result.isValid()) {
            String line = Reports.invalid(file, diagnostics);
            throw new CliException(CliError.SCHEMA_INVALID, line.substring(0, line.length() - 1),
                    "fix the errors above; `sinew validate` checks the schema alone");
        }
        return new LoadedSchema(file, result.datamodel());
    }

    /** The schema, its database and its migrations folder, for a command that works on the database. */
    static Project project(Environment environment, DatabaseOptions options) {
        return project(environment, options, null);
    }

    /**
     * The same, with an explicit shadow database ({@code --shadow-database-url}) that overrides the datasource's.
     */
    static Project project(Environment environment, DatabaseOptions options, String shadowOption) {
        LoadedSchema schema = schema(environment, options.schema);
        Datamodel datamodel = schema.datamodel();
        Datasource datasource = datamodel.datasource().orElseThrow(() -> new CliException(
                CliError.DATASOURCE_UNSUPPORTED, schema.file().displayName() + " has no datasource block",
                "add a datasource block with the provider of the database and url = env(\"DATABASE_URL\")"));
        Database database = database(environment, datasource, schema.directory(), options.url);
        DatabaseUrl shadow = shadowOption != null ? DatabaseUrl.parse(shadowOption, environment.workingDirectory())
                : DatasourceUrls.resolve("shadowDatabaseUrl", datasource.shadowDatabaseUrl(),
                        variables(environment, schema.directory()), schema.directory()).orElse(null);
        environment.err().println(datasourceLine(datasource, database));
        MigrationsDirectory migrations = MigrationsDirectory.besideSchema(schema.file().path());
        return new Project(datamodel, database, migrations, shadow, Clock.systemUTC());
    }

    /**
     * The database a datasource names, the one place every command finds it: {@code --url} when given (a relative
     * {@code file:} path starts at the working directory), else the datasource's {@code url}, whose {@code env()}
     * is read from the environment and the {@code .env} files of the working directory and of the schema's
     * directory (a relative {@code file:} path starts at the schema's directory, as Prisma resolves it).
     *
     * @throws CliException {@code C201} when neither gives a URL
     */
    static Database database(Environment environment, Datasource datasource, Path schemaDirectory, String urlOption) {
        DatabaseUrl url;
        if (urlOption != null) {
            url = DatabaseUrl.parse(urlOption, environment.workingDirectory());
        } else {
            url = DatasourceUrls.resolve("url", datasource.url(), variables(environment, schemaDirectory),
                    schemaDirectory).orElseThrow(() -> new CliException(CliError.DATABASE_URL_MISSING,
                    "the datasource \"" + datasource.name() + "\" has no url, and no --url was given",
                    "pass the database URL with --url, or add url = env(\"DATABASE_URL\") to the datasource"));
        }
        return Database.of(url, datasource.provider());
    }

    /** {@code Datasource "db": SQLite database "dev.db" at "file:./dev.db"}, as Prisma prints it. */
    static String datasourceLine(Datasource datasource, Database database) {
        return "Datasource \"" + datasource.name() + "\": " + database.description();
    }

    private static ProjectVariables variables(Environment environment, Path schemaDirectory) {
        return ProjectVariables.load(environment.variables(), environment.workingDirectory(), schemaDirectory);
    }

    /** How reports name the migrations folder: relative to the working directory ({@code prisma/migrations}). */
    static String folderName(Environment environment, Project project) {
        return environment.display(project.migrations().path());
    }
}
