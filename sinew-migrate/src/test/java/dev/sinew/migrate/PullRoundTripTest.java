package dev.sinew.migrate;

import dev.sinew.migrate.introspect.ExistingSchema;
import dev.sinew.migrate.introspect.Introspector;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.SchemaParser;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.ConformanceCorpus;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.sinew.migrate.TestSchemas.prepareExtensions;
import static dev.sinew.migrate.TestSchemas.validCorpusCases;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip of {@code db pull} on real SQLite, PostgreSQL and MariaDB databases: every valid conformance schema
 * of the provider (and the kitchen-sink schemas in both relation modes) is pushed to an empty database, pulled into
 * a schema that holds only its datasource, and the pulled schema must validate and calculate to exactly the schema
 * the database has (an empty diff).
 */
class PullRoundTripTest {

    private static final List<DatabaseKind> KINDS = List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL,
            DatabaseKind.MYSQL);

    @TestFactory
    Stream<DynamicTest> pulledSchemaCalculatesToTheDatabasesSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DatabaseKind kind : KINDS) {
            for (String mode : List.of("foreignKeys", "prisma")) {
                String schema = TestSchemas.withMode(
                        TestSchemas.resource("live/" + kind.provider() + "-kitchen-sink.prisma"), mode);
                tests.add(DynamicTest.dynamicTest(kind.provider() + " kitchen sink " + mode,
                        () -> roundTrip(kind, schema, kind.provider() + "-kitchen-sink-" + mode)));
            }
            for (Path dir : validCorpusCases(kind)) {
                tests.add(DynamicTest.dynamicTest(kind.provider() + " corpus "
                        + dir.getParent().getParent().getFileName() + "/" + dir.getFileName(),
                        () -> roundTrip(kind, ConformanceCorpus.read(dir.resolve("schema.prisma")),
                                kind.provider() + "-" + dir.getFileName())));
            }
        }
        return tests.stream();
    }

    /** Runs one round trip; the pulled schema is kept in {@code target/pulled/{name}.prisma} for inspection. */
    static void roundTrip(DatabaseKind kind, String schemaText, String name) throws SQLException, IOException {
        Datamodel datamodel = TestSchemas.valid(schemaText);
        SqlSchema calculated = SqlSchemaCalculator.calculate(datamodel);
        Dialect dialect = Dialect.forProvider(kind.provider());
        SchemaDiffer differ = new SchemaDiffer(dialect);
        try (TestDatabase db = TestDatabases.create(kind, "PullRoundTripTest"); Connection c = db.connect()) {
            prepareExtensions(kind, schemaText, calculated, c);
            TestSchemas.apply(dialect, c, differ.diff(dialect.introspect(c), calculated));
            SqlSchema actual = dialect.introspect(c);

            ExistingSchema existing = ExistingSchema.read(new SourceFile("schema.prisma",
                    datasourceOnly(schemaText)));
            Introspector.Introspection pulled = Introspector.introspect(actual, existing);
            Path out = Path.of("target", "pulled", name + ".prisma");
            Files.createDirectories(out.getParent());
            Files.writeString(out, pulled.schema());
            assertThat(pulled.isEmpty()).isFalse();

            PrismaSchema.ValidationResult validation = PrismaSchema.validate("schema.prisma", pulled.schema());
            assertThat(validation.isValid()).as("pulled schema:\n%s\n%s", pulled.schema(),
                    validation.diagnostics().render()).isTrue();
            SqlSchema recalculated = SqlSchemaCalculator.calculate(validation.datamodel());
            Migration remaining = differ.diff(actual, recalculated);
            assertThat(remaining.steps()).as("pulled schema:\n%s\nremaining migration:\n%s", pulled.schema(),
                    dialect.renderScript(remaining)).isEmpty();

            reintrospect(schemaText, datamodel, actual, differ, dialect, name);
        }
    }

    /**
     * Pulled into the schema itself, the result keeps every model, field and relation name of it, validates, and
     * still calculates to the database's schema.
     */
    private static void reintrospect(String schemaText, Datamodel original, SqlSchema actual, SchemaDiffer differ,
                                     Dialect dialect, String name) throws IOException {
        Introspector.Introspection pulled = Introspector.introspect(actual,
                ExistingSchema.read(new SourceFile("schema.prisma", schemaText)));
        Path out = Path.of("target", "pulled", name + ".reintrospected.prisma");
        Files.writeString(out, pulled.schema());
        PrismaSchema.ValidationResult validation = PrismaSchema.validate("schema.prisma", pulled.schema());
        assertThat(validation.isValid()).as("re-introspected schema:\n%s\n%s", pulled.schema(),
                validation.diagnostics().render()).isTrue();
        Migration remaining = differ.diff(actual, SqlSchemaCalculator.calculate(validation.datamodel()));
        assertThat(remaining.steps()).as("re-introspected schema:\n%s\nremaining migration:\n%s",
                pulled.schema(), dialect.renderScript(remaining)).isEmpty();
        Datamodel again = validation.datamodel();
        for (dev.sinew.schema.model.Model model : original.models()) {
            if (model.view()) {
                continue;
            }
            assertThat(again.model(model.name())).as("model %s", model.name()).isPresent();
            dev.sinew.schema.model.Model back = again.model(model.name()).orElseThrow();
            assertThat(back.databaseName()).as("@@map of %s", model.name()).isEqualTo(model.databaseName());
            for (dev.sinew.schema.model.Field field : model.fields()) {
                boolean selfManyToMany = original.relation(model.name(), field.name())
                        .map(r -> r.isManyToMany() && r.isSelfRelation()).orElse(false);
                if (!selfManyToMany) {
                    assertThat(back.field(field.name())).as("field %s.%s in\n%s", model.name(), field.name(),
                            pulled.schema()).isPresent();
                }
            }
        }
    }

    /** The schema's datasource block alone: what {@code db pull} starts from in a new project. */
    static String datasourceOnly(String schemaText) {
        SourceFile source = new SourceFile("schema.prisma", schemaText);
        Block datasource = SchemaParser.parse(source).ast().blocks(Block.Kind.DATASOURCE).get(0);
        return source.slice(datasource.span()) + "\n";
    }
}
