package dev.sinew.codegen;

import java.util.Objects;

/**
 * What the generated client is called and where its classes go.
 *
 * @param packageName the Java package of every generated class, e.g. {@code com.example.db}
 * @param clientName  the simple name of the client class ({@value #DEFAULT_CLIENT_NAME} unless the generator
 *                    block sets {@code clientName})
 */
public record GeneratorSettings(String packageName, String clientName) {
    /** The client class's name when the generator block does not name it. */
    public static final String DEFAULT_CLIENT_NAME = "SinewClient";

    public GeneratorSettings {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(clientName, "clientName");
        JavaNames.requirePackage(packageName);
        JavaNames.requireTypeName(clientName, "clientName");
    }

    /** The settings for a package, with the default client name. */
    public static GeneratorSettings of(String packageName) {
        return new GeneratorSettings(packageName, DEFAULT_CLIENT_NAME);
    }
}
