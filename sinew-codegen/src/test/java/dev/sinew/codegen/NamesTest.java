package dev.sinew.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sinew.schema.model.Datamodel;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema names that Java reserves or that clash with the classes the generated code uses. */
class NamesTest {
    @TempDir
    Path classes;

    @Test
    void keywordsObjectMethodsAndJdkClassNamesStillCompile() {
        String text = Schemas.resource("names.prisma");
        GeneratedSources sources = JavaClientGenerator.generate(text, Schemas.valid(text),
                GeneratorSettings.of("com.example.names"));
        JavaCompilation.Result result = JavaCompilation.compile(sources.files(), classes);
        assertThat(result.diagnostics()).as(result.report()).isEmpty();

        Map<String, String> files = sources.files().stream()
                .collect(Collectors.toMap(GeneratedFile::className, GeneratedFile::content));
        assertThat(files.get("com.example.names.Map"))
                .contains("public record Map(Integer id, String class_, String default_, Integer hashCode_,")
                .contains("String value, String arguments, String where, String data,")
                .contains("Values.asRecords(row.get(\"List\"), com.example.names.List::fromMap)")
                .contains("A comment with &#42;/ and &#92;u0041 and &#64;param and &lt;b&gt;html&lt;/b&gt; &amp;"
                        + " more.");
        assertThat(files.get("com.example.names.Kind")).contains("    default_,", "    true_,",
                "case default_ -> \"default\";", "case CLASS -> \"class\";", "case \"CLASS\" -> CLASS;");
        assertThat(files.get("com.example.names.SinewClient"))
                .contains("public SinewDelegate sinew()", "public TransactionDelegate transaction()",
                        "public <T> T transaction(Function<Transaction, T> body)")
                .contains("private final dev.sinew.client.Transaction transaction;")
                // the import shadows the model IsolationLevel of the same package, which this file does not use
                .contains("import dev.sinew.client.IsolationLevel;", "public <T> T transaction(IsolationLevel level,")
                .contains("public <T> T transaction(TransactionOptions options,");
        assertThat(files.values().stream().filter(code -> code.contains("public ScalarListUpdate<")).count())
                .as("update data with list operations for the scalar lists").isPositive();
    }

    @Test
    void generatedClassesThatWouldClashAreRefused() {
        String base = """
                datasource db {
                  provider = "sqlite"
                }

                model User {
                  id Int @id
                }
                """;
        Function<String, Datamodel> valid = Schemas::valid;
        assertThatThrownBy(() -> JavaClientGenerator.generate("", valid.apply(base + "model UserCreate {\n  id Int"
                + " @id\n}\n"), GeneratorSettings.of("a.b")))
                .isInstanceOfSatisfying(CodegenException.class, e -> {
                    assertThat(e.code()).isEqualTo("G106");
                    assertThat(e.getMessage()).isEqualTo("the Java class `UserCreate` would be both the create data"
                            + " of model `User` and the model `UserCreate`");
                });
        assertThatThrownBy(() -> JavaClientGenerator.generate("", valid.apply(base + "model SinewValues {\n  id Int"
                + " @id\n}\n"), GeneratorSettings.of("a.b")))
                .hasMessage("the Java class `SinewValues` would be both a support class of the generated client and"
                        + " the model `SinewValues`");
        assertThatThrownBy(() -> JavaClientGenerator.generate("", valid.apply(base + "model SinewClient {\n  id Int"
                + " @id\n}\n"), GeneratorSettings.of("a.b")))
                .hasMessage("the Java class `SinewClient` would be both the client class (clientName) and the model"
                        + " `SinewClient`");
        JavaClientGenerator.generate("", valid.apply(base + "model SinewClient {\n  id Int @id\n}\n"),
                new GeneratorSettings("a.b", "Db"));
    }

    @Test
    void packageAndClientNamesMustBeJava() {
        assertThatThrownBy(() -> GeneratorSettings.of("com.example.new"))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.code()).isEqualTo("G103"));
        assertThatThrownBy(() -> GeneratorSettings.of("com..example"))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.code()).isEqualTo("G103"));
        assertThatThrownBy(() -> new GeneratorSettings("com.example", "My Client"))
                .isInstanceOfSatisfying(CodegenException.class, e -> assertThat(e.code()).isEqualTo("G104"));
    }
}
