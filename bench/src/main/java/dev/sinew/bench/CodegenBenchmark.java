package dev.sinew.bench;

import dev.sinew.codegen.GeneratedSources;
import dev.sinew.codegen.GeneratorSettings;
import dev.sinew.codegen.JavaClientGenerator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.format.SchemaFormatter;
import dev.sinew.schema.model.Datamodel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The typed client's generator on a generated schema of 500 models (the schema of {@link SchemaBenchmark}: a
 * chain of one-to-many relations, enums, every scalar kind the generator maps differently): {@code generate}
 * from the Datamodel to the Java sources in memory, and {@code validateAndGenerate} from the schema's text, which
 * is what {@code sinew generate} and the Maven plugin do before writing the files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodegenBenchmark {
    private static final GeneratorSettings SETTINGS = GeneratorSettings.of("com.example.db");

    @Param("500")
    int models;

    String text;
    Datamodel datamodel;

    @Setup
    public void generateSchema() {
        text = SchemaFormatter.format(new SourceFile("schema.prisma", GeneratedSchema.models(models)));
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        if (!result.isValid()) {
            throw new IllegalStateException(result.diagnostics().render());
        }
        datamodel = result.datamodel();
        int files = JavaClientGenerator.generate(text, datamodel, SETTINGS).files().size();
        if (files < models * 14) {
            throw new IllegalStateException("expected at least 14 files per model, got " + files);
        }
    }

    @Benchmark
    public GeneratedSources generate() {
        return JavaClientGenerator.generate(text, datamodel, SETTINGS);
    }

    @Benchmark
    public GeneratedSources validateAndGenerate() {
        return JavaClientGenerator.generate(text, PrismaSchema.validate("schema.prisma", text).datamodel(), SETTINGS);
    }
}
