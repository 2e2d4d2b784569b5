-- DropForeignKey
ALTER TABLE "Profile" DROP CONSTRAINT "Profile_userId_fkey";

-- DropTable
DROP TABLE "Profile";

-- RenameForeignKey
ALTER TABLE "Post" RENAME CONSTRAINT "Post_authorId_fkey" TO "post_author";

-- RenameIndex
ALTER INDEX "Post_authorId_idx" RENAME TO "post_author_idx";

-- RenameIndex
ALTER INDEX "Post_slug_key" RENAME TO "post_slug";


