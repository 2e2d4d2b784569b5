package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatCommandTest {
    static final String UNFORMATTED = """
            datasource db {
            provider = "sqlite"
            }

            model User {
            id Int @id @default(autoincrement())
              email String @unique // login
              posts Post[]
            }

            model Post {
              id Int @id
              author User @relation(fields: [authorId], references: [id])
              authorId Int
            }
            """;

    /** What prisma format 7.10.1 writes for {@link #UNFORMATTED}. */
    static final String FORMATTED = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique // login
              posts Post[]
            }

            model Post {
              id       Int  @id
              author   User @relation(fields: [authorId], references: [id])
              authorId Int
            }
            """;

    @TempDir
    Path dir;

    @Test
    void rewritesTheFileInPrismasLayout() throws IOException {
        Path schema = write("prisma/schema.prisma", UNFORMATTED);

        CliRun run = CliRun.in(dir, "format");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(schema).hasContent(FORMATTED);
        assertThat(run.out()).matches("Formatted prisma/schema\\.prisma in \\d+ ms\\.\n");
        assertThat(run.err()).isEqualTo("Sinew schema loaded from prisma/schema.prisma.\n");

        CliRun again = CliRun.in(dir, "format");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("The schema at prisma/schema.prisma is already formatted.\n");
    }

    @Test
    void checkFailsOnAnUnformattedFileAndWritesNothing() throws IOException {
        Path schema = write("schema.prisma", UNFORMATTED);

        CliRun run = CliRun.in(dir, "format", "--check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(schema).hasContent(UNFORMATTED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).endsWith(
                "The schema at schema.prisma is not formatted. Run `sinew format` to format it.\n");
    }

    @Test
    void checkPassesOnAFormattedFile() throws IOException {
        write("schema.prisma", FORMATTED);

        CliRun run = CliRun.in(dir, "format", "--check", "--schema", "schema.prisma");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("The schema at schema.prisma is formatted.\n");
    }

    @Test
    void anInvalidSchemaIsReportedAndLeftAlone() throws IOException {
        String invalid = UNFORMATTED.replace("  authorId Int\n", "  authorId Int\n  = oops\n");
        Path schema = write("schema.prisma", invalid);

        for (String[] args : new String[][] {{"format"}, {"format", "--check"}}) {
            CliRun run = CliRun.in(dir, args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err())
                    .contains("error: Error validating: This line is not a valid field or attribute definition.")
                    .contains("  -->  schema.prisma:15")
                    .endsWith("The schema at schema.prisma is invalid: 1 error. The file was not changed.\n");
            assertThat(schema).hasContent(invalid);
        }
    }

    @Test
    void aMissingFileIsOneLineWithExitTwo() {
        CliRun run = CliRun.in(dir, "format", "--schema", "missing/schema.prisma");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error[C102]: no schema file at missing/schema.prisma").hasLineCount(1);
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
