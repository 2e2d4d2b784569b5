-- AlterEnum
BEGIN;
CREATE TYPE "Role_new" AS ENUM ('A', 'B');
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
ALTER TYPE "Role" RENAME TO "Role_old";
ALTER TYPE "Role_new" RENAME TO "Role";
DROP TYPE "Role_old";
COMMIT;

-- DropIndex
DROP INDEX "User_email_key";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "bio",
ADD COLUMN     "extra" TEXT NOT NULL,
ADD COLUMN     "extra2" TEXT NOT NULL DEFAULT 'x',
ADD COLUMN     "opt" INTEGER,
ALTER COLUMN "name" DROP NOT NULL,
ALTER COLUMN "age" SET DATA TYPE BIGINT;

-- DropTable
DROP TABLE "Gone";

-- CreateIndex
CREATE UNIQUE INDEX "User_email_name_key" ON "User"("email", "name");


