package dev.sinew.bench;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.format.SchemaFormatter;
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
 * The schema language on a generated schema of 2,000 models: each {@code @Benchmark} method is one job of
 * {@code sinew}, from the text to its result. {@code format} works on the text as generated (unaligned); the
 * others on its formatted form, as a project's schema usually is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SchemaBenchmark {
    @Param("2000")
    int models;

    SourceFile unformatted;
    SourceFile schema;

    @Setup
    public void generate() {
        unformatted = new SourceFile("schema.prisma", GeneratedSchema.models(models));
        schema = new SourceFile("schema.prisma", SchemaFormatter.format(unformatted));
        // Measure the path a real schema takes, not an error path or a formatter that does not settle.
        var result = PrismaSchema.validate(schema);
        if (!result.isValid() || !result.diagnostics().all().isEmpty()) {
            throw new IllegalStateException("the generated schema must be valid and clean:\n"
                    + result.diagnostics().render());
        }
        if (!SchemaFormatter.format(schema).equals(schema.text())) {
            throw new IllegalStateException("formatting the formatted schema must change nothing");
        }
    }

    @Benchmark
    public Object parse() {
        return SchemaParser.parse(schema);
    }

    @Benchmark
    public String format() {
        return SchemaFormatter.format(unformatted);
    }

    @Benchmark
    public Object validate() {
        return PrismaSchema.validate(schema);
    }
}
