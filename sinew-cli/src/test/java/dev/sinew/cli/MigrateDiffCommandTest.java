package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.testkit.ConformanceCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sinew migrate diff} as a user runs it: every conformance case's script byte for byte as Prisma 7.10.1
 * printed it (from empty, and the mode-switch pairs), the failing cases failing with Prisma's errors, the summary,
 * and the exit codes of {@code --exit-code}.
 */
class MigrateDiffCommandTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> corpusScriptsArePrismasByteForByte() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : ConformanceCorpus.cases()) {
            String name = c.getFileName().toString();
            if (Files.exists(c.resolve("from.prisma"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    CliRun run = CliRun.in(c, "migrate", "diff", "--from-schema", "from.prisma", "--to-schema",
                            "to.prisma", "--script");
                    assertThat(run.exitCode()).as(run.toString()).isZero();
                    assertThat(run.out()).isEqualTo(ConformanceCorpus.read(c.resolve("diff.sql")));
                }));
            } else if (Files.exists(c.resolve("diff.sql"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    CliRun run = CliRun.in(c, "migrate", "diff", "--from-empty", "--to-schema", "schema.prisma",
                            "--script");
                    assertThat(run.exitCode()).as(run.toString()).isZero();
                    assertThat(run.out()).isEqualTo(ConformanceCorpus.read(c.resolve("diff.sql")));
                }));
            } else if (Files.exists(c.resolve("diff.txt")) && ConformanceCorpus.read(c.resolve("diff.txt")).contains("Error validating")) {
                tests.add(DynamicTest.dynamicTest(name + " (fails)", () -> {
                    CliRun run = CliRun.in(c, "migrate", "diff", "--from-empty", "--to-schema", "schema.prisma",
                            "--script");
                    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
                    assertThat(run.out()).isEmpty();
                    ConformanceCorpus.read(c.resolve("diff.txt")).lines().filter(l -> l.startsWith("error: "))
                            .forEach(l -> assertThat(run.err()).contains(l));
                    assertThat(run.err()).contains("error[C107]: The schema at schema.prisma is invalid");
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    @Test
    void withoutScriptItPrintsPrismasSummary() throws IOException {
        Files.writeString(dir.resolve("schema.prisma"), """
                datasource db {
                  provider = "sqlite"
                }
                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  posts Post[]
                }
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """);

        CliRun run = CliRun.in(dir, "migrate", "diff", "--from-empty", "--to-schema", "schema.prisma");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("\n[+] Added tables\n  - User\n  - Post\n\n[*] Changed the `User` table\n"
                + "  [+] Added unique index on columns (email)\n\n\n");

        CliRun exit = CliRun.in(dir, "migrate", "diff", "--from-empty", "--to-schema", "schema.prisma", "--exit-code");
        assertThat(exit.exitCode()).isEqualTo(2);
        assertThat(exit.out()).endsWith("(email)\n\n");

        CliRun same = CliRun.in(dir, "migrate", "diff", "--from-schema", "schema.prisma", "--to-schema",
                "schema.prisma", "--exit-code");
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).isEqualTo("No difference detected.\n\n");

        CliRun empty = CliRun.in(dir, "migrate", "diff", "--from-schema", "schema.prisma", "--to-schema",
                "schema.prisma", "--script");
        assertThat(empty.out()).isEqualTo("-- This is an empty migration.\n\n");
    }

    @Test
    void sourcesAreCountedAndErrorsExit1WithExitCode() {
        CliRun none = CliRun.in(dir, "migrate", "diff", "--from-empty");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error[C101]: 0 `--to-...` parameter(s) provided. 1 must be provided. "
                + "(hint: run `sinew migrate diff --help` to see the sources)\n");

        CliRun missing = CliRun.in(dir, "migrate", "diff", "--from-empty", "--to-schema", "nope.prisma",
                "--exit-code");
        assertThat(missing.exitCode()).as("1, not 2, which means differences").isEqualTo(1);
        assertThat(missing.err()).startsWith("error[C102]: no schema file at nope.prisma");
    }

    @Test
    void fromAMigrationsFolderOnSqliteAndToALiveDatabase() throws IOException {
        Files.writeString(dir.resolve("schema.prisma"), """
                datasource db {
                  provider = "sqlite"
                }
                model Tag {
                  id Int @id
                }
                """);
        Path migration = Files.createDirectories(dir.resolve("migrations/20260101000000_init"));
        Files.writeString(migration.resolve("migration.sql"), "-- CreateTable\nCREATE TABLE \"Tag\" (\"id\" "
                + "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT);\n");
        CliRun run = CliRun.in(dir, "migrate", "diff", "--from-migrations", "migrations", "--to-schema",
                "schema.prisma", "--exit-code");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("No difference detected.\n\n");

        CliRun url = CliRun.in(dir, "migrate", "diff", "--from-url", "file:./missing.db", "--to-schema",
                "schema.prisma");
        assertThat(url.exitCode()).isEqualTo(1);
        assertThat(url.err()).contains("\nerror[P1003]: Database missing.db does not exist at ").doesNotContain("\tat ");
    }
}
