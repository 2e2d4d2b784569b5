package dev.sinew.cli;

import dev.sinew.schema.diagnostics.Diagnostics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a schema and prints its errors and warnings, each with its location.",
                "Exits 0 when the schema is valid (warnings allowed), 1 when it is not."})
final class ValidateCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    SchemaOption schemaOption;

    ValidateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SchemaFile schema = schemaOption.load(environment);
        environment.err().println("Sinew schema loaded from " + schema.displayName() + ".");
        Diagnostics diagnostics = schema.validate();
        environment.err().print(diagnostics.render());
        if (diagnostics.hasErrors()) {
            environment.err().println(Reports.invalid(schema, diagnostics));
            return ExitCode.FAILED;
        }
        environment.out().println("The schema at " + schema.displayName() + " is valid.");
        return ExitCode.OK;
    }
}
