package dev.sinew.sql.connect;

import dev.sinew.schema.model.ConfigValue;

import java.nio.file.Path;
import java.util.Optional;

/** The URLs of a datasource ({@code url}, {@code shadowDatabaseUrl}) read as Prisma reads them. */
public final class DatasourceUrls {
    private DatasourceUrls() {}

    /**
     * The URL a datasource property gives.
     *
     * @param property      the property's name in messages ({@code url}, {@code shadowDatabaseUrl})
     * @param value         the property's value; null when the datasource has none
     * @param schemaDir     where a relative SQLite path starts, as Prisma resolves it: the schema file's directory
     * @return empty when the datasource has no such property
     * @throws ConnectionSettingsException {@code P1012} when the variable it names is not set or is empty,
     *                                      {@code P1013} when the URL cannot be read
     */
    public static Optional<DatabaseUrl> resolve(String property, ConfigValue value, ProjectVariables variables,
                                                Path schemaDir) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ConfigValue.Env env) {
            String text = variables.get(env.variable()).orElseThrow(() -> new ConnectionSettingsException("P1012",
                    "Environment variable not found: " + env.variable() + ".",
                    "set " + env.variable() + " in the environment or in a .env file (in the project root or next "
                            + "to the schema), or pass --url"));
            if (text.isBlank()) {
                throw new ConnectionSettingsException("P1012", "Error validating datasource `db`: You must "
                        + "provide a nonempty URL. The environment variable `" + env.variable()
                        + "` resolved to an empty string.",
                        "give " + env.variable() + " a database URL");
            }
            return Optional.of(DatabaseUrl.parse(text, schemaDir));
        }
        String text = value.resolve(variables.asMap()).orElseThrow(() -> new ConnectionSettingsException("P1012",
                "Error validating datasource `db`: the " + property + " must be a string.",
                "write " + property + " = env(\"DATABASE_URL\") or a literal URL"));
        if (text.isBlank()) {
            throw new ConnectionSettingsException("P1012",
                    "Error validating datasource `db`: You must provide a nonempty URL.",
                    "write " + property + " = env(\"DATABASE_URL\") or a literal URL");
        }
        return Optional.of(DatabaseUrl.parse(text, schemaDir));
    }
}
