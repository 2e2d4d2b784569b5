package dev.sinew.cli;

import dev.sinew.codegen.ClientGenerator;
import dev.sinew.codegen.CodegenException;
import dev.sinew.codegen.GeneratedSources;
import dev.sinew.codegen.JavaClientGenerator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.diagnostics.Diagnostics;
import dev.sinew.schema.model.Datamodel;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates the typed Java client of the schema: records, enums, builders and a client class "
                + "with one accessor per model.",
                "Reads every generator block with provider = \"sinew-client-java\" (its output folder, relative to "
                        + "the schema file, and its Java package); rewrites only the files whose content changed."})
final class GenerateCommand implements Callable<Integer> {
    private final Environment environment;

    @Mixin
    SchemaOption schemaOption;

    GenerateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        SchemaFile schema = schemaOption.load(environment);
        environment.err().println("Sinew schema loaded from " + schema.displayName() + ".");
        PrismaSchema.ValidationResult result = PrismaSchema.validate(schema.source());
        Diagnostics diagnostics = result.diagnostics();
        environment.err().print(diagnostics.render());
        if (!result.isValid()) {
            environment.err().println(Reports.invalid(schema, diagnostics) + " Nothing was generated.");
            return ExitCode.FAILED;
        }
        Datamodel datamodel = result.datamodel();
        try {
            List<ClientGenerator> generators = ClientGenerator.of(datamodel, schema.path().getParent(),
                    System.getenv());
            for (ClientGenerator generator : generators) {
                if (generator.output() == null) {
                    throw new CodegenException("G105", "the generator `" + generator.name() + "` has no `output`",
                            "add the source folder the classes go to, relative to the schema file, e.g."
                                    + " output = \"../src/main/java\"");
                }
            }
            for (ClientGenerator generator : generators) {
                long begin = System.nanoTime();
                GeneratedSources sources = JavaClientGenerator.generate(schema.text(), datamodel,
                        generator.settings());
                GeneratedSources.WriteReport report = sources.writeTo(generator.output());
                long millis = (System.nanoTime() - begin) / 1_000_000;
                environment.out().println("Generated the typed client " + generator.settings().packageName() + "."
                        + generator.settings().clientName() + " to " + environment.display(generator.output())
                        + " in " + millis + " ms (" + Reports.count(sources.files().size(), "file") + ": "
                        + report.written() + " written, " + report.unchanged() + " unchanged"
                        + (report.deleted() == 0 ? "" : ", " + report.deleted() + " deleted") + ").");
            }
        } catch (CodegenException e) {
            environment.err().println(e.line());
            return e.code().equals("G107") ? ExitCode.USAGE : ExitCode.FAILED;
        }
        return ExitCode.OK;
    }
}
