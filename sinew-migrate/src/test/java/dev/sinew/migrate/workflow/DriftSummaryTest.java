package dev.sinew.migrate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.migrate.TestSchemas;
import dev.sinew.migrate.workflow.MigrateDiff.Source;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The summary {@code migrate diff} prints without {@code --script}, against what Prisma 7.10.1 printed for the same
 * pairs of schemas ({@code src/test/resources/diff-summary}: the schemas and Prisma's stdout).
 */
class DriftSummaryTest {

    @TestFactory
    Stream<DynamicTest> summariesArePrismas() {
        return Stream.of("pg-a--pg-b", "pg-b--pg-a", "sqlite-a--sqlite-b", "sqlite-b--sqlite-a",
                "pg-keys-a--pg-keys-b", "pg-keys-b--pg-keys-a", "empty--sqlite-a").map(name ->
                DynamicTest.dynamicTest(name, () -> {
                    String[] sides = name.split("--");
                    Source from = source(sides[0]);
                    Source to = source(sides[1]);
                    MigrateDiff.Outcome outcome = MigrateDiff.diff(from, to, null);
                    String printed = new DriftSummary(outcome.dialect()).render(outcome.migration()) + "\n\n";
                    assertThat(printed).isEqualTo(TestSchemas.resource("diff-summary/" + name + ".txt"));
                }));
    }

    @org.junit.jupiter.api.Test
    void noDifference() {
        Source schema = source("pg-a");
        MigrateDiff.Outcome outcome = MigrateDiff.diff(schema, schema, null);
        assertThat(new DriftSummary(outcome.dialect()).render(outcome.migration())).isEqualTo("No difference detected.");
    }

    private static Source source(String name) {
        if (name.equals("empty")) {
            return new Source.Empty();
        }
        return new Source.Schema(TestSchemas.valid(TestSchemas.resource("diff-summary/" + name + ".prisma")));
    }
}
