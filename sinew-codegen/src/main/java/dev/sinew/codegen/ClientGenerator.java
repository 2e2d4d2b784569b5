package dev.sinew.codegen;

import dev.sinew.schema.model.ConfigValue;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Generator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code generator} block of the schema that asks for the typed Java client, resolved:
 *
 * <pre>
 * generator client {
 *   provider   = "sinew-client-java"
 *   output     = "../src/main/java"      // the source root, relative to the schema file
 *   package    = "com.example.db"
 *   clientName = "BlogClient"            // optional; SinewClient by default
 * }
 * </pre>
 *
 * @param name     the block's name ({@code client})
 * @param settings the package and the client class's name
 * @param output   the source root the files go below, resolved against the schema file's folder as Prisma resolves
 *                 {@code output}; null when the block has none
 */
public record ClientGenerator(String name, GeneratorSettings settings, Path output) {
    /** The {@code provider} of the generator blocks this generator serves. */
    public static final String PROVIDER = "sinew-client-java";

    /**
     * Every {@code sinew-client-java} generator block of the schema, in source order.
     *
     * @param datamodel       the validated schema
     * @param schemaDirectory the folder of the schema file, against which {@code output} is resolved
     * @param environment     the variables {@code env("...")} reads
     * @throws CodegenException when there is no such block ({@code G101}), or one lacks a valid {@code package}
     *                          ({@code G102}, {@code G103}) or has an invalid {@code clientName} ({@code G104})
     */
    public static List<ClientGenerator> of(Datamodel datamodel, Path schemaDirectory, Map<String, String> environment) {
        List<ClientGenerator> out = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Generator generator : datamodel.generators()) {
            String provider = resolve(generator.provider(), environment);
            if (!PROVIDER.equals(provider)) {
                others.add(generator.name() + " (" + provider + ")");
                continue;
            }
            String packageName = property(generator, "package", environment);
            if (packageName == null || packageName.isBlank()) {
                throw new CodegenException("G102", "the generator `" + generator.name() + "` has no `package`",
                        "add the Java package of the generated classes to the generator block, e.g."
                                + " package = \"com.example.db\"");
            }
            String clientName = property(generator, "clientName", environment);
            GeneratorSettings settings = new GeneratorSettings(packageName.strip(),
                    clientName == null ? GeneratorSettings.DEFAULT_CLIENT_NAME : clientName.strip());
            String output = resolve(generator.output(), environment);
            out.add(new ClientGenerator(generator.name(), settings,
                    output == null ? null : schemaDirectory.resolve(output).normalize()));
        }
        if (out.isEmpty()) {
            throw new CodegenException("G101", "the schema has no generator with provider = \"" + PROVIDER + "\""
                    + (others.isEmpty() ? "" : "; it has " + String.join(", ", others)),
                    "add a block such as: generator client { provider = \"" + PROVIDER + "\" output ="
                            + " \"../src/main/java\" package = \"com.example.db\" }");
        }
        return out;
    }

    private static String property(Generator generator, String key, Map<String, String> environment) {
        ConfigValue value = generator.properties().get(key);
        return resolve(value, environment);
    }

    private static String resolve(ConfigValue value, Map<String, String> environment) {
        if (value == null) {
            return null;
        }
        if (value instanceof ConfigValue.Env env && env.resolve(environment).isEmpty()) {
            throw new CodegenException("G108", "the environment variable " + env.variable() + " is not set",
                    "set it, or write the value into the generator block");
        }
        return value.resolve(environment).orElse(null);
    }
}
