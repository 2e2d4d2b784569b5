package dev.sinew.migrate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.migrate.TestSchemas;
import dev.sinew.migrate.database.Database;
import dev.sinew.migrate.history.MigrationsDirectory;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.connect.DatabaseUrl;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL URL's {@code ?schema=} puts everything, the history table included, in that schema. */
class PostgresSchemaParameterTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandWorksInTheSchemaTheUrlNames() {
        try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRESQL, "SchemaParameter")) {
            Workbench bench = new Workbench(db, dir);
            Datamodel datamodel = TestSchemas.valid(bench.blog("foreignKeys"));
            String url = db.prismaUrl() + (db.prismaUrl().contains("?") ? "&" : "?") + "schema=shop";
            Database database = Database.of(DatabaseUrl.parse(url, dir), datamodel.provider().orElseThrow());
            Project project = new Project(datamodel, database, new MigrationsDirectory(dir.resolve("migrations")),
                    null, Clock.systemUTC());

            MigrateDev.run(project, new MigrateDev.Options("init", false, false), "migrations", bench.out);
            assertThat(bench.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'shop'"))
                    .as("five tables, the join table and _prisma_migrations").isEqualTo(7);
            assertThat(bench.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                    .isZero();
            assertThat(DbPush.run(project, false, false, bench.out).steps()).isEmpty();
            assertThat(MigrateStatus.run(project, "migrations", bench.out, bench.out)).isTrue();
            assertThat(database.description()).endsWith(", schema \"shop\" at \"" + database.url().location() + "\"");

            MigrateReset.run(project, bench.out);
            assertThat(bench.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'shop'"))
                    .isEqualTo(7);
        }
    }
}
