package dev.sinew.migrate.history;

import java.time.Instant;

/**
 * A row of {@code _prisma_migrations}.
 *
 * @param id                a v4 UUID
 * @param checksum          the SHA-256 of {@code migration.sql} when it was applied
 * @param finishedAt        null until the migration succeeded
 * @param name              the migration directory's name
 * @param logs              the error of a failed migration, else null
 * @param rolledBackAt      set by {@code migrate resolve --rolled-back}; such rows no longer count
 * @param startedAt         when the migration started
 * @param appliedStepsCount 1 for an applied migration, 0 otherwise (Prisma no longer uses it)
 */
public record MigrationRecord(String id, String checksum, Instant finishedAt, String name, String logs,
                              Instant rolledBackAt, Instant startedAt, int appliedStepsCount) {

    /** Started, neither finished nor rolled back: a failed migration, which blocks deploy. */
    public boolean failed() {
        return finishedAt == null && rolledBackAt == null;
    }

    /** Finished and not rolled back. */
    public boolean applied() {
        return finishedAt != null && rolledBackAt == null;
    }

    public boolean rolledBack() {
        return rolledBackAt != null;
    }
}
