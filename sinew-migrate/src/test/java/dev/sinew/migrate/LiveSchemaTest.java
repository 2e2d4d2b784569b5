package dev.sinew.migrate;

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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.sinew.migrate.TestSchemas.apply;
import static dev.sinew.migrate.TestSchemas.foreignKeyCount;
import static dev.sinew.migrate.TestSchemas.prepareExtensions;
import static dev.sinew.migrate.TestSchemas.resource;
import static dev.sinew.migrate.TestSchemas.valid;
import static dev.sinew.migrate.TestSchemas.validCorpusCases;
import static dev.sinew.migrate.TestSchemas.withMode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against real databases that the test run starts (SQLite, PostgreSQL, MariaDB): the script of a calculated schema,
 * applied to an empty database, reads back from the catalog as the same schema (the diff is empty), with foreign
 * keys in foreignKeys mode and none in prisma mode; switching modes is a migration that adds or drops them and keeps
 * the rows.
 */
class LiveSchemaTest {

    private static final List<DatabaseKind> KINDS = List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL,
            DatabaseKind.MYSQL);

    @TestFactory
    Stream<DynamicTest> appliedSchemaReadsBackUnchanged() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DatabaseKind kind : KINDS) {
            for (String mode : List.of("foreignKeys", "prisma")) {
                String schema = withMode(resource("live/" + kind.provider() + "-kitchen-sink.prisma"), mode);
                tests.add(DynamicTest.dynamicTest(kind.provider() + " kitchen sink " + mode,
                        () -> roundTrip(kind, schema)));
            }
            for (Path dir : validCorpusCases(kind)) {
                tests.add(DynamicTest.dynamicTest(kind.provider() + " corpus " + dir.getFileName(),
                        () -> roundTrip(kind, ConformanceCorpus.read(dir.resolve("schema.prisma")))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> switchingModesDropsAndAddsForeignKeysAndKeepsRows() {
        return KINDS.stream().map(kind -> DynamicTest.dynamicTest(kind.provider(), () -> switchModes(kind)));
    }

    private static void roundTrip(DatabaseKind kind, String schemaText) throws SQLException {
        Datamodel datamodel = valid(schemaText);
        SqlSchema calculated = SqlSchemaCalculator.calculate(datamodel);
        Dialect dialect = Dialect.forProvider(kind.provider());
        SchemaDiffer differ = new SchemaDiffer(dialect);
        try (TestDatabase db = TestDatabases.create(kind, "LiveSchemaTest"); Connection c = db.connect()) {
            prepareExtensions(kind, schemaText, calculated, c);
            apply(dialect, c, differ.diff(dialect.introspect(c), calculated));
            SqlSchema actual = dialect.introspect(c);
            Migration remaining = differ.diff(actual, calculated);
            assertThat(remaining.steps()).as(dialect.renderScript(remaining)).isEmpty();
            assertThat(foreignKeyCount(actual)).isEqualTo(foreignKeyCount(calculated));
            if (!datamodel.relationMode().usesForeignKeys()) {
                assertThat(foreignKeyCount(actual)).isZero();
            } else if (!datamodel.relations().isEmpty()) {
                assertThat(foreignKeyCount(actual)).isPositive();
            }
        }
    }

    private static void switchModes(DatabaseKind kind) throws SQLException {
        String base = resource("live/" + kind.provider() + "-mode-switch.prisma");
        SqlSchema withFks = SqlSchemaCalculator.calculate(valid(withMode(base, "foreignKeys")));
        SqlSchema withoutFks = SqlSchemaCalculator.calculate(valid(withMode(base, "prisma")));
        Dialect d = Dialect.forProvider(kind.provider());
        SchemaDiffer differ = new SchemaDiffer(d);
        try (TestDatabase db = TestDatabases.create(kind, "LiveSchemaTest"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            apply(d, c, differ.diff(d.introspect(c), withFks));
            st.execute("INSERT INTO " + d.quote("User") + " (" + d.quote("id") + ") VALUES (1)");
            st.execute("INSERT INTO " + d.quote("Post") + " (" + d.quote("id") + ", " + d.quote("authorId")
                    + ") VALUES (10, 1)");
            assertThat(foreignKeyCount(d.introspect(c))).isEqualTo(1);

            Migration drop = differ.diff(d.introspect(c), withoutFks);
            assertThat(drop.steps()).isNotEmpty();
            apply(d, c, drop);
            assertThat(foreignKeyCount(d.introspect(c))).isZero();
            assertThat(differ.diff(d.introspect(c), withoutFks).steps()).isEmpty();
            // Without the foreign key the database accepts a post whose author does not exist.
            st.execute("INSERT INTO " + d.quote("Post") + " (" + d.quote("id") + ", " + d.quote("authorId")
                    + ") VALUES (11, 2)");
            st.execute("DELETE FROM " + d.quote("Post") + " WHERE " + d.quote("id") + " = 11");

            apply(d, c, differ.diff(d.introspect(c), withFks));
            SqlSchema back = d.introspect(c);
            assertThat(foreignKeyCount(back)).isEqualTo(1);
            assertThat(differ.diff(back, withFks).steps()).isEmpty();
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + d.quote("Post"))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
