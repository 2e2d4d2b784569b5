package dev.sinew.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of the {@code sinew} command in a directory, with what it printed and its exit status. */
record CliRun(int exitCode, String out, String err) {
    static CliRun in(Path workingDirectory, String... args) {
        return in(workingDirectory, Map.of(), args);
    }

    /** A run that sees only the given environment variables. */
    static CliRun in(Path workingDirectory, Map<String, String> variables, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SinewCommand.run(new Environment(workingDirectory, new PrintWriter(out, true),
                new PrintWriter(err, true), variables), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
