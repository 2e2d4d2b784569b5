package dev.sinew.schema.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a datasource or generator property: a literal, {@code env("NAME")}, or an array of values.
 */
public sealed interface ConfigValue {

    /** A string, number or constant written as is. */
    record Literal(String value) implements ConfigValue {
        @Override
        public Optional<String> resolve(Map<String, String> environment) {
            return Optional.of(value);
        }
    }

    /** {@code env("NAME")}: the value of an environment variable, read when the value is needed. */
    record Env(String variable) implements ConfigValue {
        @Override
        public Optional<String> resolve(Map<String, String> environment) {
            return Optional.ofNullable(environment.get(variable));
        }
    }

    /** {@code [a, b]}. */
    record Array(List<ConfigValue> items) implements ConfigValue {
        public Array {
            items = List.copyOf(items);
        }

        /** Arrays have no single value. */
        @Override
        public Optional<String> resolve(Map<String, String> environment) {
            return Optional.empty();
        }
    }

    /** The value as a string, reading environment variables from {@code environment}; empty when unset. */
    Optional<String> resolve(Map<String, String> environment);
}
