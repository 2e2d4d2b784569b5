package dev.sinew.migrate.workflow;

import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Provider;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.connect.DatabaseUrl;

import java.time.Clock;
import java.util.Objects;

/**
 * What a database command works with: the validated schema, the database its datasource (or {@code --url}) names,
 * the migrations folder beside the schema, the shadow database URL when the datasource gives one, and the clock
 * that names new migrations.
 *
 * @param shadowDatabaseUrl {@code shadowDatabaseUrl} of the datasource; null to create a temporary database
 */
public record Project(Datamodel datamodel, Database database, MigrationsDirectory migrations,
                      DatabaseUrl shadowDatabaseUrl, Clock clock) {

    public Project {
        Objects.requireNonNull(datamodel, "datamodel");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(clock, "clock");
    }

    public Project(Datamodel datamodel, Database database, MigrationsDirectory migrations) {
        this(datamodel, database, migrations, null, Clock.systemUTC());
    }

    public Provider provider() {
        return datamodel.provider().orElseThrow();
    }

    /** The schema the Prisma schema calls for, in its relation mode. */
    public SqlSchema calculatedSchema() {
        return SqlSchemaCalculator.calculate(datamodel);
    }
}
