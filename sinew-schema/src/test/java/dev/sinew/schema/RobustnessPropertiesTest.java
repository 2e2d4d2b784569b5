package dev.sinew.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.diagnostics.Diagnostic;
import dev.sinew.schema.diagnostics.DiagnosticRenderer;
import dev.sinew.schema.format.SchemaFormatter;
import dev.sinew.testkit.ConformanceCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text comes in, parsing, validating and formatting produce diagnostics, never an exception: corpus
 * schemas mutated line by line and token by token, and random token soup. 12,000 inputs per run.
 */
class RobustnessPropertiesTest {
    private static final List<String> SCHEMAS = loadSchemas();

    /** Fragments that steer random input towards the grammar, so that the validator is reached too. */
    private static final List<String> TOKENS = List.of("model", "enum", "type", "view", "datasource", "generator",
            "{", "}", "(", ")", "[", "]", "@", "@@", ".", ",", ":", "=", "?", "!", "\"", "\\", "//", "///", "/*",
            "*/", "\n", "  ", "\t", "\r\n", "Int", "String", "DateTime", "Boolean", "Json", "Decimal", "Bytes",
            "BigInt", "Float", "Unsupported(\"x\")", "id", "@id", "@unique", "@default(", "autoincrement()", "now()",
            "uuid()", "cuid(2)", "dbgenerated(\"\")", "env(\"X\")", "@relation(", "fields: [", "references: [",
            "onDelete: Cascade", "onUpdate: SetNull", "NoAction", "map: \"x\"", "@@index([", "@@unique([", "@@id([",
            "@@map(\"t\")", "@db.VarChar(10)", "@db.Decimal(10, 2)", "provider = \"postgresql\"",
            "provider = \"mysql\"", "provider = \"sqlite\"", "provider = \"sqlserver\"", "provider = \"mongodb\"",
            "provider = \"cockroachdb\"", "relationMode = \"prisma\"", "referentialIntegrity = \"prisma\"",
            "previewFeatures = [\"views\"]", "User", "Post", "A", "B", "a", "b", "authorId", "posts", "Post[]",
            "User?", "1", "-1", "2.5", "true", "\u00e9", "\ud83d\ude80", "\u0000");

    private static List<String> loadSchemas() {
        List<String> out = new ArrayList<>();
        for (Path dir : ConformanceCorpus.cases()) {
            for (String name : List.of("schema.prisma", "from.prisma", "to.prisma")) {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    out.add(ConformanceCorpus.read(file));
                }
            }
        }
        return out;
    }

    @Property(tries = 8000)
    void mutatedCorpusSchemasGiveOnlyDiagnostics(@ForAll("mutatedSchemas") String text) {
        check(text);
    }

    @Property(tries = 4000)
    void tokenSoupGivesOnlyDiagnostics(@ForAll("tokenSoup") String text) {
        check(text);
    }

    private static void check(String text) {
        SourceFile source = new SourceFile("schema.prisma", text);
        PrismaSchema.ValidationResult result = PrismaSchema.validate(source);
        for (Diagnostic diagnostic : result.diagnostics().all()) {
            assertThat(diagnostic.span().end()).isLessThanOrEqualTo(text.length());
            assertThat(DiagnosticRenderer.render(source, diagnostic)).isNotEmpty();
        }
        assertThat(result.isValid()).isEqualTo(!result.diagnostics().hasErrors());
        SchemaFormatter.Result formatted = SchemaFormatter.formatChecked(source);
        assertThat(formatted.text()).isNotNull();
    }

    @Provide
    Arbitrary<String> mutatedSchemas() {
        Arbitrary<String> schema = Arbitraries.of(SCHEMAS);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(schema, mutations).as(RobustnessPropertiesTest::apply);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> String.join(" ", tokens));
    }

    /** One edit of a schema, at a position given as a fraction of its length. */
    private record Mutation(int kind, double at, double other, String token) {}

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS)).as(Mutation::new);
    }

    private static String apply(String schema, List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(Arrays.asList(schema.split("\n", -1)));
        String text = schema;
        for (Mutation m : mutations) {
            int line = Math.min(lines.size() - 1, (int) (m.at() * lines.size()));
            int other = Math.min(lines.size() - 1, (int) (m.other() * lines.size()));
            switch (m.kind()) {
                case 0 -> {
                    if (lines.size() > 1) {
                        lines.remove(line);
                    }
                }
                case 1 -> lines.add(line, lines.get(line));
                case 2 -> {
                    String swap = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, swap);
                }
                case 3 -> {
                    String target = lines.get(line);
                    int column = (int) (m.other() * target.length());
                    lines.set(line, target.substring(0, column) + m.token() + target.substring(column));
                }
                case 4 -> {
                    String target = lines.get(line);
                    int column = (int) (m.other() * target.length());
                    lines.set(line, target.substring(0, column));
                }
                case 5 -> {
                    String target = lines.get(line);
                    lines.set(line, target.replaceFirst("\\b[A-Za-z]+\\b", java.util.regex.Matcher.quoteReplacement(m.token())));
                }
                default -> {
                    text = String.join("\n", lines);
                    text = text.substring(0, (int) (m.at() * text.length()));
                    lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                }
            }
        }
        return String.join("\n", lines);
    }
}
