-- AlterTable
ALTER TABLE "B" ADD COLUMN "d" INTEGER;

-- CreateTable
CREATE TABLE "K" (
    "id" INTEGER NOT NULL,
    "a" INTEGER NOT NULL,
    "b" INTEGER NOT NULL,

    PRIMARY KEY ("a", "id"),
    CONSTRAINT "K_a_b_fkey" FOREIGN KEY ("a", "b") REFERENCES "B" ("a", "b") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_A" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'x',
    "n" INTEGER NOT NULL,
    "m" INTEGER NOT NULL DEFAULT 4,
    "o" INTEGER,
    "p" TEXT NOT NULL DEFAULT 'z'
);
INSERT INTO "new_A" ("id", "m", "n") SELECT "id", "m", "n" FROM "A";
DROP TABLE "A";
ALTER TABLE "new_A" RENAME TO "A";
CREATE INDEX "new" ON "A"("n");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


