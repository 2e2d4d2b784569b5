package dev.sinew.migrate.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of a reference that point at no row.
 *
 * @param reference the reference checked
 * @param rows      how many referencing rows are orphans
 * @param keys      how many distinct missing keys they point at
 * @param samples   up to {@link OrphanFinder#SAMPLES} of those keys, each the values of the referencing columns
 */
public record Orphans(Reference reference, long rows, long keys, List<List<String>> samples) {

    public Orphans {
        samples = samples.stream().map(List::copyOf).toList();
    }

    public boolean any() {
        return rows > 0;
    }

    /**
     * The report line: {@code relation `PostToUser`, foreign key `Post_authorId_fkey`: `Post`(`authorId`) →
     * `User`(`id`): 3 orphaned rows point at 2 missing keys, e.g. authorId = 7, authorId = 9}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(reference.label());
        if (reference.constraint() != null && !reference.label().contains(reference.constraint())) {
            s.append(", foreign key `").append(reference.constraint()).append('`');
        }
        s.append(": ").append(reference.path()).append(": ").append(rows).append(rows == 1 ? " orphaned row" : " orphaned rows")
                .append(" point").append(rows == 1 ? "s" : "").append(" at ").append(keys)
                .append(keys == 1 ? " missing key" : " missing keys");
        List<String> shown = new ArrayList<>();
        for (List<String> key : samples) {
            shown.add(key(key));
        }
        s.append(keys > samples.size() ? ", e.g. " : ": ").append(String.join("; ", shown));
        return s.toString();
    }

    private String key(List<String> values) {
        List<String> columns = reference.columns();
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> columns.get(i) + " = " + values.get(i)).collect(Collectors.joining(", "));
    }
}
