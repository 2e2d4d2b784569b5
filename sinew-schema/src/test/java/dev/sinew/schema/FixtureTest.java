package dev.sinew.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Validation fixtures in the style of Prisma's own: each {@code src/test/resources/fixtures/**}{@code /*.prisma}
 * file is a schema followed by a comment block with the diagnostics Prisma 7.10.1 gives for it, one per line
 * ({@code // error at line 14: message}, newlines in messages written as {@code \n}). One test per file.
 *
 * <p>Run with {@code SINEW_UPDATE_EXPECTATIONS=1} to rewrite every block from Sinew's current output (then review
 * the diff: the blocks are meant to hold Prisma's diagnostics).
 */
class FixtureTest {
    static final String MARK = "// Expected diagnostics (Prisma 7.10.1):";
    static final String NONE = "// (none: the schema is valid)";
    static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        boolean update = "1".equals(System.getenv("SINEW_UPDATE_EXPECTATIONS"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FIXTURES)) {
            files = walk.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(FIXTURES.relativize(file).toString(),
                file.toUri(), () -> check(file, update)));
    }

    /** The schema part of a fixture and its expectation lines. */
    record Fixture(String schema, List<String> expected) {
        static Fixture read(Path file) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int at = text.indexOf(MARK);
            if (at < 0) {
                return new Fixture(text, null);
            }
            List<String> lines = text.substring(at + MARK.length()).lines().filter(l -> !l.isBlank()).toList();
            String schema = text.substring(0, at).replaceAll("\n+$", "\n");
            return new Fixture(schema, lines);
        }
    }

    static List<String> render(SourceFile source, List<Diagnostic> errors, List<Diagnostic> warnings) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : errors) {
            out.add(line(source, d));
        }
        for (Diagnostic d : warnings) {
            out.add(line(source, d));
        }
        if (out.isEmpty()) {
            out.add(NONE);
        }
        return out;
    }

    private static String line(SourceFile source, Diagnostic d) {
        return "// " + d.severity().label() + " at line " + source.lineNumber(d.span().start()) + ": "
                + d.message().replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void check(Path file, boolean update) throws IOException {
        Fixture fixture = Fixture.read(file);
        // The schema is validated with its expectation block, which is only comments at the end.
        SourceFile source = new SourceFile("schema.prisma", Files.readString(file));
        PrismaSchema.ValidationResult result = PrismaSchema.validate(source);
        List<String> actual = render(source, result.diagnostics().errors(), result.diagnostics().warnings());
        if (update) {
            Files.writeString(file, fixture.schema() + "\n" + MARK + "\n" + String.join("\n", actual) + "\n");
            return;
        }
        assertThat(fixture.expected()).as("expectation block in " + file).isNotNull();
        assertThat(actual).containsExactlyElementsOf(fixture.expected());
        assertThat(result.isValid()).isEqualTo(fixture.expected().equals(List.of(NONE))
                || fixture.expected().stream().noneMatch(l -> l.startsWith("// error")));
    }
}
