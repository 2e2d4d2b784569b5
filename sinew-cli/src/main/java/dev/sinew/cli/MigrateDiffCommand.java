package dev.sinew.cli;

import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.migrate.workflow.DriftSummary;
import dev.sinew.migrate.workflow.MigrateDiff.Source;
import dev.sinew.migrate.workflow.MigrateDiff;
import dev.sinew.schema.model.Datasource;
import dev.sinew.sql.connect.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares two schema sources and prints the difference: a summary, or with --script the SQL "
                + "migration, byte for byte as Prisma writes it.",
                "Give one --from-… and one --to-… source. With --exit-code: 0 no difference, 2 differences, 1 an "
                        + "error."})
final class MigrateDiffCommand implements Callable<Integer> {
    private final Environment environment;

    @Option(names = "--from-empty", description = "From nothing.")
    boolean fromEmpty;

    @Option(names = "--from-schema", paramLabel = "<path>", description = "From the schema a Prisma schema file "
            + "calls for.")
    Path fromSchema;

    @Option(names = "--from-url", paramLabel = "<url>", description = "From the schema of a live database.")
    String fromUrl;

    @Option(names = "--from-schema-datasource", paramLabel = "<path>",
            description = "From the live database a schema file's datasource names.")
    Path fromSchemaDatasource;

    @Option(names = "--from-migrations", paramLabel = "<dir>",
            description = "From the schema a migrations folder produces (replayed on the shadow database).")
    Path fromMigrations;

    @Option(names = "--to-empty", description = "To nothing.")
    boolean toEmpty;

    @Option(names = "--to-schema", paramLabel = "<path>", description = "To the schema a Prisma schema file calls "
            + "for.")
    Path toSchema;

    @Option(names = "--to-url", paramLabel = "<url>", description = "To the schema of a live database.")
    String toUrl;

    @Option(names = "--to-schema-datasource", paramLabel = "<path>",
            description = "To the live database a schema file's datasource names.")
    Path toSchemaDatasource;

    @Option(names = "--to-migrations", paramLabel = "<dir>",
            description = "To the schema a migrations folder produces (replayed on the shadow database).")
    Path toMigrations;

    @Option(names = "--shadow-database-url", paramLabel = "<url>",
            description = "An empty database to replay migrations on, for --*-migrations on PostgreSQL and MySQL "
                    + "(SQLite uses a temporary file). It is emptied.")
    String shadowDatabaseUrl;

    @Option(names = "--script", description = "Print the SQL migration instead of the summary.")
    boolean script;

    @Option(names = "--exit-code", description = "Exit 2 when there are differences, 0 when there are none.")
    boolean exitCode;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write to a file instead of stdout.")
    Path output;

    MigrateDiffCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try {
            return diff();
        } catch (CliException e) {
            throw exitCode ? e.withExitCode(ExitCode.FAILED) : e;
        }
    }

    private int diff() {
        List<String> problems = new ArrayList<>();
        int from = count(fromEmpty, fromSchema, fromUrl, fromSchemaDatasource, fromMigrations);
        int to = count(toEmpty, toSchema, toUrl, toSchemaDatasource, toMigrations);
        if (from != 1) {
            problems.add(from + " `--from-...` parameter(s) provided. 1 must be provided.");
        }
        if (to != 1) {
            problems.add(to + " `--to-...` parameter(s) provided. 1 must be provided.");
        }
        if (!problems.isEmpty()) {
            throw new CliException(CliError.BAD_ARGUMENT, String.join(" ", problems),
                    "run `sinew migrate diff --help` to see the sources");
        }
        Source source = source(fromEmpty, fromSchema, fromUrl, fromSchemaDatasource, fromMigrations);
        Source target = source(toEmpty, toSchema, toUrl, toSchemaDatasource, toMigrations);
        DatabaseUrl shadow = shadowDatabaseUrl == null ? null
                : DatabaseUrl.parse(shadowDatabaseUrl, environment.workingDirectory());
        MigrateDiff.Outcome outcome = MigrateDiff.diff(source, target, shadow);
        boolean different = !outcome.migration().isEmpty();
        String body = script ? outcome.dialect().renderScript(outcome.migration().withoutWarnings())
                : new DriftSummary(outcome.dialect()).render(outcome.migration());
        // What Prisma prints: the body and a line break, and one more unless it exits 2 at once.
        String printed = body + "\n" + (exitCode && different ? "" : "\n");
        if (output != null) {
            Path file = environment.workingDirectory().resolve(output);
            try {
                Files.writeString(file, body + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(CliError.BAD_ARGUMENT, "cannot write " + environment.display(file) + ": "
                        + e.getMessage(), "check that the file and its directory can be written", e);
            }
        } else {
            environment.out().print(printed);
        }
        return exitCode && different ? 2 : ExitCode.OK;
    }

    private static int count(boolean empty, Object... others) {
        int n = empty ? 1 : 0;
        for (Object o : others) {
            n += o == null ? 0 : 1;
        }
        return n;
    }

    private Source source(boolean empty, Path schema, String url, Path schemaDatasource, Path migrations) {
        if (empty) {
            return new Source.Empty();
        }
        if (schema != null) {
            return new Source.Schema(ProjectLoader.schema(environment, schema).datamodel());
        }
        if (url != null) {
            return new Source.Url(DatabaseUrl.parse(url, environment.workingDirectory()));
        }
        if (schemaDatasource != null) {
            ProjectLoader.LoadedSchema loaded = ProjectLoader.schema(environment, schemaDatasource);
            Datasource datasource = loaded.datamodel().datasource().orElseThrow(() -> new CliException(
                    CliError.DATASOURCE_UNSUPPORTED, loaded.file().displayName() + " has no datasource block",
                    "add a datasource with url = env(\"DATABASE_URL\")"));
            return new Source.Url(ProjectLoader.database(environment, datasource, loaded.directory(), null).url());
        }
        return new Source.Migrations(new MigrationsDirectory(environment.workingDirectory().resolve(migrations)));
    }
}
