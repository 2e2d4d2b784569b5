package dev.sinew.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a captured {@code prisma validate} / {@code prisma format} output: the exit code, the errors with the line
 * they point at, and the warnings. Prisma's chrome (banner, counts, context lines) is skipped.
 */
record PrismaOutput(int exitCode, List<Finding> errors, List<String> warnings) {

    /** An error: its message and the line of {@code -->  schema.prisma:LINE}. */
    record Finding(String message, int line) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    static PrismaOutput parse(String text) {
        String[] lines = text.split("\n", -1);
        int exit = Integer.parseInt(lines[0].substring("exit code: ".length()).trim());
        List<Finding> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean inWarnings = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("Prisma schema warning")) {
                inWarnings = true;
                continue;
            }
            if (inWarnings) {
                if (line.startsWith("- ")) {
                    warnings.add(line.substring(2));
                    continue;
                }
                inWarnings = false;
            }
            if (line.startsWith("error: ")) {
                StringBuilder message = new StringBuilder(line.substring("error: ".length()));
                int j = i + 1;
                while (j < lines.length && !lines[j].startsWith("  -->  ")) {
                    message.append('\n').append(lines[j]);
                    j++;
                }
                int lineNumber = Integer.parseInt(lines[j].substring(lines[j].lastIndexOf(':') + 1).trim());
                errors.add(new Finding(message.toString(), lineNumber));
                i = j;
            }
        }
        return new PrismaOutput(exit, errors, warnings);
    }
}
