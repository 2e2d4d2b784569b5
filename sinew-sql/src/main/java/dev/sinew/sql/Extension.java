package dev.sinew.sql;

/**
 * A PostgreSQL extension.
 *
 * @param schema  null for the default
 * @param version null for the default
 */
public record Extension(String name, String schema, String version) {
}
