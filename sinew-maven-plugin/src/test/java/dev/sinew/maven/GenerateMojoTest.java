package dev.sinew.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's decisions, run directly on a project in a temporary folder (the integration test under src/it runs it
 * in a real Maven build).
 */
class GenerateMojoTest {
    private static final String MODELS = """
            datasource db {
              provider = "sqlite"
              url      = "file:./dev.db"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    @TempDir
    Path dir;

    private final MavenProject project = new MavenProject();

    private GenerateMojo mojo(String schema) throws IOException {
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma/schema.prisma"), schema);
        project.setFile(dir.resolve("pom.xml").toFile());
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "project", project);
        set(mojo, "schema", dir.resolve("prisma/schema.prisma").toFile());
        set(mojo, "outputDirectory", dir.resolve("target/generated-sources/sinew").toFile());
        return mojo;
    }

    private static void set(GenerateMojo mojo, String field, Object value) {
        try {
            Field f = GenerateMojo.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(mojo, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void generatesIntoTheOutputDirectoryAndAddsItToTheCompileSources() throws Exception {
        mojo("generator client {\n  provider = \"sinew-client-java\"\n  output = \"../src/main/java\"\n"
                + "  package = \"com.example.db\"\n}\n\n" + MODELS).execute();

        Path output = dir.resolve("target/generated-sources/sinew");
        assertThat(output.resolve("com/example/db/SinewClient.java")).exists();
        assertThat(output.resolve("com/example/db/User.java")).exists();
        assertThat(dir.resolve("src")).as("the block's output is for sinew generate").doesNotExist();
        assertThat(project.getCompileSourceRoots()).containsExactly(output.toString());
    }

    @Test
    void packageNameAndClientNameReplaceTheGeneratorBlock() throws Exception {
        GenerateMojo mojo = mojo(MODELS);
        set(mojo, "packageName", "org.shop");
        set(mojo, "clientName", "ShopClient");
        mojo.execute();

        assertThat(dir.resolve("target/generated-sources/sinew/org/shop/ShopClient.java")).exists();
    }

    @Test
    void failuresSayWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> mojo(MODELS).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("error[G101]: the schema has no generator with provider"
                        + " = \"sinew-client-java\"");
        assertThatThrownBy(() -> mojo(MODELS.replace("Int    @id", "Strin  @id")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("The schema at prisma" + File.separator + "schema.prisma is invalid:\n")
                .hasMessageContaining("Strin");
        GenerateMojo missing = mojo(MODELS);
        set(missing, "schema", dir.resolve("nope.prisma").toFile());
        assertThatThrownBy(missing::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No schema file at").hasMessageContaining("nope.prisma");
        assertThat(project.getCompileSourceRoots()).isEmpty();
    }

    @Test
    void skipDoesNothing() throws Exception {
        GenerateMojo mojo = mojo(MODELS);
        set(mojo, "skip", true);
        mojo.execute();
        assertThat(dir.resolve("target")).doesNotExist();
    }
}
