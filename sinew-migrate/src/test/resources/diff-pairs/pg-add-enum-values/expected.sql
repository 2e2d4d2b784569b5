-- CreateEnum
CREATE TYPE "New" AS ENUM ('Y');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'C';
ALTER TYPE "Role" ADD VALUE 'E';

-- DropIndex
DROP INDEX "User_name_idx";

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "name" SET DEFAULT 'b',
ALTER COLUMN "n2" SET DEFAULT 'z',
ALTER COLUMN "n3" DROP DEFAULT,
ALTER COLUMN "v" SET DATA TYPE VARCHAR(20);
DROP SEQUENCE "";

-- DropEnum
DROP TYPE "Gone";

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User" USING HASH ("name");

-- RenameIndex
ALTER INDEX "oldname" RENAME TO "newname";

-- RenameIndex
ALTER INDEX "User_k_key" RENAME TO "kk";


