package dev.sinew.migrate;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.diagnostics.Diagnostic;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.ConformanceCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate diff --script} of every corpus case, against Prisma 7.10.1's output: from empty to the schema, and
 * between the two schemas of the mode-switch cases. A case whose schema does not validate must fail with Prisma's
 * first error. MySQL and SQL Server cases have no reference output; their script must render.
 */
class CorpusDiffTest {

    private static final String OFFLINE = "is not supported offline";

    /**
     * Prisma 7 rejects {@code url} in the datasource; Sinew accepts it on purpose (conformance README, "Where Sinew
     * differs from Prisma on purpose", 3), so this case renders instead of failing.
     */
    private static final String URL_IN_SCHEMA = "76-err-url-in-schema-prisma7";

    @TestFactory
    Stream<DynamicTest> migrateDiff() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ConformanceCorpus.cases()) {
            String name = dir.getParent().getParent().getFileName() + "/" + dir.getFileName();
            Path diffSql = dir.resolve("diff.sql");
            Path diffTxt = dir.resolve("diff.txt");
            if (Files.exists(dir.resolve("from.prisma"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> switchCase(dir)));
            } else if (Files.exists(diffSql)) {
                tests.add(DynamicTest.dynamicTest(name, () -> fromEmpty(dir)));
            } else if (Files.exists(diffTxt)) {
                String txt = ConformanceCorpus.read(diffTxt);
                boolean validates = ConformanceCorpus.read(dir.resolve("validate.txt")).startsWith("exit code: 0");
                if (dir.getFileName().toString().equals(URL_IN_SCHEMA)) {
                    tests.add(DynamicTest.dynamicTest(name + " (Sinew accepts url)",
                            () -> rendersWithoutReference(dir)));
                } else if (txt.contains(OFFLINE)) {
                    String schema = ConformanceCorpus.read(dir.resolve("schema.prisma"));
                    if (schema.contains("\"mongodb\"")) {
                        continue;
                    }
                    if (validates) {
                        tests.add(DynamicTest.dynamicTest(name + " (renders, no reference)",
                                () -> rendersWithoutReference(dir)));
                    } else {
                        tests.add(DynamicTest.dynamicTest(name + " (fails)", () -> failingCase(dir,
                                "Error: " + ConformanceCorpus.read(dir.resolve("validate.txt")).lines()
                                        .filter(l -> l.startsWith("error: ")).findFirst().orElseThrow() + "\n"
                                        + ConformanceCorpus.read(dir.resolve("validate.txt")))));
                    }
                } else {
                    tests.add(DynamicTest.dynamicTest(name + " (fails)", () -> failingCase(dir, txt)));
                }
            }
        }
        return tests.stream();
    }

    private static Datamodel valid(Path file) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", ConformanceCorpus.read(file));
        assertThat(result.isValid()).as(result.diagnostics().render()).isTrue();
        return result.datamodel();
    }

    private static String script(SqlSchema from, SqlSchema to, Dialect dialect) {
        Migration migration = new SchemaDiffer(dialect).diff(from, to);
        // migrate diff prints the script followed by two line breaks
        return dialect.renderScript(migration) + "\n\n";
    }

    private static void fromEmpty(Path dir) {
        Datamodel datamodel = valid(dir.resolve("schema.prisma"));
        SqlSchema target = SqlSchemaCalculator.calculate(datamodel);
        String actual = script(SqlSchema.empty(), target, SqlSchemaCalculator.dialectOf(datamodel));
        keep(dir, actual);
        assertThat(actual).isEqualTo(ConformanceCorpus.read(dir.resolve("diff.sql")));
    }

    private static void switchCase(Path dir) {
        Datamodel from = valid(dir.resolve("from.prisma"));
        Datamodel to = valid(dir.resolve("to.prisma"));
        String actual = script(SqlSchemaCalculator.calculate(from), SqlSchemaCalculator.calculate(to),
                SqlSchemaCalculator.dialectOf(to));
        keep(dir, actual);
        assertThat(actual).isEqualTo(ConformanceCorpus.read(dir.resolve("diff.sql")));
    }

    private static void rendersWithoutReference(Path dir) {
        Datamodel datamodel = valid(dir.resolve("schema.prisma"));
        String actual = script(SqlSchema.empty(), SqlSchemaCalculator.calculate(datamodel),
                SqlSchemaCalculator.dialectOf(datamodel));
        keep(dir, actual);
        assertThat(actual).startsWith(actual.contains("BEGIN TRY") ? "BEGIN TRY" : "-- ");
    }

    /** Keeps the script under target/corpus-scripts, to compare by hand with the reference when a case fails. */
    private static void keep(Path dir, String script) {
        try {
            Path out = Path.of("target", "corpus-scripts", dir.getFileName() + ".sql");
            Files.createDirectories(out.getParent());
            Files.writeString(out, script);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Prisma prints the first error of the schema and stops. */
    private static void failingCase(Path dir, String diffTxt) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma",
                ConformanceCorpus.read(dir.resolve("schema.prisma")));
        assertThat(result.isValid()).as("the schema must not validate").isFalse();
        String firstLine = diffTxt.lines().filter(l -> l.startsWith("Error: ")).findFirst().orElseThrow();
        Diagnostic first = result.diagnostics().errors().get(0);
        assertThat("Error: error: " + first.message()).isEqualTo(firstLine);
        String location = diffTxt.lines().filter(l -> l.startsWith("  -->  ")).findFirst().orElseThrow();
        assertThat(location).endsWith(":" + result.diagnostics().source().lineNumber(first.span().start()));
    }
}
