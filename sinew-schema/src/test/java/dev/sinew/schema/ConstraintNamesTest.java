package dev.sinew.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sinew.schema.model.ConstraintNames;
import dev.sinew.schema.model.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prisma's default constraint names and their truncation at each provider's identifier limit (spec 3.2). */
class ConstraintNamesTest {
    private static final String LONG_TABLE = "a_table_name_that_is_exactly_long_enough_to_need_truncation_xyz"; // 63

    @Test
    void defaultNames() {
        assertThat(ConstraintNames.primaryKey("User", Provider.POSTGRESQL)).isEqualTo("User_pkey");
        assertThat(ConstraintNames.uniqueIndex("User", List.of("email"), Provider.MYSQL)).isEqualTo("User_email_key");
        assertThat(ConstraintNames.index("Post", List.of("a", "b"), Provider.SQLITE)).isEqualTo("Post_a_b_idx");
        assertThat(ConstraintNames.foreignKey("Post", List.of("authorId"), Provider.POSTGRESQL))
                .isEqualTo("Post_authorId_fkey");
        assertThat(ConstraintNames.defaultConstraint("User", "balance", Provider.SQLSERVER))
                .isEqualTo("User_balance_df");
        assertThat(ConstraintNames.joinTable("PostToTag", Provider.POSTGRESQL)).isEqualTo("_PostToTag");
        assertThat(ConstraintNames.joinTablePrimaryKey("_PostToTag", Provider.POSTGRESQL))
                .isEqualTo("_PostToTag_AB_pkey");
        assertThat(ConstraintNames.joinTableUnique("_PostToTag", Provider.SQLITE)).isEqualTo("_PostToTag_AB_unique");
        assertThat(ConstraintNames.joinTableIndexB("_PostToTag", Provider.POSTGRESQL)).isEqualTo("_PostToTag_B_index");
        assertThat(ConstraintNames.joinTableForeignKeyA("_PostToTag", Provider.SQLITE)).isEqualTo("_PostToTag_A_fkey");
        assertThat(ConstraintNames.joinTableForeignKeyB("_PostToTag", Provider.SQLITE)).isEqualTo("_PostToTag_B_fkey");
    }

    @Test
    void namesAreCutAtTheLimitIncludingTheSuffix() {
        assertThat(ConstraintNames.primaryKey(LONG_TABLE, Provider.POSTGRESQL))
                .hasSize(63).endsWith("_pkey").startsWith(LONG_TABLE.substring(0, 58));
        String index = ConstraintNames.index(LONG_TABLE, List.of("column"), Provider.POSTGRESQL);
        assertThat(index).hasSize(63).endsWith("_idx");
        String foreignKey = ConstraintNames.foreignKey(LONG_TABLE, List.of("column"), Provider.MYSQL);
        assertThat(foreignKey).hasSize(64).endsWith("_fkey");
        // Cut when the name reaches the limit, not only when it passes it (Prisma's >=).
        String exactly58 = LONG_TABLE.substring(0, 58);
        assertThat(ConstraintNames.primaryKey(exactly58, Provider.POSTGRESQL)).isEqualTo(exactly58 + "_pkey");
        assertThat(ConstraintNames.primaryKey("short", Provider.SQLITE)).isEqualTo("short_pkey");
    }

    @Test
    void cutsNeverSplitACharacter() {
        String table = "é".repeat(40);
        String name = ConstraintNames.primaryKey(table, Provider.POSTGRESQL);
        assertThat(name).endsWith("_pkey");
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(name).isEqualTo("é".repeat(29) + "_pkey");
    }

    @Test
    void explicitNamesLongerThanTheLimitAreTooLong() {
        assertThat(ConstraintNames.isTooLong("x".repeat(63), Provider.POSTGRESQL)).isFalse();
        assertThat(ConstraintNames.isTooLong("x".repeat(64), Provider.POSTGRESQL)).isTrue();
        assertThat(ConstraintNames.isTooLong("x".repeat(128), Provider.SQLSERVER)).isFalse();
    }
}
