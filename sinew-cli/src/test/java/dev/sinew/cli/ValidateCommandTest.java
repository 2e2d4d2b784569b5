package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    static final String VALID = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    static final String TWO_SYNTAX_ERRORS = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id Int @id
              not a field here
            }

            model Post {
              id Int @id
              this is not a field
            }
            """;

    static final String PRISMA_MODE_WITHOUT_INDEX = """
            datasource db {
              provider     = "mysql"
              relationMode = "prisma"
            }

            model User {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id     Int  @id
              userId Int
              user   User @relation(fields: [userId], references: [id])
            }
            """;

    @TempDir
    Path dir;

    @Test
    void acceptsAValidSchemaGivenWithSchema() throws IOException {
        write("db/my.prisma", VALID);

        CliRun run = CliRun.in(dir, "validate", "--schema", "db/my.prisma");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("The schema at db/my.prisma is valid.\n");
        assertThat(run.err()).isEqualTo("Sinew schema loaded from db/my.prisma.\n");
    }

    @Test
    void findsSchemaPrismaBeforePrismaSchemaPrisma() throws IOException {
        write("prisma/schema.prisma", VALID);
        CliRun fromPrismaDirectory = CliRun.in(dir, "validate");
        assertThat(fromPrismaDirectory.exitCode()).as(fromPrismaDirectory.toString()).isZero();
        assertThat(fromPrismaDirectory.out()).contains("The schema at prisma/schema.prisma is valid.");

        write("schema.prisma", TWO_SYNTAX_ERRORS);
        CliRun fromRoot = CliRun.in(dir, "validate");
        assertThat(fromRoot.exitCode()).as(fromRoot.toString()).isEqualTo(1);
        assertThat(fromRoot.err()).startsWith("Sinew schema loaded from schema.prisma.\n");
    }

    @Test
    void reportsEveryErrorWithItsLocationAndExitsOne() throws IOException {
        write("prisma/schema.prisma", TWO_SYNTAX_ERRORS);

        CliRun run = CliRun.in(dir, "validate", "--schema", "./prisma/../prisma/schema.prisma");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("Sinew schema loaded from prisma/schema.prisma.\n")
                .contains("error: Error validating: This line is not a valid field or attribute definition.")
                .contains("  -->  prisma/schema.prisma:7\n")
                .contains("  -->  prisma/schema.prisma:12\n")
                .contains("12 |   this is not a field\n")
                .endsWith("The schema at prisma/schema.prisma is invalid: 2 errors.\n");
    }

    @Test
    void printsWarningsWithTheirLocationAndStillExitsZero() throws IOException {
        write("schema.prisma", PRISMA_MODE_WITHOUT_INDEX);

        CliRun run = CliRun.in(dir, "validate");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("The schema at schema.prisma is valid.\n");
        assertThat(run.err())
                .contains("warning: With `relationMode = \"prisma\"`, no foreign keys are used")
                .contains("  -->  schema.prisma:14\n")
                .doesNotContain("error");
    }

    @Test
    void reportsValidationErrorsBeyondSyntax() throws IOException {
        write("schema.prisma", PRISMA_MODE_WITHOUT_INDEX.replace("\"mysql\"", "\"postgresql\"")
                .replace("references: [id])", "references: [id], onDelete: NoAction)"));

        CliRun run = CliRun.in(dir, "validate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: Error validating: Invalid referential action: `NoAction`.")
                .contains("  -->  schema.prisma:14\n")
                .endsWith("The schema at schema.prisma is invalid: 1 error, 1 warning.\n");
    }

    @Test
    void namesAnAbsolutePathBelowTheWorkingDirectoryRelatively() throws IOException {
        Path file = write("nested/schema.prisma", VALID);

        CliRun run = CliRun.in(dir, "validate", "--schema", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("The schema at nested/schema.prisma is valid.\n");
    }

    @Test
    void aMissingSchemaFileIsOneLineWithExitTwo() {
        CliRun run = CliRun.in(dir, "validate", "--schema", "nope.prisma");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error[C102]: no schema file at nope.prisma (hint: check the path given to "
                + "--schema; a relative path starts at the current directory)\n");
    }

    @Test
    void noSchemaInTheDefaultLocationsIsOneLineWithExitTwo() {
        CliRun run = CliRun.in(dir, "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error[C103]: no schema found at ./schema.prisma or ./prisma/schema.prisma")
                .contains("hint: ")
                .hasLineCount(1);
    }

    @Test
    void aDirectoryIsNotASchema() throws IOException {
        Files.createDirectories(dir.resolve("prisma"));

        CliRun run = CliRun.in(dir, "validate", "--schema", "prisma");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error[C104]: prisma is a directory (hint: ").hasLineCount(1);
    }

    @Test
    void aFileThatIsNotUtf8IsOneLineWithExitTwo() throws IOException {
        Files.write(dir.resolve("schema.prisma"), new byte[] {'m', 'o', (byte) 0xC3, (byte) 0x28, '\n'});

        CliRun run = CliRun.in(dir, "validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error[C104]: cannot read schema.prisma: it is not UTF-8 text "
                + "(hint: save the schema with UTF-8 encoding)\n");
    }

    @Test
    void printsItsHelp() {
        CliRun run = CliRun.in(dir, "validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: sinew validate [-hV] [--schema=<path>]").contains("--schema=<path>");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
