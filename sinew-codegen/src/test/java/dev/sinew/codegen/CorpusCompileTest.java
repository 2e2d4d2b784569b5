package dev.sinew.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.testkit.ConformanceCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every schema of the conformance corpus that Sinew's validator accepts (cases and real-world projects, every
 * provider), the generated client compiles with {@code --release 17 -Xlint:all -Werror}: no error, no warning.
 */
class CorpusCompileTest {
    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicTest> generatedClientCompilesWithoutWarnings() {
        List<Path> valid = ConformanceCorpus.cases().stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("schema.prisma")))
                .filter(dir -> PrismaSchema.validate("schema.prisma", read(dir.resolve("schema.prisma"))).isValid())
                .toList();
        // An invalid schema never reaches the generator; most of the corpus is valid.
        assertThat(valid).hasSizeGreaterThan(70);
        return valid.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> compile(dir)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void compile(Path dir) {
        String text = read(dir.resolve("schema.prisma"));
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        String packageName = "corpus." + dir.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_")
                .toLowerCase(Locale.ROOT).replaceAll("^([0-9])", "_$1");
        GeneratedSources sources = JavaClientGenerator.generate(text, result.datamodel(),
                GeneratorSettings.of(packageName));
        JavaCompilation.Result compiled = JavaCompilation.compile(sources.files(),
                classes.resolve(dir.getFileName().toString()));
        assertThat(compiled.diagnostics()).as(compiled.report()).isEmpty();
        assertThat(compiled.success()).isTrue();
    }
}
