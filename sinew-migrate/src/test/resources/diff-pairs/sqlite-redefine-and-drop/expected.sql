-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Gone";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT,
    "age" BIGINT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "extra" TEXT NOT NULL,
    "extra2" TEXT NOT NULL DEFAULT 'x',
    "opt" INTEGER
);
INSERT INTO "new_User" ("age", "email", "id", "name", "role") SELECT "age", "email", "id", "name", "role" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_name_key" ON "User"("email", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


