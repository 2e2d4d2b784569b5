package dev.sinew.cli;

import dev.sinew.schema.diagnostics.Diagnostics;

/** Sentences shared by the commands that print diagnostics. */
final class Reports {
    private Reports() {}

    /** {@code The schema at prisma/schema.prisma is invalid: 2 errors, 1 warning.} */
    static String invalid(SchemaFile schema, Diagnostics diagnostics) {
        int errors = diagnostics.errors().size();
        int warnings = diagnostics.warnings().size();
        String counts = count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning"));
        return "The schema at " + schema.displayName() + " is invalid: " + counts + ".";
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
