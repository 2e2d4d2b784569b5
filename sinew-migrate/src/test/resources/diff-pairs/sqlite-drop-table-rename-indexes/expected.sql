-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Profile";
PRAGMA foreign_keys=on;

-- RedefineIndex
DROP INDEX "Post_authorId_idx";
CREATE INDEX "post_author_idx" ON "Post"("authorId");

-- RedefineIndex
DROP INDEX "Post_slug_key";
CREATE UNIQUE INDEX "post_slug" ON "Post"("slug");


