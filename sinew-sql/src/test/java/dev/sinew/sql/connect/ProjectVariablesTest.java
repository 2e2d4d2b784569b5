package dev.sinew.sql.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectVariablesTest {

    @TempDir
    Path root;

    @Test
    void dotEnvSyntax() {
        Map<String, String> vars = ProjectVariables.parse("""
                # a comment
                export DATABASE_URL="postgresql://u:p@h/db?schema=${SCHEMA}"
                SCHEMA=app
                PLAIN = value # trailing comment
                SINGLE='no ${EXPANSION} here'
                MULTI="line one
                line two"
                ESCAPED="a\\nb"
                EMPTY=
                """, Map.of("SCHEMA", "public"));

        assertThat(vars).containsEntry("DATABASE_URL", "postgresql://u:p@h/db?schema=public")
                .containsEntry("PLAIN", "value").containsEntry("SINGLE", "no ${EXPANSION} here")
                .containsEntry("MULTI", "line one\nline two").containsEntry("ESCAPED", "a\nb")
                .containsEntry("EMPTY", "");
    }

    @Test
    void theProcessWinsOverTheFilesAndBothFilesAreRead() throws IOException {
        Path prisma = Files.createDirectories(root.resolve("prisma"));
        Files.writeString(root.resolve(".env"), "A=root\nB=root\n");
        Files.writeString(prisma.resolve(".env"), "B=root\nC=schema\n");

        ProjectVariables vars = ProjectVariables.load(Map.of("A", "process"), root, prisma);

        assertThat(vars.get("A")).hasValue("process");
        assertThat(vars.get("B")).hasValue("root");
        assertThat(vars.get("C")).hasValue("schema");
        assertThat(vars.get("D")).isEmpty();
    }

    @Test
    void twoFilesThatDisagreeAreAnError() throws IOException {
        Path prisma = Files.createDirectories(root.resolve("prisma"));
        Files.writeString(root.resolve(".env"), "DATABASE_URL=file:a.db\n");
        Files.writeString(prisma.resolve(".env"), "DATABASE_URL=file:b.db\n");

        ConnectionSettingsException e = catchThrowableOfType(() -> ProjectVariables.load(Map.of(), root, prisma),
                ConnectionSettingsException.class);

        assertThat(e.getMessage()).isEqualTo("There is a conflict between env vars in .env and prisma/.env");
        assertThat(e.details()).containsExactly("Conflicting env vars:", "  DATABASE_URL");
    }
}
