package dev.sinew.cli;

import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.format.SchemaFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "format", mixinStandardHelpOptions = true,
        description = {"Formats a schema in place, as prisma format does: aligned columns, Prisma's spacing, "
                + "comments kept.",
                "The formatted text is validated first; an invalid schema is reported and left unchanged (exit 1)."})
final class FormatCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    SchemaOption schemaOption;

    @Option(names = "--check",
            description = "Write nothing; exit 1 when the file is not formatted (for CI and pre-commit hooks).")
    boolean check;

    FormatCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        long begin = System.nanoTime();
        SchemaFile schema = schemaOption.load(environment);
        environment.err().println("Sinew schema loaded from " + schema.displayName() + ".");
        String formatted = SchemaFormatter.format(schema.source());
        Diagnostics diagnostics = schema.validate(formatted);
        environment.err().print(diagnostics.render());
        if (diagnostics.hasErrors()) {
            environment.err().println(Reports.invalid(schema, diagnostics) + " The file was not changed.");
            return ExitCode.FAILED;
        }
        boolean unchanged = formatted.equals(schema.text());
        if (check) {
            if (unchanged) {
                environment.out().println("The schema at " + schema.displayName() + " is formatted.");
                return ExitCode.OK;
            }
            environment.err().println("The schema at " + schema.displayName()
                    + " is not formatted. Run `sinew format` to format it.");
            return ExitCode.FAILED;
        }
        if (unchanged) {
            environment.out().println("The schema at " + schema.displayName() + " is already formatted.");
            return ExitCode.OK;
        }
        schema.write(formatted);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        environment.out().println("Formatted " + schema.displayName() + " in " + millis + " ms.");
        return ExitCode.OK;
    }
}
