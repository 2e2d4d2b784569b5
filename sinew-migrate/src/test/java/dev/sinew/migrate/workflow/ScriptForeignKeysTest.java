package dev.sinew.migrate.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptForeignKeysTest {

    @Test
    void alterTableAddConstraintAsPrismaWritesItForPostgres() {
        List<Reference> found = ScriptForeignKeys.of("""
                -- AddForeignKey
                ALTER TABLE "public"."Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "public"."User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """, false);

        assertThat(found).containsExactly(new Reference("foreign key `Post_authorId_fkey`", "Post_authorId_fkey",
                "public", "Post", List.of("authorId"), "public", "User", List.of("id")));
    }

    @Test
    void severalForeignKeysInOneMysqlStatementAndImplicitReferencedColumns() {
        List<Reference> found = ScriptForeignKeys.of("ALTER TABLE `Entry` ADD CONSTRAINT `a` FOREIGN KEY (`tenant`, "
                + "`number`) REFERENCES `Account`(`tenant`, `number`), ADD FOREIGN KEY (`userId`) REFERENCES `User`;",
                true);

        assertThat(found).extracting(Reference::constraint, Reference::columns, Reference::referencedColumns)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", List.of("tenant", "number"), List.of("tenant", "number")),
                        org.assertj.core.groups.Tuple.tuple(null, List.of("userId"), List.of()));
    }

    @Test
    void aSqliteTableRebuildChecksTheRowsItCopies() {
        List<Reference> found = ScriptForeignKeys.of("""
                -- RedefineTables
                PRAGMA defer_foreign_keys=ON;
                PRAGMA foreign_keys=OFF;
                CREATE TABLE "new_Post" (
                    "id" INTEGER NOT NULL PRIMARY KEY,
                    "writer" INTEGER,
                    CONSTRAINT "Post_writer_fkey" FOREIGN KEY ("writer") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                INSERT INTO "new_Post" ("id", "writer") SELECT "id", "authorId" FROM "Post";
                DROP TABLE "Post";
                ALTER TABLE "new_Post" RENAME TO "Post";
                PRAGMA foreign_keys=ON;
                PRAGMA defer_foreign_keys=OFF;
                """, false);

        assertThat(found).containsExactly(new Reference("foreign key `Post_writer_fkey`", "Post_writer_fkey", null,
                "Post", List.of("authorId"), null, "User", List.of("id")));
    }

    @Test
    void aForeignKeyOnTablesTheScriptWroteToFirstIsLeftToTheDatabase() {
        List<Reference> found = ScriptForeignKeys.of("""
                DELETE FROM "Post" WHERE "authorId" NOT IN (SELECT "id" FROM "User");
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");
                ALTER TABLE "Comment" ADD CONSTRAINT "c" FOREIGN KEY ("postId") REFERENCES "Post"("id");
                ALTER TABLE "Like" ADD COLUMN "userId" INTEGER REFERENCES "User"("id");
                """, false);

        assertThat(found).isEmpty();
    }
}
