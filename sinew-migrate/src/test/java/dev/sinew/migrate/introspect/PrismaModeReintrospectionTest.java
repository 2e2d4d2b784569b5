package dev.sinew.migrate.introspect;

import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.format.SchemaFormatter;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.MigrationStep;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-introspection in {@code relationMode = "prisma"} on real SQLite, PostgreSQL and MariaDB databases, mirroring
 * Prisma's re-introspection tests: the database has no foreign keys, so the relations come from the existing schema;
 * they are kept while both models have their tables, placed after the scalar fields, and listed in Prisma's warning;
 * a dropped table takes its relations and the back-relation fields along; {@code relationMode} stays and the legacy
 * {@code referentialIntegrity} becomes {@code relationMode}. Foreign keys left in the database are not read as
 * relations in this mode.
 */
class PrismaModeReintrospectionTest {

    private static final List<DatabaseKind> KINDS = List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL,
            DatabaseKind.MYSQL);

    private static final String MODELS = """
            model User {
              id        String   @id
              email     String   @unique
              posts     Post[]   @relation("written")
              profile   Profile?
              managerId String?
              manager   User?    @relation("management", fields: [managerId], references: [id], onDelete: Restrict, onUpdate: Restrict)
              reports   User[]   @relation("management")

              @@index([managerId])
            }

            model Post {
              id       String  @id
              author   User    @relation("written", fields: [authorId], references: [id], onDelete: Cascade)
              authorId String
              title    String
              tag      Tag?    @relation(fields: [tagId], references: [id])
              tagId    String?

              @@index([authorId])
              @@index([tagId])
            }

            model Profile {
              id     String @id
              user   User @relation(fields: [userId], references: [id])
              userId String @unique
            }

            model Tag {
              id    String @id
              posts Post[]
            }
            """;

    /** {@link #MODELS} as introspection writes it back: relation fields after the scalar fields. */
    private static final String MODELS_PULLED = """
            model User {
              id        String   @id
              email     String   @unique
              managerId String?
              posts     Post[]   @relation("written")
              profile   Profile?
              manager   User?    @relation("management", fields: [managerId], references: [id], onDelete: Restrict, onUpdate: Restrict)
              reports   User[]   @relation("management")

              @@index([managerId])
            }

            model Post {
              id       String @id
              authorId String
              title    String
              tagId    String?
              author   User   @relation("written", fields: [authorId], references: [id], onDelete: Cascade)
              tag      Tag?   @relation(fields: [tagId], references: [id])

              @@index([authorId])
              @@index([tagId])
            }

            model Profile {
              id     String @id
              userId String @unique
              user   User @relation(fields: [userId], references: [id])
            }

            model Tag {
              id    String @id
              posts Post[]
            }
            """;

    private static final String RELATIONS_COPIED = "Relations were copied from the previous data model due to not "
            + "using foreign keys in the database. If any of the relation columns changed in the database, the "
            + "relations might not be correct anymore:";

    @TestFactory
    Stream<DynamicTest> relationsAreKept() {
        return each(kind -> {
            String schema = datasource(kind, "relationMode = \"prisma\"") + MODELS;
            try (TestDatabase db = TestDatabases.create(kind, "PrismaModeReintrospectionTest");
                 Connection c = db.connect()) {
                push(c, schema);
                Introspector.Introspection result = pull(c, schema);
                assertThat(result.schema()).isEqualTo(format(datasource(kind, "relationMode = \"prisma\"")
                        + MODELS_PULLED));
                // One entry per copied relation field, naming the model it points to, models in table order.
                List<String> expected = List.of("User", "Tag", "User", "Post", "Post", "Profile", "User", "User");
                assertThat(result.warnings().reintrospectedRelations()).isEqualTo(expected);
                assertThat(result.warnings().render()).isEqualTo("*** WARNING ***\n\n" + RELATIONS_COPIED + "\n"
                        + String.join("", expected.stream().map(m -> "  - \"" + m + "\"\n").toList()));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aDroppedTableDropsItsRelationsAndBackRelationFields() {
        return each(kind -> {
            String previous = datasource(kind, "relationMode = \"prisma\"") + MODELS;
            String withoutTag = previous.substring(0, previous.indexOf("model Tag {"))
                    .replace("  tag      Tag?    @relation(fields: [tagId], references: [id])\n", "");
            try (TestDatabase db = TestDatabases.create(kind, "PrismaModeReintrospectionTest");
                 Connection c = db.connect()) {
                push(c, withoutTag);
                Introspector.Introspection result = pull(c, previous);
                assertThat(result.schema()).doesNotContain("model Tag").doesNotContain("tag ")
                        .contains("  tagId    String?\n").contains("  author   User    @relation(\"written\"");
                assertThat(result.warnings().reintrospectedRelations()).doesNotContain("Tag");
                assertThat(PrismaSchema.validate("schema.prisma", result.schema()).isValid()).isTrue();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> foreignKeysInTheDatabaseAreNotRelationsInPrismaMode() {
        return each(kind -> {
            String withForeignKeys = datasource(kind, "relationMode = \"foreignKeys\"") + MODELS;
            try (TestDatabase db = TestDatabases.create(kind, "PrismaModeReintrospectionTest");
                 Connection c = db.connect()) {
                push(c, withForeignKeys);
                String datasourceOnly = datasource(kind, "relationMode = \"prisma\"");
                Introspector.Introspection fresh = pull(c, datasourceOnly);
                assertThat(fresh.schema()).doesNotContain("@relation").doesNotContain("Post[]");
                assertThat(fresh.warnings().reintrospectedRelations()).isEmpty();

                Introspector.Introspection kept = pull(c, datasource(kind, "relationMode = \"prisma\"") + MODELS);
                assertThat(kept.schema()).isEqualTo(format(datasource(kind, "relationMode = \"prisma\"")
                        + MODELS_PULLED));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> relationModeIsKeptAndReferentialIntegrityRewritten() {
        return each(kind -> {
            try (TestDatabase db = TestDatabases.create(kind, "PrismaModeReintrospectionTest");
                 Connection c = db.connect()) {
                push(c, datasource(kind, "relationMode = \"prisma\"") + MODELS);
                String legacy = datasource(kind, "referentialIntegrity = \"prisma\"") + MODELS;
                Introspector.Introspection result = pull(c, legacy);
                assertThat(result.schema()).doesNotContain("referentialIntegrity");
                assertThat(result.schema()).isEqualTo(format(datasource(kind, "relationMode = \"prisma\"")
                        + MODELS_PULLED));
            }
        });
    }

    /** Prisma does not check that {@code fields:} still exist: a renamed column leaves an invalid relation. */
    @TestFactory
    Stream<DynamicTest> aRenamedColumnKeepsTheRelationAsWritten() {
        return each(kind -> {
            String previous = datasource(kind, "relationMode = \"prisma\"") + MODELS;
            try (TestDatabase db = TestDatabases.create(kind, "PrismaModeReintrospectionTest");
                 Connection c = db.connect()) {
                push(c, previous.replace("  authorId String\n", "  writerId String\n")
                        .replace("fields: [authorId]", "fields: [writerId]")
                        .replace("@@index([authorId])", "@@index([writerId])"));
                Introspector.Introspection result = pull(c, previous);
                assertThat(result.schema()).contains("  writerId String\n")
                        .contains("@relation(\"written\", fields: [authorId], references: [id], onDelete: Cascade)");
                assertThat(PrismaSchema.validate("schema.prisma", result.schema()).isValid()).isFalse();
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------

    interface Check {
        void run(DatabaseKind kind) throws Exception;
    }

    private static Stream<DynamicTest> each(Check check) {
        List<DynamicTest> tests = new ArrayList<>();
        for (DatabaseKind kind : KINDS) {
            tests.add(DynamicTest.dynamicTest(kind.provider(), () -> check.run(kind)));
        }
        return tests.stream();
    }

    static String datasource(DatabaseKind kind, String modeLine) {
        return "datasource db {\n  provider = \"" + kind.provider() + "\"\n  " + modeLine + "\n}\n\n";
    }

    static String format(String schema) {
        return SchemaFormatter.format(new SourceFile("schema.prisma", schema));
    }

    static Introspector.Introspection pull(Connection c, String existingSchema) throws SQLException {
        ExistingSchema existing = ExistingSchema.read(new SourceFile("schema.prisma", existingSchema));
        assertThat(existing.isValid()).as(existing.diagnostics().render()).isTrue();
        return Introspector.introspect(c, existing);
    }

    /** Brings the database to the schema as {@code db push} does: the diff from what it has, applied. */
    static void push(Connection c, String schema) throws SQLException {
        PrismaSchema.ValidationResult validation = PrismaSchema.validate("schema.prisma", schema);
        assertThat(validation.isValid()).as(validation.diagnostics().render()).isTrue();
        SqlSchema target = SqlSchemaCalculator.calculate(validation.datamodel());
        Dialect dialect = SqlSchemaCalculator.dialectOf(validation.datamodel());
        Migration migration = new SchemaDiffer(dialect).diff(dialect.introspect(c), target);
        try (Statement st = c.createStatement()) {
            for (MigrationStep step : migration.steps()) {
                for (String statement : dialect.render(step, migration.previous(), migration.next())) {
                    st.execute(statement);
                }
            }
        }
    }
}
