package dev.sinew.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the types of the generated client catch at compile time: a misspelled field, an unknown filter operator, a
 * value of the wrong type, a relation where a scalar is expected, an enum value that does not exist, an operator a
 * field's type does not have. Each snippet compiles when its mistake is fixed, so the error is the mistake's.
 */
class TypeSafetyTest {
    private static final String BLOG = Schemas.resource("blog.prisma");
    @TempDir
    static Path client;

    @TempDir
    Path classes;

    /** The client is compiled once; each snippet is compiled against its classes. */
    @BeforeAll
    static void generateAndCompile() {
        List<GeneratedFile> files = JavaClientGenerator.generate(BLOG, Schemas.valid(BLOG),
                GeneratorSettings.of("com.example.blog")).files();
        JavaCompilation.Result result = JavaCompilation.compile(files, client);
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }

    private JavaCompilation.Result compile(String statement) {
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile("com/example/blog/App.java", """
                package com.example.blog;

                final class App {
                    static Object run(SinewClient db) {
                        return %s;
                    }
                }
                """.formatted(statement)));
        return JavaCompilation.compile(files, classes, List.of(client));
    }

    private void assertCompiles(String statement) {
        JavaCompilation.Result result = compile(statement);
        assertThat(result.success()).as(result.report()).isTrue();
        assertThat(result.diagnostics()).as(result.report()).isEmpty();
    }

    private void assertRejected(String statement, String message) {
        JavaCompilation.Result result = compile(statement);
        assertThat(result.success()).as("compiled: " + statement).isFalse();
        assertThat(result.diagnostics()).as(result.report())
                .anySatisfy(d -> {
                    assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
                    assertThat(d.getSource().getName()).endsWith("App.java");
                    assertThat(d.getMessage(Locale.ROOT)).contains(message);
                });
    }

    @Test
    void aMisspelledFieldIsACompileError() {
        assertCompiles("db.user().findMany(q -> q.where(w -> w.email().contains(\"@example.com\")))");
        assertRejected("db.user().findMany(q -> q.where(w -> w.emial().contains(\"@example.com\")))",
                "cannot find symbol\n  symbol:   method emial()");

        assertCompiles("db.post().create(d -> d.title(\"Hello\").authorId(1))");
        assertRejected("db.post().create(d -> d.titel(\"Hello\").authorId(1))", "method titel(");

        assertCompiles("db.post().findMany(q -> q.include(i -> i.author()).orderBy(o -> o.views().desc()))");
        assertRejected("db.post().findMany(q -> q.include(i -> i.autor()))", "method autor()");
        assertRejected("db.post().findMany(q -> q.orderBy(o -> o.veiws().desc()))", "method veiws()");
    }

    @Test
    void valuesOfTheWrongTypeAreCompileErrors() {
        assertCompiles("db.post().update(PostWhereUnique.id(1), d -> d.views(10))");
        assertRejected("db.post().update(PostWhereUnique.id(1), d -> d.views(\"ten\"))", "incompatible types");
        assertRejected("db.post().findMany(q -> q.where(w -> w.views().gt(\"ten\")))", "incompatible types");
        assertRejected("db.post().findUnique(PostWhereUnique.id(\"1\"))", "incompatible types");
    }

    @Test
    void operatorsAreThoseOfTheFieldsType() {
        assertCompiles("db.user().findMany(q -> q.where(w -> w.name().isNull()))");
        assertRejected("db.user().findMany(q -> q.where(w -> w.email().isNull()))", "isNull()");
        assertRejected("db.post().findMany(q -> q.where(w -> w.views().contains(\"1\")))", "contains(");
        assertRejected("db.post().findMany(q -> q.where(w -> w.published().gt(true)))", "gt(");
        assertRejected("db.post().update(PostWhereUnique.id(1), d -> d.title().increment(1))", "method title");
        assertCompiles("db.user().update(UserWhereUnique.id(1), d -> d.profile(p -> p.disconnect()))");
        assertRejected("db.profile().update(ProfileWhereUnique.id(1), d -> d.user(u -> u.disconnect()))",
                "disconnect()");
    }

    @Test
    void uniqueWhereTakesOnlyUniqueCriteria() {
        assertCompiles("db.post().findUnique(PostWhereUnique.authorId_title(1, \"Hello\"))");
        assertRejected("db.post().findUnique(PostWhereUnique.title(\"Hello\"))", "title(");
        assertRejected("db.post().findUnique(w -> w.title().eq(\"Hello\"))", "incompatible");
    }

    @Test
    void relationsAndEnumsAreTyped() {
        assertCompiles("db.user().findMany(q -> q.where(w -> w.role().eq(Role.EDITOR).posts().some(p -> "
                + "p.published().eq(true))))");
        assertRejected("db.user().findMany(q -> q.where(w -> w.role().eq(Role.EDITR)))", "EDITR");
        assertRejected("db.user().findMany(q -> q.where(w -> w.role().eq(\"ADMIN\")))", "incompatible types");
        assertRejected("db.user().findMany(q -> q.where(w -> w.posts().some(p -> p.email().eq(\"a\"))))",
                "method email()");
        assertRejected("db.post().create(d -> d.title(\"x\").author(a -> a.connect(PostWhereUnique.id(1))))",
                "incompatible types");
    }
}
