package dev.sinew.migrate;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes between two schemas (columns, primary keys, enums, indexes, renames, dropped tables, SQLite rebuilds),
 * each against the script Prisma 7.10.1 printed for it: {@code diff-pairs/<case>/expected.sql} is the output of
 * {@code migrate diff --from-schema from.prisma --to-schema to.prisma --script}.
 */
class DiffPairsTest {

    @TestFactory
    Stream<DynamicTest> fromSchemaToSchema() throws IOException, URISyntaxException {
        Path root = Path.of(DiffPairsTest.class.getClassLoader().getResource("diff-pairs").toURI());
        List<Path> cases;
        try (Stream<Path> dirs = Files.list(root)) {
            cases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Datamodel from = TestSchemas.valid(read(dir.resolve("from.prisma")));
            Datamodel to = TestSchemas.valid(read(dir.resolve("to.prisma")));
            Dialect dialect = SqlSchemaCalculator.dialectOf(to);
            Migration migration = new SchemaDiffer(dialect).diff(SqlSchemaCalculator.calculate(from),
                    SqlSchemaCalculator.calculate(to));
            assertThat(dialect.renderScript(migration.withoutWarnings()) + "\n\n")
                    .isEqualTo(read(dir.resolve("expected.sql")));
        }));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
