package dev.sinew.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.format.SchemaFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Formatter fixtures: each {@code src/test/resources/format/X.prisma} is formatted and compared byte for byte with
 * {@code X.formatted.prisma}, the output of {@code prisma format} 7.10.1 for it (missing relation fields, scalar
 * fields and {@code @relation} arguments added; field names in Prisma's camel case and plural).
 * {@code SINEW_UPDATE_EXPECTATIONS=1} rewrites the expected files from Sinew's output.
 */
class FormatFixtureTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "format");

    @TestFactory
    Stream<DynamicTest> formatFixtures() throws IOException {
        boolean update = "1".equals(System.getenv("SINEW_UPDATE_EXPECTATIONS"));
        List<Path> inputs;
        try (Stream<Path> list = Files.list(FIXTURES)) {
            inputs = list.filter(p -> p.toString().endsWith(".prisma") && !p.toString().endsWith(".formatted.prisma"))
                    .sorted().toList();
        }
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), input.toUri(),
                () -> {
                    String actual = SchemaFormatter.format(new SourceFile("schema.prisma", Files.readString(input)));
                    Path expected = input.resolveSibling(input.getFileName().toString()
                            .replace(".prisma", ".formatted.prisma"));
                    if (update) {
                        Files.writeString(expected, actual);
                        return;
                    }
                    assertThat(actual).isEqualTo(Files.readString(expected));
                }));
    }
}
