package dev.sinew.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Extension;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.Table;
import dev.sinew.testkit.ConformanceCorpus;
import dev.sinew.testkit.DatabaseKind;
import org.junit.jupiter.api.Assumptions;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the migrate tests share: schemas validated and read from the resources or the corpus, and applied. */
public final class TestSchemas {
    private static final Pattern PROVIDER = Pattern.compile("provider\\s*=\\s*\"(\\w+)\"");

    private TestSchemas() {
    }

    /** The Datamodel of a schema that must be valid (the test fails with the diagnostics otherwise). */
    public static Datamodel valid(String text) {
        PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", text);
        assertThat(result.isValid()).as(result.diagnostics().render()).isTrue();
        return result.datamodel();
    }

    /** A test resource's text. */
    public static String resource(String name) {
        try (InputStream in = TestSchemas.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema written with {@code relationMode = "foreignKeys"}, in the given mode. */
    public static String withMode(String schema, String mode) {
        return schema.replace("relationMode = \"foreignKeys\"", "relationMode = \"" + mode + "\"");
    }

    /** The corpus's case folders whose {@code schema.prisma} is valid and for this database's provider. */
    public static List<Path> validCorpusCases(DatabaseKind kind) {
        return ConformanceCorpus.cases().stream()
                .filter(dir -> Files.exists(dir.resolve("schema.prisma"))
                        && ConformanceCorpus.read(dir.resolve("validate.txt")).startsWith("exit code: 0")
                        && providerOf(ConformanceCorpus.read(dir.resolve("schema.prisma"))).equals(kind.provider()))
                .toList();
    }

    private static String providerOf(String schema) {
        Matcher m = PROVIDER.matcher(schema.substring(Math.max(0, schema.indexOf("datasource"))));
        return m.find() ? m.group(1).replace("postgres", "postgresql").replace("postgresqlql", "postgresql") : "";
    }

    /** Runs every statement of every step, in order, as a migration would. */
    public static void apply(Dialect dialect, Connection connection, Migration migration) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (MigrationStep step : migration.steps()) {
                for (String sql : dialect.render(step, migration.previous(), migration.next())) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException(e.getMessage() + "\nin: " + sql, e.getSQLState(), e.getErrorCode(), e);
                    }
                }
            }
        }
    }

    /**
     * Types from extensions the schema uses without listing them ({@code @db.Citext}) must exist before the tables;
     * extensions the test server does not ship (pgvector) end the test as not applicable.
     */
    public static void prepareExtensions(DatabaseKind kind, String schemaText, SqlSchema calculated, Connection c)
            throws SQLException {
        if (kind != DatabaseKind.POSTGRESQL) {
            return;
        }
        try (Statement st = c.createStatement()) {
            if (schemaText.contains("@db.Citext")) {
                st.execute("CREATE EXTENSION IF NOT EXISTS citext");
            }
            for (Extension e : calculated.extensions()) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = '"
                        + e.name().replace("'", "''") + "'")) {
                    Assumptions.assumeTrue(rs.next(), "the test server has no " + e.name() + " extension");
                }
            }
        }
    }

    /** How many foreign keys the schema's tables have. */
    public static long foreignKeyCount(SqlSchema schema) {
        return schema.tables().stream().map(Table::foreignKeys).mapToLong(List<ForeignKey>::size).sum();
    }
}
