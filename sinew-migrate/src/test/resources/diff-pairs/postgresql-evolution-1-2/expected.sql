-- DropIndex
DROP INDEX "Post_authorId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bio" TEXT,
ALTER COLUMN "name" SET DEFAULT 'nobody';

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- RenameIndex
ALTER INDEX "post_title" RENAME TO "post_title_idx";


