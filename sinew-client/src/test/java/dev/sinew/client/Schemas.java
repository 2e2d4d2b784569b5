package dev.sinew.client;

import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import java.util.ArrayList;
import java.util.List;

/** Schemas for tests: validated by the validator, their tables calculated as {@code db push} would create them. */
final class Schemas {
    private Schemas() {
    }

    /** The Datamodel of a schema the validator accepts; a test failure with its diagnostics otherwise. */
    static Datamodel valid(String text) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        if (!result.isValid()) {
            throw new AssertionError("invalid test schema:\n" + result.diagnostics().render() + "\n" + text);
        }
        return result.datamodel();
    }

    /** The validator's verdict, for excluding combinations by rule. */
    static boolean isValid(String text) {
        return PrismaSchema.validate("schema.prisma", text).isValid();
    }

    /** A schema with a datasource of the provider and relation mode, and the given models. */
    static String withDatasource(String provider, String relationMode, String models) {
        return "datasource db {\n  provider     = \"" + provider + "\"\n  relationMode = \"" + relationMode
                + "\"\n}\n\n" + models;
    }

    /** The statements that create the schema's tables on an empty database. */
    static List<String> ddl(Datamodel datamodel) {
        Dialect dialect = SqlSchemaCalculator.dialectOf(datamodel);
        Migration migration = new SchemaDiffer(dialect).diff(SqlSchema.empty(), SqlSchemaCalculator.calculate(datamodel));
        List<String> statements = new ArrayList<>();
        for (MigrationStep step : migration.steps()) {
            statements.addAll(dialect.render(step, migration.previous(), migration.next()));
        }
        return statements;
    }
}
