package dev.sinew.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the {@code sinew-client-java} generator blocks of a schema. */
class ClientGeneratorTest {
    private static final String MODELS = """
            datasource db {
              provider = "sqlite"
            }

            model User {
              id Int @id
            }
            """;

    private static List<ClientGenerator> read(String generators, Map<String, String> environment) {
        return ClientGenerator.of(Schemas.valid(generators + MODELS), Path.of("/project/prisma"), environment);
    }

    @Test
    void outputIsResolvedAgainstTheSchemaFolderAndEveryBlockIsRead() {
        List<ClientGenerator> generators = read("""
                generator js {
                  provider = "prisma-client-js"
                }

                generator client {
                  provider   = "sinew-client-java"
                  output     = "../src/main/java"
                  package    = "com.example.db"
                }

                generator admin {
                  provider   = env("ADMIN_PROVIDER")
                  output     = env("ADMIN_OUTPUT")
                  package    = "com.example.admin"
                  clientName = "AdminClient"
                }
                """, Map.of("ADMIN_PROVIDER", "sinew-client-java", "ADMIN_OUTPUT", "/elsewhere/java"));

        assertThat(generators).containsExactly(
                new ClientGenerator("client", GeneratorSettings.of("com.example.db"), Path.of("/project/src/main/java")),
                new ClientGenerator("admin", new GeneratorSettings("com.example.admin", "AdminClient"),
                        Path.of("/elsewhere/java")));
    }

    @Test
    void aBlockWithoutOutputHasNone() {
        assertThat(read("generator client {\n  provider = \"sinew-client-java\"\n  package = \"a.b\"\n}\n", Map.of()))
                .containsExactly(new ClientGenerator("client", GeneratorSettings.of("a.b"), null));
    }

    @Test
    void missingBlocksPackagesAndVariablesAreErrors() {
        assertThatThrownBy(() -> read("", Map.of()))
                .isInstanceOfSatisfying(CodegenException.class, e -> {
                    assertThat(e.code()).isEqualTo("G101");
                    assertThat(e.getMessage()).isEqualTo("the schema has no generator with provider ="
                            + " \"sinew-client-java\"");
                });
        assertThatThrownBy(() -> read("generator client {\n  provider = \"sinew-client-java\"\n}\n", Map.of()))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.code()).isEqualTo("G102"));
        assertThatThrownBy(() -> read("generator client {\n  provider = \"sinew-client-java\"\n  package ="
                + " env(\"PKG\")\n}\n", Map.of()))
                .isInstanceOfSatisfying(CodegenException.class, e -> {
                    assertThat(e.code()).isEqualTo("G108");
                    assertThat(e.getMessage()).isEqualTo("the environment variable PKG is not set");
                });
        assertThatThrownBy(() -> read("generator client {\n  provider = \"sinew-client-java\"\n  package = \"a.b\"\n"
                + "  clientName = \"class\"\n}\n", Map.of()))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.code()).isEqualTo("G104"));
    }

    @Test
    void generationIsDeterministic() {
        String text = Schemas.resource("blog.prisma");
        GeneratedSources first = JavaClientGenerator.generate(text, Schemas.valid(text), GeneratorSettings.of("a.b"));
        for (int i = 0; i < 3; i++) {
            assertThat(JavaClientGenerator.generate(text, Schemas.valid(text), GeneratorSettings.of("a.b")).files())
                    .isEqualTo(first.files());
        }
        assertThat(first.files()).extracting(GeneratedFile::path).doesNotHaveDuplicates()
                .contains("a/b/User.java", "a/b/UserWhere.java", "a/b/SinewClient.java", "a/b/StringFilter.java");
    }
}
