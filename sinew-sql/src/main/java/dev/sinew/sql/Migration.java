package dev.sinew.sql;

import java.util.List;

/**
 * The steps that turn one schema into another, with the warnings about data they may lose.
 *
 * @param previous     the schema the migration starts from
 * @param next         the schema it produces
 * @param steps        in the order they run
 * @param warnings     destructive changes and steps that cannot run on a non-empty table, in Prisma's words; they head
 *                     the rendered script
 */
public record Migration(SqlSchema previous, SqlSchema next, List<MigrationStep> steps, List<String> warnings) {

    public Migration {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * The same steps without the warnings: {@code migrate diff --script} prints scripts without the warnings
     * comment, which only {@code migration.sql} files carry.
     */
    public Migration withoutWarnings() {
        return new Migration(previous, next, steps, List.of());
    }
}
