package dev.sinew.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.Datamodel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated client of a blog schema, used as an application uses it, against a real SQLite database. */
class EndToEndTest {
    @Test
    void typedClientRunsAgainstSqlite(@TempDir Path dir) throws Exception {
        String text = Schemas.resource("blog.prisma");
        Datamodel datamodel = Schemas.valid(text);
        List<GeneratedFile> files = new ArrayList<>(JavaClientGenerator.generate(text, datamodel,
                GeneratorSettings.of("com.example.blog")).files());
        files.add(new GeneratedFile("com/example/blog/BlogUsage.java", Schemas.resource("usage/BlogUsage.java")));
        JavaCompilation.Result compiled = JavaCompilation.compile(files, dir.resolve("classes"));
        assertThat(compiled.success()).as(compiled.report()).isTrue();

        String url = "jdbc:sqlite:" + dir.resolve("blog.db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement =
                connection.createStatement()) {
            for (String sql : Schemas.ddl(datamodel)) {
                statement.execute(sql);
            }
        }
        try (URLClassLoader loader = compiled.classLoader()) {
            Method run = loader.loadClass("com.example.blog.BlogUsage").getMethod("run", String.class);
            int checks;
            try {
                checks = (int) run.invoke(null, url);
            } catch (InvocationTargetException e) {
                throw new AssertionError(e.getCause().getMessage(), e.getCause());
            }
            assertThat(checks).as("checks run to the end of the scenario").isEqualTo(67);
        }
    }
}
