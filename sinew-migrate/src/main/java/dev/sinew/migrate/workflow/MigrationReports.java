package dev.sinew.migrate.workflow;

import dev.sinew.migrate.database.Timestamps;
import dev.sinew.migrate.history.MigrationRecord;

import java.util.List;

/** Pieces of Prisma's migration reports shared by the commands. */
final class MigrationReports {
    private MigrationReports() {}

    /**
     * The tree of migration folders Prisma prints:
     *
     * <pre>
     * migrations/
     *   └─ 20261125001957_init/
     *     └─ migration.sql
     * </pre>
     */
    static String tree(String root, List<String> names) {
        StringBuilder out = new StringBuilder(root).append('/');
        for (String name : names) {
            out.append("\n  └─ ").append(name).append("/\n    └─ migration.sql");
        }
        return out.toString();
    }

    /** {@code 3 migrations found in prisma/migrations}, or {@code No migration found in prisma/migrations}. */
    static String found(int count, String folder) {
        if (count == 0) {
            return "No migration found in " + folder;
        }
        return count + " migration" + (count > 1 ? "s" : "") + " found in " + folder;
    }

    /** {@code The `x` migration started at 2026-11-25 00:20:15.425 UTC failed}, with its logs when it has some. */
    static String failedMigration(MigrationRecord record) {
        String line = "The `" + record.name() + "` migration started at " + Timestamps.display(record.startedAt())
                + " failed";
        return record.logs() == null || record.logs().isBlank() ? line
                : line + " with the following logs:\n" + record.logs();
    }
}
