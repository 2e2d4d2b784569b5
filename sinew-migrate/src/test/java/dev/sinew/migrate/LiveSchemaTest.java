package dev.sinew.migrate;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against real databases: the script of a calculated schema, applied to an empty database, reads back from the
 * catalog as the same schema (the diff is empty), with foreign keys in foreignKeys mode and none in prisma mode;
 * switching modes is a migration that adds or drops them and keeps the data.
 */
class LiveSchemaTest {

    private static final List<LiveDatabase> DATABASES = List.of(new SqliteLiveDatabase());
    private static final List<String> FIXTURES = List.of("sqlite-kitchen-sink.prisma", "sqlite-mode-switch.prisma");

    @TestFactory
    Stream<DynamicTest> appliedSchemaReadsBackUnchanged() {
        List<DynamicTest> tests = new ArrayList<>();
        for (LiveDatabase db : DATABASES) {
            for (String fixture : FIXTURES) {
                if (!fixture.startsWith(db.provider() + "-")) {
                    continue;
                }
                for (String mode : List.of("foreignKeys", "prisma")) {
                    String schema = withMode(resource("live/" + fixture), mode);
                    tests.add(DynamicTest.dynamicTest(db.provider() + " " + fixture + " " + mode,
                            () -> roundTrip(db, schema)));
                }
            }
            for (Path dir : ConformanceCorpus.cases()) {
                Path file = dir.resolve("schema.prisma");
                if (Files.exists(dir.resolve("diff.sql")) && Files.exists(file)
                        && ConformanceCorpus.read(file).contains("\"" + db.provider() + "\"")) {
                    tests.add(DynamicTest.dynamicTest(db.provider() + " corpus " + dir.getFileName(),
                            () -> roundTrip(db, ConformanceCorpus.read(file))));
                }
            }
        }
        return tests.stream();
    }

    private static void roundTrip(LiveDatabase db, String schemaText) throws SQLException {
        Datamodel datamodel = valid(schemaText);
        SqlSchema calculated = SqlSchemaCalculator.calculate(datamodel);
        Dialect dialect = db.dialect();
        try (Connection c = db.freshDatabase()) {
            db.apply(c, new SchemaDiffer(dialect).diff(db.introspect(c), calculated));
            SqlSchema actual = db.introspect(c);
            Migration remaining = new SchemaDiffer(dialect).diff(actual, calculated);
            assertThat(remaining.steps()).as(dialect.renderScript(remaining)).isEmpty();
            assertThat(foreignKeyCount(actual)).isEqualTo(foreignKeyCount(calculated));
            if (!datamodel.relationMode().usesForeignKeys()) {
                assertThat(foreignKeyCount(actual)).isZero();
            } else if (!datamodel.relations().isEmpty()) {
                assertThat(foreignKeyCount(actual)).isPositive();
            }
        }
    }

    @Test
    void switchingModesDropsAndAddsForeignKeysAndKeepsRows() throws SQLException {
        for (LiveDatabase db : DATABASES) {
            String base = resource("live/" + db.provider() + "-mode-switch.prisma");
            SqlSchema withFks = SqlSchemaCalculator.calculate(valid(withMode(base, "foreignKeys")));
            SqlSchema withoutFks = SqlSchemaCalculator.calculate(valid(withMode(base, "prisma")));
            SchemaDiffer differ = new SchemaDiffer(db.dialect());
            try (Connection c = db.freshDatabase(); Statement st = c.createStatement()) {
                db.apply(c, differ.diff(db.introspect(c), withFks));
                st.execute("INSERT INTO " + db.dialect().quote("User") + " (" + db.dialect().quote("id")
                        + ") VALUES (1)");
                st.execute("INSERT INTO " + db.dialect().quote("Post") + " (" + db.dialect().quote("id") + ", "
                        + db.dialect().quote("authorId") + ") VALUES (10, 1)");
                assertThat(foreignKeyCount(db.introspect(c))).isEqualTo(1);

                db.apply(c, differ.diff(db.introspect(c), withoutFks));
                assertThat(foreignKeyCount(db.introspect(c))).isZero();
                assertThat(differ.diff(db.introspect(c), withoutFks).steps()).isEmpty();
                // Without the foreign key the database accepts a post whose author does not exist.
                st.execute("INSERT INTO " + db.dialect().quote("Post") + " (" + db.dialect().quote("id") + ", "
                        + db.dialect().quote("authorId") + ") VALUES (11, 1)");

                db.apply(c, differ.diff(db.introspect(c), withFks));
                SqlSchema back = db.introspect(c);
                assertThat(foreignKeyCount(back)).isEqualTo(1);
                assertThat(differ.diff(back, withFks).steps()).isEmpty();
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db.dialect().quote("Post"))) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
        }
    }

    static long foreignKeyCount(SqlSchema schema) {
        return schema.tables().stream().map(Table::foreignKeys).mapToLong(List<ForeignKey>::size).sum();
    }

    static Datamodel valid(String text) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        assertThat(result.isValid()).as(result.diagnostics().render()).isTrue();
        return result.datamodel();
    }

    static String withMode(String schema, String mode) {
        return schema.replace("relationMode = \"foreignKeys\"", "relationMode = \"" + mode + "\"");
    }

    static String resource(String name) {
        try (InputStream in = LiveSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
