package com.example.blog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.blog.db.BlogClient;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.model.RelationMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example's program as the README's first command does, and checks what it did in each relation mode. */
class BlogExampleTest {
    /** What the story leaves, worked out by hand from the schema's referential actions. */
    private static final List<String> FINAL_DATA = List.of(
            "users     #1 ada@example.com, #20 grace@example.com",
            "profiles  #1 of user #1, #2 of user #20, #3 of nobody",
            "posts     #2 \"The first compiler\" by user #20, tagged languages",
            "comments  #2 on post #2 by user #1",
            "tags      #1 engines, #2 machines, #3 languages",
            "tag links post #2 with tag #3");

    private static final String README_COMMAND = "mvn -B -ntp -q -pl examples/blog -am compile -Pexample";

    @TempDir
    Path folder;

    @Test
    void theStoryComesOutAsTheSchemaSaysInBothModes() {
        Run run = run();
        List<RelationModeStory.Outcome> outcomes = run.outcomes();
        assertThat(outcomes).extracting(RelationModeStory.Outcome::mode)
                .containsExactly(RelationMode.FOREIGN_KEYS, RelationMode.PRISMA);
        RelationModeStory.Outcome keys = outcomes.get(0);
        RelationModeStory.Outcome emulated = outcomes.get(1);

        assertThat(keys.tables()).isEqualTo(6);
        assertThat(keys.foreignKeys()).isEqualTo(6);
        assertThat(emulated.tables()).isEqualTo(6);
        assertThat(emulated.foreignKeys()).as("prisma mode pushes no foreign keys").isZero();

        assertThat(keys.checkOnCreateError().code()).isEqualTo("P2003");
        assertThat(emulated.checkOnCreateError().code()).as("Sinew checks creates in prisma mode").isEqualTo("P2003");
        assertThat(emulated.checkOnCreateError().getMessage()).contains("Post_authorId_fkey");
        assertThat(emulated.prismaAccepted()).as("checkOnCreate(false) lets the dangling post in").isTrue();
        assertThat(keys.prismaAccepted()).isFalse();

        assertThat(keys.restrictError().code()).isEqualTo("P2003");
        assertThat(emulated.restrictError().code()).isEqualTo("P2014");
        assertThat(emulated.restrictError().getMessage()).isEqualTo("The change you are trying to make would violate"
                + " the required relation 'CommentToUser' between the `Comment` and `User` models.");

        assertThat(keys.data()).isEqualTo(FINAL_DATA);
        assertThat(emulated.data()).isEqualTo(FINAL_DATA);

        assertThat(run.output())
                .contains("=== relationMode = \"foreignKeys\"", "=== relationMode = \"prisma\"",
                        "6 tables, 6 foreign keys.", "6 tables, no foreign keys.",
                        "Refused: P2014 The change you are trying to make would violate the required relation",
                        "its userId is now null (SetNull).", "Both modes left the same data:")
                .doesNotContain("Something changed", "different data");
    }

    @Test
    void eachModeRunsOnItsOwnSchemaCopyAndDatabase() throws IOException {
        run();
        for (RelationMode mode : RelationMode.values()) {
            Path copy = folder.resolve(mode.schemaName()).resolve("schema.prisma");
            PrismaSchema.ValidationResult result = PrismaSchema.validate("schema.prisma", Files.readString(copy));
            assertThat(result.diagnostics().all()).as("%s: no errors, no warnings (indexes on every relation)", mode)
                    .isEmpty();
            assertThat(result.datamodel().datasource().orElseThrow().relationMode()).isEqualTo(mode);
            assertThat(folder.resolve(mode.schemaName()).resolve("dev.db")).isNotEmptyFile();
            assertThat(Files.readString(copy)).as("only the relation mode differs from the generated client's schema")
                    .isEqualTo(BlogClient.schema().replace("relationMode = \"foreignKeys\"",
                            "relationMode = \"" + mode.schemaName() + "\""));
        }
    }

    @Test
    void runningAgainStartsOverAndPrintsTheSame() {
        String first = run().output();
        String second = run().output();
        assertThat(second).as("fresh databases every run, and no timings in the output").isEqualTo(first);
    }

    @Test
    void theReadmeShowsWhatTheProgramPrints() throws IOException {
        String readme = Files.readString(repositoryRoot().resolve("README.md"));
        String command = "```console\n$ " + README_COMMAND + "\n";
        int start = readme.indexOf(command);
        assertThat(start).as("the README shows the output of `%s`", README_COMMAND).isNotNegative();
        String sample = readme.substring(start + command.length(), readme.indexOf("```", start + command.length()));
        String output = run().output().replace(BlogExample.display(folder), "examples/blog/target/blog-example");
        assertThat(sample).isEqualTo(output);
        assertThat(readme).as("the README's first command runs the example")
                .contains("```sh\n" + README_COMMAND + " ");
    }

    @Test
    void aSchemaWithoutRelationModeLineIsRefused() {
        assertThatThrownBy(() -> BlogDatabase.withRelationMode("datasource db {\n  provider = \"sqlite\"\n}\n",
                RelationMode.PRISMA)).isInstanceOf(IllegalStateException.class).hasMessageContaining("relationMode");
    }

    /** The repository's root: the folder above this module whose pom.xml is the parent's. */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>sinew-parent</artifactId>")
                    && !Files.readString(pom).contains("<parent>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no sinew-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    private record Run(List<RelationModeStory.Outcome> outcomes, String output) {
    }

    private Run run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<RelationModeStory.Outcome> outcomes = BlogExample.run(folder, out);
        return new Run(outcomes, bytes.toString(StandardCharsets.UTF_8));
    }
}
