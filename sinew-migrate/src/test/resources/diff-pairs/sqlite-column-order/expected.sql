-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_T" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "yy" BIGINT NOT NULL,
    "bb" BIGINT NOT NULL,
    "qq" INTEGER,
    "cc" INTEGER
);
INSERT INTO "new_T" ("bb", "id", "yy") SELECT "bb", "id", "yy" FROM "T";
DROP TABLE "T";
ALTER TABLE "new_T" RENAME TO "T";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


