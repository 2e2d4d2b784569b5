package dev.sinew.codegen;

import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test schemas: read from resources, validated, their tables calculated as {@code db push} would create them. */
final class Schemas {
    private Schemas() {
    }

    static String resource(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Datamodel of a schema the validator accepts; a test failure with its diagnostics otherwise. */
    static Datamodel valid(String text) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        if (!result.isValid()) {
            throw new AssertionError("invalid test schema:\n" + result.diagnostics().render() + "\n" + text);
        }
        return result.datamodel();
    }

    /** The statements that create the schema's tables on an empty database. */
    static List<String> ddl(Datamodel datamodel) {
        Dialect dialect = SqlSchemaCalculator.dialectOf(datamodel);
        Migration migration = new SchemaDiffer(dialect).diff(SqlSchema.empty(),
                SqlSchemaCalculator.calculate(datamodel));
        List<String> statements = new ArrayList<>();
        for (MigrationStep step : migration.steps()) {
            statements.addAll(dialect.render(step, migration.previous(), migration.next()));
        }
        return statements;
    }
}
