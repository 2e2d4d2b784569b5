package dev.sinew.migrate;

import dev.sinew.migrate.introspect.ExistingSchema;
import dev.sinew.migrate.introspect.Introspector;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.testkit.ConformanceCorpus;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code db pull} of the corpus's SQLite schemas against Prisma 7.10.1: each schema is pushed to a new SQLite
 * database and pulled into a schema holding only its datasource; the result must be what Prisma's
 * {@code db pull --print} printed for the same database ({@code introspection-corpus/{case}.pulled.prisma}), with
 * no warning.
 */
class CorpusPullTest {

    @TestFactory
    Stream<DynamicTest> sqliteSchemasPullAsPrismaPullsThem() throws IOException, URISyntaxException {
        Path expectations = Path.of(getClass().getClassLoader().getResource("introspection-corpus").toURI());
        try (Stream<Path> files = Files.list(expectations)) {
            return files.sorted().toList().stream().map(expected -> {
                String name = expected.getFileName().toString().replace(".pulled.prisma", "");
                return DynamicTest.dynamicTest(name, () -> check(name, Files.readString(expected)));
            });
        }
    }

    private static void check(String name, String expected) throws Exception {
        Path dir = ConformanceCorpus.cases().stream().filter(d -> d.getFileName().toString().equals(name))
                .findFirst().orElseThrow();
        String schema = ConformanceCorpus.read(dir.resolve("schema.prisma"));
        try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE, "CorpusPullTest");
             Connection c = db.connect()) {
            var calculated = SqlSchemaCalculator.calculate(TestSchemas.valid(schema));
            var dialect = dev.sinew.sql.Dialect.forProvider("sqlite");
            TestSchemas.apply(dialect, c, new SchemaDiffer(dialect).diff(dialect.introspect(c), calculated));
            Introspector.Introspection pulled = Introspector.introspect(c, ExistingSchema.read(
                    new SourceFile("schema.prisma", PullRoundTripTest.datasourceOnly(schema))));
            assertThat(pulled.schema()).isEqualTo(expected);
            assertThat(pulled.warnings().render()).isEmpty();
        }
    }
}
