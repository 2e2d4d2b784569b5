package dev.sinew.migrate;

import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema evolving through three versions on each real database, in both relation modes: each migration applies
 * (on MySQL, the index a foreign key uses can only go once the key is dropped), leaves nothing to do, and keeps the
 * rows.
 */
class EvolutionTest {

    @TestFactory
    Stream<DynamicTest> evolve() {
        return Stream.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL, DatabaseKind.MYSQL)
                .flatMap(kind -> Stream.of("foreignKeys", "prisma").map(mode -> DynamicTest.dynamicTest(
                        kind.provider() + " " + mode, () -> evolve(kind, mode))));
    }

    private static void evolve(DatabaseKind kind, String mode) throws Exception {
        Dialect dialect = Dialect.forProvider(kind.provider());
        SchemaDiffer differ = new SchemaDiffer(dialect);
        try (TestDatabase db = TestDatabases.create(kind, "EvolutionTest"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            for (String version : List.of("v1", "v2", "v3")) {
                String text = TestSchemas.resource("evolution/" + version + ".prisma")
                        .replace("PROVIDER", kind.provider())
                        .replace("provider = \"" + kind.provider() + "\"",
                                "provider = \"" + kind.provider() + "\"\n  relationMode = \"" + mode + "\"");
                SqlSchema target = SqlSchemaCalculator.calculate(TestSchemas.valid(text));
                Migration migration = differ.diff(dialect.introspect(c), target);
                TestSchemas.apply(dialect, c, migration);
                Migration rest = differ.diff(dialect.introspect(c), target);
                assertThat(rest.steps()).as(version + ":\n" + dialect.renderScript(rest)).isEmpty();
                if (version.equals("v1")) {
                    st.execute("INSERT INTO " + dialect.quote("User") + " (" + dialect.quote("email") + ") VALUES ('a')");
                    st.execute("INSERT INTO " + dialect.quote("Post") + " (" + dialect.quote("title") + ", "
                            + dialect.quote("authorId") + ") VALUES ('t', 1)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + dialect.quote("Post"))) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
