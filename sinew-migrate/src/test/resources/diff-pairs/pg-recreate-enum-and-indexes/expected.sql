-- CreateEnum
CREATE TYPE "New" AS ENUM ('Y');

-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('B', 'A', 'D');
ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "roles" DROP DEFAULT;
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TABLE "User" ALTER COLUMN "roles" TYPE "Role_new"[] USING ("roles"::text::"Role_new"[]);
ALTER TABLE "User" ALTER COLUMN "r2" TYPE "Role_new" USING ("r2"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'B';
ALTER TABLE "User" ALTER COLUMN "roles" SET DEFAULT ARRAY['A', 'B']::"Role"[];
COMMIT;

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


