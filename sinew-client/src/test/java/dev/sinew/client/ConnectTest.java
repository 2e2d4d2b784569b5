package dev.sinew.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a client from a schema file: the URL from the datasource, env() from the process or a .env file. */
class ConnectTest {
    static final String MODELS = """
            model Note {
              id   Int    @id @default(autoincrement())
              text String
            }
            """;

    @Test
    void readsTheUrlFromDotEnvNextToTheSchema(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, """
                datasource db {
                  provider = "sqlite"
                  url      = env("NOTES_DATABASE_URL")
                }
                """ + MODELS);
        Files.writeString(dir.resolve(".env"), "# local settings\nNOTES_DATABASE_URL=\"file:./notes.db\"\n");
        try (Sinew db = Sinew.builder().schema(schema).environment(Map.of()).build()) {
            db.executeRaw("CREATE TABLE \"Note\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,"
                    + " \"text\" TEXT NOT NULL)");
            db.model("Note").create(Map.of("data", Map.of("text", "hello")));
            assertThat(db.model("Note").count()).isEqualTo(1);
        }
        assertThat(dir.resolve("notes.db")).exists();
    }

    @Test
    void reportsAnInvalidSchemaWithTheValidatorsDiagnostics(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"sqlite\"\n}\nmodel A {\n  id Int @id\n  b B\n}\n");
        SinewException error = CrudCases.catchSinew(() -> Sinew.connect(schema));
        assertThat(error.code()).isEqualTo("P1012");
        assertThat(error.getMessage()).contains("is invalid").contains("B");
    }

    @Test
    void reportsAMissingEnvironmentVariable(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"sqlite\"\n  url = env(\"NOPE_URL\")\n}\n" + MODELS);
        SinewException error = CrudCases.catchSinew(() -> Sinew.builder().schema(schema).environment(Map.of())
                .build());
        assertThat(error.getMessage()).isEqualTo("Environment variable not found: NOPE_URL.");
    }

    @Test
    void refusesAUrlOfAnotherDatabaseWithTheCodeAndTextTheCliGives(@TempDir Path dir) throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"postgresql\"\n  url = \"file:dev.db\"\n}\n"
                + MODELS);
        SinewException error = CrudCases.catchSinew(() -> Sinew.connect(schema));
        assertThat(error.code()).isEqualTo("P1012");
        assertThat(error.getMessage()).isEqualTo("Error validating datasource `db`: the URL must start with the "
                + "protocol `postgresql://` or `postgres://`.");
    }

    @Test
    void aSchemaFileGivenWithADatamodelDecidesTheRelationMode(@TempDir Path dir) throws Exception {
        // What a generated client does: it passes the schema it was generated from, the user names the file.
        var generatedFrom = dev.sinew.schema.PrismaSchema.validate("schema.prisma",
                "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./notes.db\"\n}\n" + MODELS).datamodel();
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider     = \"sqlite\"\n  url          = \"file:./notes.db\"\n"
                + "  relationMode = \"prisma\"\n}\n" + MODELS);
        try (Sinew db = Sinew.builder().datamodel(generatedFrom).schema(schema).build()) {
            assertThat(db.datamodel().relationMode()).isEqualTo(dev.sinew.schema.model.RelationMode.PRISMA);
        }
        assertThat(dir.resolve("notes.db")).exists();
    }

    @Test
    void aSchemaFileWhoseModelsDifferFromTheDatamodelIsRefused(@TempDir Path dir) throws Exception {
        var generatedFrom = dev.sinew.schema.PrismaSchema.validate("schema.prisma",
                "datasource db {\n  provider = \"sqlite\"\n}\n" + MODELS).datamodel();
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./notes.db\"\n}\n"
                + MODELS.replace("text String", "body String"));
        SinewException error = CrudCases.catchSinew(() -> Sinew.builder().datamodel(generatedFrom).schema(schema)
                .build());
        assertThat(error.code()).isEqualTo("P1012");
        assertThat(error.getMessage()).contains("model `Note` differs").contains("sinew generate");
    }
}
