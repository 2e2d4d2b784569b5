package dev.sinew.migrate.workflow;

import dev.sinew.migrate.history.MigrationFolder;
import dev.sinew.migrate.history.MigrationRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The migrations folder compared with the history table, as Prisma compares them: the migrations the database has
 * not run yet, those it ran that the folder no longer has, failed ones, and applied ones whose file changed since.
 *
 * @param hasTable    whether {@code _prisma_migrations} exists
 * @param failed      rows of failed migrations (not finished, not rolled back)
 * @param edited      applied migrations whose {@code migration.sql} no longer has the recorded checksum
 * @param unapplied   migrations of the folder the database has not run, in order
 * @param unpersisted migrations the database ran that the folder does not have
 * @param lastCommon  when the two histories diverge, the last migration they share (null if none)
 * @param diverge     whether the histories differ before the end of one of them
 */
record HistoryDiagnosis(boolean hasTable, List<MigrationRecord> failed, List<String> edited, List<String> unapplied,
                        List<String> unpersisted, String lastCommon, boolean diverge) {

    static HistoryDiagnosis of(List<MigrationFolder> folder, List<MigrationRecord> records, boolean hasTable) {
        List<MigrationRecord> live = records.stream().filter(r -> !r.rolledBack()).toList();
        List<String> databaseNames = new ArrayList<>(live.stream().map(MigrationRecord::name)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        List<String> folderNames = folder.stream().map(MigrationFolder::name).toList();
        int common = 0;
        while (common < databaseNames.size() && common < folderNames.size()
                && databaseNames.get(common).equals(folderNames.get(common))) {
            common++;
        }
        Set<String> inDatabase = Set.copyOf(databaseNames);
        Set<String> inFolder = Set.copyOf(folderNames);
        List<String> unapplied = folderNames.stream().filter(n -> !inDatabase.contains(n)).toList();
        List<String> unpersisted = databaseNames.stream().filter(n -> !inFolder.contains(n)).toList();
        boolean diverge = common < databaseNames.size() && common < folderNames.size();
        String lastCommon = common > 0 ? folderNames.get(common - 1) : null;
        Map<String, MigrationFolder> byName = folder.stream()
                .collect(Collectors.toMap(MigrationFolder::name, Function.identity()));
        List<String> edited = new ArrayList<>();
        for (MigrationRecord r : live) {
            MigrationFolder file = byName.get(r.name());
            if (r.applied() && file != null && !file.matchesChecksum(r.checksum()) && !edited.contains(r.name())) {
                edited.add(r.name());
            }
        }
        List<MigrationRecord> failed = live.stream().filter(MigrationRecord::failed).toList();
        return new HistoryDiagnosis(hasTable, failed, edited, unapplied, unpersisted, lastCommon, diverge);
    }

    /** The migrations of the folder that the database ran (or tried to), in folder order. */
    List<MigrationFolder> appliedIn(List<MigrationFolder> folder) {
        return folder.stream().filter(m -> !unapplied.contains(m.name())).toList();
    }

    /** The folder's migrations the database has not run, in order. */
    List<MigrationFolder> pendingIn(List<MigrationFolder> folder) {
        return folder.stream().filter(m -> unapplied.contains(m.name())).toList();
    }

    Optional<String> firstFailed() {
        return failed.stream().map(MigrationRecord::name).findFirst();
    }
}
