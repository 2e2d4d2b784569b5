package dev.sinew.migrate.introspect;

import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
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
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Introspection of SQLite databases against what Prisma 7.10.1's {@code db pull --print} printed for them. Each
 * folder under {@code introspection/} holds the database ({@code setup.sql}, or {@code setup.prisma} pushed with
 * Sinew's calculator), the schema pulled into ({@code existing.prisma}), optional {@code args.txt}
 * ({@code --force}), and Prisma's output: {@code expected.prisma} and {@code expected-warnings.txt}. Where Sinew
 * differs on purpose, the expectation was edited and {@code DIFFERENCES.md} says why.
 */
class IntrospectionFixturesTest {

    @TestFactory
    Stream<DynamicTest> pullsWhatPrismaPulls() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource("introspection").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    private static void check(Path dir) throws Exception {
        try (TestDatabase db = TestDatabases.create(DatabaseKind.SQLITE, "IntrospectionFixturesTest");
             Connection c = db.connect()) {
            setUp(dir, c);
            ExistingSchema existing = ExistingSchema.read(new SourceFile("schema.prisma",
                    Files.readString(dir.resolve("existing.prisma"))));
            assertThat(existing.isValid()).as(existing.diagnostics().render()).isTrue();
            Path args = dir.resolve("args.txt");
            if (Files.exists(args) && Files.readString(args).contains("--force")) {
                existing = existing.withoutModels();
            }
            Introspector.Introspection result = Introspector.introspect(c, existing);
            assertThat(result.schema()).isEqualTo(Files.readString(dir.resolve("expected.prisma")));
            Path warnings = dir.resolve("expected-warnings.txt");
            String expectedWarnings = Files.exists(warnings) ? Files.readString(warnings) : "";
            assertThat(result.warnings().render()).isEqualTo(expectedWarnings);
        }
    }

    /** Creates the database: the SQL as written, or the schema pushed as Sinew pushes it. */
    static void setUp(Path dir, Connection c) throws Exception {
        Path sql = dir.resolve("setup.sql");
        try (Statement st = c.createStatement()) {
            if (Files.exists(sql)) {
                for (String statement : Files.readString(sql).split(";\\s*\n")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
                return;
            }
            String schema = Files.readString(dir.resolve("setup.prisma"));
            PrismaSchema.ValidationResult validation = PrismaSchema.validate("setup.prisma", schema);
            assertThat(validation.isValid()).as(validation.diagnostics().render()).isTrue();
            SqlSchema target = SqlSchemaCalculator.calculate(validation.datamodel());
            Dialect dialect = SqlSchemaCalculator.dialectOf(validation.datamodel());
            Migration migration = new SchemaDiffer(dialect).diff(dialect.introspect(c), target);
            for (MigrationStep step : migration.steps()) {
                for (String statement : dialect.render(step, migration.previous(), migration.next())) {
                    st.execute(statement);
                }
            }
        }
    }
}
