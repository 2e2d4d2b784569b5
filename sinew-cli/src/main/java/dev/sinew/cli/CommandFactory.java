package dev.sinew.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, handing the {@link Environment} to every command whose constructor takes
 * one; other classes (picocli's own help command, converters) get their no-argument constructor.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Environment environment;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Environment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == Environment.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(environment));
            }
        }
        return fallback.create(type);
    }
}
