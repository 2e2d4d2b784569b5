package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code generator} block, resolved.
 *
 * @param name            the block's name ({@code client})
 * @param provider        {@code provider = ...} (e.g. {@code "sinew-client-java"})
 * @param output          {@code output = ...}, or null
 * @param previewFeatures the preview features, as written
 * @param binaryTargets   {@code binaryTargets}, empty when not given
 * @param properties      every other property in source order (e.g. a Java {@code package})
 * @param documentation   the {@code ///} comments above the block, or null
 * @param span            the whole block
 */
public record Generator(String name, ConfigValue provider, ConfigValue output, List<String> previewFeatures,
                        List<ConfigValue> binaryTargets, Map<String, ConfigValue> properties,
                        String documentation, Span span) {
    public Generator {
        previewFeatures = List.copyOf(previewFeatures);
        binaryTargets = List.copyOf(binaryTargets);
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }

    /** A property other than provider, output, previewFeatures and binaryTargets, when it is a literal. */
    public Optional<String> property(String key) {
        ConfigValue value = properties.get(key);
        return value instanceof ConfigValue.Literal literal ? Optional.of(literal.value()) : Optional.empty();
    }
}
