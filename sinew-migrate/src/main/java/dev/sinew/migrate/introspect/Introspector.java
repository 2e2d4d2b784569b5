package dev.sinew.migrate.introspect;

import dev.sinew.schema.model.Provider;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.SqlSchema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code db pull}: the schema of a live database written as a Prisma schema, the way Prisma's introspection writes
 * it, merged into the user's existing schema.
 *
 * <pre>{@code
 * ExistingSchema existing = ExistingSchema.read(new SourceFile("schema.prisma", text));
 * Introspection result = Introspector.introspect(connection, existing);
 * if (result.isEmpty()) { ... the database has no tables ... }
 * Files.writeString(path, result.schema());
 * }</pre>
 *
 * <p>The models, enums, names, relations and comments of the existing schema are kept where they still match the
 * database; its datasource and generator blocks are kept as written (the legacy {@code referentialIntegrity} becomes
 * {@code relationMode}). With {@code relationMode = "foreignKeys"} the relations come from the database's foreign
 * keys; with {@code "prisma"} they are copied from the existing schema.
 */
public final class Introspector {
    private Introspector() {
    }

    /**
     * Reads the database behind the connection with the dialect of the existing schema's provider and introspects
     * it.
     *
     * @throws IllegalArgumentException when the existing schema is invalid or its provider has no SQL database
     */
    public static Introspection introspect(Connection connection, ExistingSchema existing) throws SQLException {
        Provider provider = providerOf(existing);
        SqlSchema schema = Dialect.forProvider(provider.schemaName()).introspect(connection);
        return introspect(schema, existing);
    }

    /** Introspects a schema already read from a database. */
    public static Introspection introspect(SqlSchema schema, ExistingSchema existing) {
        Provider provider = providerOf(existing);
        IntrospectionContext ctx = new IntrospectionContext(schema, provider, existing);
        IntrospectionWarnings warnings = new IntrospectionWarnings();
        Psl.Schema psl = DatamodelCalculator.calculate(ctx, warnings);
        String text = PslRenderer.render(psl, existing.source().name());
        boolean empty = psl.models().isEmpty() && psl.enums().isEmpty();
        return new Introspection(text, warnings, psl.models().size(), empty);
    }

    private static Provider providerOf(ExistingSchema existing) {
        if (!existing.isValid()) {
            throw new IllegalArgumentException("the existing schema is invalid");
        }
        Provider provider = existing.datamodel().provider()
                .orElseThrow(() -> new IllegalArgumentException("the schema has no datasource"));
        if (!provider.isRelational()) {
            throw new IllegalArgumentException("db pull does not support the " + provider.displayName()
                    + " provider");
        }
        return provider;
    }

    /**
     * The outcome of an introspection.
     *
     * @param schema     the schema text, formatted
     * @param warnings   what the user should know about it
     * @param modelCount how many models it has
     * @param isEmpty    whether the database had no table and no enum to introspect (Prisma's P4001)
     */
    public record Introspection(String schema, IntrospectionWarnings warnings, int modelCount, boolean isEmpty) {
    }
}
