package dev.sinew.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may use of the world it runs in. Commands resolve relative paths against
 * {@code workingDirectory} rather than the JVM's, and read environment variables ({@code env("DATABASE_URL")}) from
 * {@code variables} rather than the process, so that tests can run them in process on temporary directories.
 */
record Environment(Path workingDirectory, PrintWriter out, PrintWriter err, Map<String, String> variables) {
    Environment {
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    /** The process's own environment variables. */
    Environment(Path workingDirectory, PrintWriter out, PrintWriter err) {
        this(workingDirectory, out, err, System.getenv());
    }

    /** How a user would write the path: relative to the working directory when it lies below it. */
    String display(Path path) {
        Path absolute = workingDirectory.resolve(path).normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
