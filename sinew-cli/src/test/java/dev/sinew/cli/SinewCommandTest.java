package dev.sinew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SinewCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {}}) {
            CliRun run = CliRun.in(dir, args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out())
                    .startsWith("Usage: sinew [-hV] [COMMAND]")
                    .contains("  validate  ", "  format  ", "  help  ")
                    .contains("Exit status:", "2   bad arguments");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void helpCommandShowsASubcommandsUsage() {
        CliRun run = CliRun.in(dir, "help", "format");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: sinew format [-hV] [--check] [--schema=<path>]");
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.in(dir, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("(?s)sinew \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*\n");
    }

    @Test
    void anUnknownOptionIsOneLineWithACodeAndAHint() {
        CliRun run = CliRun.in(dir, "validate", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                "error[C101]: Unknown option: '--bogus' (hint: run `sinew validate --help` to see the usage)\n");
    }

    @Test
    void anUnknownCommandSuggestsTheClosestOnes() {
        CliRun run = CliRun.in(dir, "valdate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error[C101]: Unmatched argument at index 0: 'valdate'; did you mean validate")
                .endsWith("(hint: run `sinew --help` to see the usage)\n")
                .hasLineCount(1);
    }

    @Test
    void anOptionWithoutItsValueIsABadArgument() {
        CliRun run = CliRun.in(dir, "format", "--schema");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error[C101]: Missing required parameter for option '--schema'")
                .hasLineCount(1);
    }

    @Test
    void anUnexpectedExceptionIsReportedAsABugInOneLine() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SinewCommand.commandLine(
                new Environment(dir, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));

        int status = Failures.commandFailed(new IllegalStateException("boom\nsecond line"), commandLine, null);

        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).startsWith(
                "error[C199]: Sinew failed unexpectedly: java.lang.IllegalStateException: boom second line (hint: ")
                .doesNotContain("\tat ")
                .hasLineCount(System.getenv(Failures.DEBUG_VARIABLE) == null ? 1 : err.toString().split("\n").length);
    }
}
