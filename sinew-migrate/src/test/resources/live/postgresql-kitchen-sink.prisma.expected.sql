-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'member');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'member',
    "roles" "Role"[] DEFAULT ARRAY['ADMIN']::"Role"[],
    "tags" TEXT[] DEFAULT ARRAY['a', 'b']::TEXT[],
    "score" DOUBLE PRECISION NOT NULL DEFAULT 1.5,
    "real" REAL NOT NULL,
    "balance" DECIMAL(65,30) NOT NULL DEFAULT 2.25,
    "money" DECIMAL(10,2) NOT NULL,
    "big" BIGINT NOT NULL DEFAULT 7,
    "small" SMALLINT NOT NULL DEFAULT -3,
    "counter" BIGSERIAL NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "born" TIMESTAMP(3) NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "day" DATE,
    "token" UUID NOT NULL,
    "gen" UUID NOT NULL DEFAULT gen_random_uuid(),
    "quote" TEXT NOT NULL DEFAULT 'it''s "quoted"',
    "settings" JSONB NOT NULL DEFAULT '{}',
    "avatar" BYTEA NOT NULL DEFAULT '\x68656c6c6f',
    "shape" circle,
    "managerId" INTEGER,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Profile" (
    "user_id" INTEGER NOT NULL,
    "bio" TEXT NOT NULL,
    "data" JSONB
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,
    "editorId" INTEGER,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Label" (
    "tenant" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "postId" TEXT NOT NULL,

    CONSTRAINT "label_key" PRIMARY KEY ("tenant","name")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" INTEGER NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_PostToTag" (
    "A" TEXT NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_GroupToUser" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_GroupToUser_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_name_createdAt_idx" ON "users"("name" DESC, "createdAt");

-- CreateIndex
CREATE INDEX "users_managerId_idx" ON "users" USING HASH ("managerId");

-- CreateIndex
CREATE UNIQUE INDEX "Profile_user_id_key" ON "Profile"("user_id");

-- CreateIndex
CREATE INDEX "Profile_data_idx" ON "Profile" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Post_editorId_idx" ON "Post"("editorId");

-- CreateIndex
CREATE UNIQUE INDEX "post_title_per_author" ON "Post"("authorId", "title");

-- CreateIndex
CREATE INDEX "Label_postId_idx" ON "Label"("postId");

-- CreateIndex
CREATE INDEX "_PostToTag_B_index" ON "_PostToTag"("B");

-- CreateIndex
CREATE INDEX "_GroupToUser_B_index" ON "_GroupToUser"("B");


