package dev.sinew.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.ast.SourceFile;
import dev.sinew.schema.model.ConfigValue;
import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.Datasource;
import dev.sinew.schema.model.DefaultValue;
import dev.sinew.schema.model.FieldArity;
import dev.sinew.schema.model.Generator;
import dev.sinew.schema.model.Index;
import dev.sinew.schema.model.Model;
import dev.sinew.schema.model.NativeType;
import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ReferentialAction;
import dev.sinew.schema.model.Relation;
import dev.sinew.schema.model.RelationMode;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolved Datamodel of fixture schemas: relations, their sides, names and actions, defaults, names. */
class DatamodelTest {

    static Datamodel load(String resource) {
        try (InputStream in = DatamodelTest.class.getResourceAsStream("/datamodel/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            PrismaSchema.ValidationResult result = PrismaSchema.validate(new SourceFile(resource, text));
            assertThat(result.diagnostics().errors()).as(resource).isEmpty();
            return result.datamodel();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Relation relation(Datamodel datamodel, String model, String field) {
        return datamodel.relation(model, field).orElseThrow();
    }

    @Test
    void datasourceAndGeneratorAreResolved() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        Datasource datasource = datamodel.datasource().orElseThrow();
        assertThat(datasource.provider()).isEqualTo(Provider.POSTGRESQL);
        assertThat(datasource.relationMode()).isEqualTo(RelationMode.FOREIGN_KEYS);
        assertThat(datasource.relationModeExplicit()).isFalse();
        assertThat(datasource.url()).isEqualTo(new ConfigValue.Env("DATABASE_URL"));
        assertThat(datasource.url().resolve(Map.of("DATABASE_URL", "postgresql://x"))).contains("postgresql://x");
        Generator generator = datamodel.generators().get(0);
        assertThat(generator.provider()).isEqualTo(new ConfigValue.Literal("sinew-client-java"));
        assertThat(generator.output()).isEqualTo(new ConfigValue.Literal("../src/main/java"));
        assertThat(generator.property("package")).contains("com.example.blog");
        assertThat(generator.previewFeatures()).containsExactly("views");
    }

    @Test
    void legacyReferentialIntegritySetsTheMode() {
        Datasource datasource = load("names-and-sides.prisma").datasource().orElseThrow();
        assertThat(datasource.relationMode()).isEqualTo(RelationMode.PRISMA);
        assertThat(datasource.relationModeExplicit()).isTrue();
        assertThat(datasource.relationModeFromLegacy()).isTrue();
    }

    @Test
    void defaultActionsFollowArityProviderAndMode() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        Relation author = relation(datamodel, "Post", "author");
        assertThat(author.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
        assertThat(author.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(author.onDeleteExplicit()).isFalse();
        assertThat(author.required()).isTrue();
        Relation editor = relation(datamodel, "Post", "editor");
        assertThat(editor.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(editor.onUpdate()).isEqualTo(ReferentialAction.RESTRICT);
        assertThat(editor.onUpdateExplicit()).isTrue();
        assertThat(editor.required()).isFalse();
        Relation profile = relation(datamodel, "Profile", "user");
        assertThat(profile.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(profile.onDeleteExplicit()).isTrue();
        Relation tags = relation(datamodel, "Post", "tags");
        assertThat(tags.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(tags.onUpdate()).isEqualTo(ReferentialAction.CASCADE);

        // SQL Server cannot Restrict with foreign keys: required relations default to NoAction.
        assertThat(relation(load("actions-sqlserver-fk.prisma"), "Post", "author").onDelete())
                .isEqualTo(ReferentialAction.NO_ACTION);
        // In prisma mode Restrict is emulated, so it is the default again.
        assertThat(relation(load("actions-sqlserver-prisma.prisma"), "Post", "author").onDelete())
                .isEqualTo(ReferentialAction.RESTRICT);
    }

    @Test
    void relationsArePairedWithKindsSidesAndNames() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        Relation author = relation(datamodel, "User", "posts");
        assertThat(author).isSameAs(relation(datamodel, "Post", "author"));
        assertThat(author.name()).isEqualTo("PostToUser");
        assertThat(author.kind()).isEqualTo(Relation.Kind.ONE_TO_MANY);
        assertThat(author.modelA()).isEqualTo("Post");
        assertThat(author.fieldA()).isEqualTo("author");
        assertThat(author.modelB()).isEqualTo("User");
        assertThat(author.fieldB()).isEqualTo("posts");
        assertThat(author.fields()).containsExactly("authorId");
        assertThat(author.references()).containsExactly("id");

        Relation profile = relation(datamodel, "User", "profile");
        assertThat(profile.kind()).isEqualTo(Relation.Kind.ONE_TO_ONE);
        assertThat(profile.modelA()).isEqualTo("Profile");

        Relation editor = relation(datamodel, "User", "edited");
        assertThat(editor.name()).isEqualTo("editor");

        Relation team = relation(datamodel, "User", "team");
        assertThat(team.isSelfRelation()).isTrue();
        assertThat(team.fieldA()).isEqualTo("manager");
        assertThat(team.fieldB()).isEqualTo("team");

        Relation tags = relation(datamodel, "Tag", "posts");
        assertThat(tags.kind()).isEqualTo(Relation.Kind.MANY_TO_MANY);
        assertThat(tags.name()).isEqualTo("PostToTag");
        assertThat(tags.modelA()).isEqualTo("Post");
        assertThat(tags.modelB()).isEqualTo("Tag");
        assertThat(tags.joinTableName()).isEqualTo("_PostToTag");
        assertThat(tags.foreignKeyName()).isNull();
        assertThat(datamodel.relations()).hasSize(5);
    }

    @Test
    void generatedNamesUseByteOrderAndSidesFollowPrismasRules() {
        Datamodel datamodel = load("names-and-sides.prisma");
        assertThat(relation(datamodel, "Apple", "banana").name()).isEqualTo("AppleTobanana");
        Relation friends = relation(datamodel, "Apple", "friends");
        assertThat(friends.kind()).isEqualTo(Relation.Kind.MANY_TO_MANY);
        assertThat(friends.fieldA()).isEqualTo("friendOf");
        assertThat(friends.fieldB()).isEqualTo("friends");
        assertThat(friends.joinTableName()).isEqualTo("_friends");
        Relation pair = relation(datamodel, "Apple", "left");
        assertThat(pair.kind()).isEqualTo(Relation.Kind.ONE_TO_ONE);
        assertThat(pair.modelA()).isEqualTo("Pair");
        assertThat(pair.fieldA()).isEqualTo("left");
        Relation longOne = relation(datamodel, "ALongJoinPartnerWithAVeryLongNameAsWellSoThatTheJoinTableIsTruncated",
                "owners");
        assertThat(longOne.name()).isEqualTo("ALongJoinPartnerWithAVeryLongNameAsWellSoThatTheJoinTableIsTruncated"
                + "ToA_table_with_a_long_name_that_goes_on_and_on_and_on_forever_and_ever");
        assertThat(longOne.modelA()).isEqualTo("ALongJoinPartnerWithAVeryLongNameAsWellSoThatTheJoinTableIsTruncated");
        assertThat(longOne.joinTableName())
                .isEqualTo("_ALongJoinPartnerWithAVeryLongNameAsWellSoThatTheJoinTableIsTrun").hasSize(64);
    }

    @Test
    void relationsPointingToAModelIncludeSelfRelationsButNotManyToMany() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        assertThat(datamodel.relationsPointingTo("User")).extracting(r -> r.modelA() + "." + r.fieldA())
                .containsExactlyInAnyOrder("User.manager", "Profile.user", "Post.author", "Post.editor");
        assertThat(datamodel.relationsPointingTo("Tag")).isEmpty();
        assertThat(datamodel.relationsOf("Tag")).hasSize(1);
        assertThat(datamodel.relationsOf("User")).hasSize(4);
    }

    @Test
    void foreignKeyAndIndexNamesUseDatabaseNames() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        assertThat(relation(datamodel, "Post", "author").foreignKeyName()).isEqualTo("Post_author_id_fkey");
        assertThat(relation(datamodel, "Post", "editor").foreignKeyName()).isEqualTo("post_editor");
        assertThat(relation(datamodel, "Post", "editor").map()).isEqualTo("post_editor");
        assertThat(relation(datamodel, "User", "manager").foreignKeyName()).isEqualTo("users_managerId_fkey");
        Model user = datamodel.model("User").orElseThrow();
        assertThat(user.tableName()).isEqualTo("users");
        assertThat(user.primaryKey().databaseName()).isEqualTo("users_pkey");
        assertThat(user.primaryKey().declaredOnField()).isTrue();
        assertThat(user.uniques()).extracting(Index::databaseName).containsExactly("users_email_key");
        Model post = datamodel.model("Post").orElseThrow();
        assertThat(post.indexes()).extracting(Index::databaseName)
                .containsExactlyInAnyOrder("Post_editorId_idx", "Post_author_id_slug_key");
        Index compound = post.uniques().get(0);
        assertThat(compound.name()).isEqualTo("authorSlug");
        assertThat(compound.fieldNames()).containsExactly("authorId", "slug");
        assertThat(compound.declaredOnField()).isFalse();
    }

    @Test
    void scalarFieldsCarryTypesNativeTypesAndDefaults() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        Model user = datamodel.model("User").orElseThrow();
        ScalarField id = user.scalarField("id").orElseThrow();
        assertThat(id.id()).isTrue();
        assertThat(id.defaultValue()).isInstanceOf(DefaultValue.Autoincrement.class);
        ScalarField email = user.scalarField("email").orElseThrow();
        assertThat(email.unique()).isTrue();
        assertThat(email.nativeType()).isEqualTo(new NativeType("VarChar", List.of("255")));
        ScalarField role = user.scalarField("role").orElseThrow();
        assertThat(role.type()).isEqualTo(new ScalarType.EnumRef("Role"));
        assertThat(role.defaultValue()).isEqualTo(new DefaultValue.EnumValue("READER"));
        ScalarField tags = user.scalarField("tags").orElseThrow();
        assertThat(tags.arity()).isEqualTo(FieldArity.LIST);
        assertThat(tags.defaultValue()).isEqualTo(new DefaultValue.ListValue(List.of(new DefaultValue.Literal("new"))));
        ScalarField createdAt = user.scalarField("createdAt").orElseThrow();
        assertThat(createdAt.columnName()).isEqualTo("created_at");
        assertThat(createdAt.defaultValue()).isInstanceOf(DefaultValue.Now.class);
        assertThat(user.documentation()).isEqualTo("A person who writes.");

        assertThat(datamodel.model("Profile").orElseThrow().scalarField("id").orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.Uuid(7));
        Model post = datamodel.model("Post").orElseThrow();
        assertThat(post.scalarField("id").orElseThrow().defaultValue()).isEqualTo(new DefaultValue.Cuid(1));
        assertThat(post.scalarField("slug").orElseThrow().defaultValue()).isEqualTo(new DefaultValue.Nanoid(10));
        assertThat(post.scalarField("score").orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.Literal(new BigDecimal("1.5")));
        assertThat(post.scalarField("score").orElseThrow().scalarKind()).isEqualTo(ScalarKind.DECIMAL);
        assertThat(post.scalarField("ratio").orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.Literal(new BigDecimal("0.25")));
        assertThat(post.scalarField("big").orElseThrow().defaultValue()).isEqualTo(new DefaultValue.Literal(42L));
        assertThat(post.scalarField("draft").orElseThrow().defaultValue()).isEqualTo(new DefaultValue.Literal(true));
        assertThat(post.scalarField("search").orElseThrow().defaultValue())
                .isEqualTo(new DefaultValue.DbGenerated("'x'"));
        assertThat(post.scalarField("authorId").orElseThrow().columnName()).isEqualTo("author_id");
        assertThat(post.relationField("editor").orElseThrow().onUpdate()).isEqualTo(ReferentialAction.RESTRICT);
    }

    @Test
    void enumsKeepMappedNames() {
        Datamodel datamodel = load("blog-postgres-fk.prisma");
        var role = datamodel.enumType("Role").orElseThrow();
        assertThat(role.typeName()).isEqualTo("role");
        assertThat(role.values()).extracting(v -> v.storedName()).containsExactly("admin", "READER");
    }
}
