package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * The {@code datasource} block, resolved.
 *
 * @param name              the block's name ({@code db})
 * @param provider          the connector
 * @param relationMode      the effective relation mode (explicit, legacy or the provider's default)
 * @param relationModeExplicit whether the schema set it ({@code relationMode} or {@code referentialIntegrity})
 * @param relationModeFromLegacy whether it came from the deprecated {@code referentialIntegrity} property
 * @param url               the connection URL, or null when the schema gives none
 * @param directUrl         {@code directUrl}, or null
 * @param shadowDatabaseUrl {@code shadowDatabaseUrl}, or null
 * @param schemas           {@code schemas = [...]} (multi-schema), empty when not given
 * @param extensions        {@code extensions = [...]} (PostgreSQL), empty when not given
 * @param span              the whole block
 */
public record Datasource(String name, Provider provider, RelationMode relationMode, boolean relationModeExplicit,
                         boolean relationModeFromLegacy, ConfigValue url, ConfigValue directUrl,
                         ConfigValue shadowDatabaseUrl, List<String> schemas, List<Extension> extensions,
                         Span span) {
    public Datasource {
        schemas = List.copyOf(schemas);
        extensions = List.copyOf(extensions);
    }

    /**
     * A PostgreSQL extension of {@code extensions = [pg_trgm, postgis(version: "3.4")]}; the optional arguments
     * are null when not written.
     */
    public record Extension(String name, String databaseName, String schema, String version) {}
}
