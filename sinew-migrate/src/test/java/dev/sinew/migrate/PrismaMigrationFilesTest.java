package dev.sinew.migrate;

import dev.sinew.sql.Arity;
import dev.sinew.sql.Column;
import dev.sinew.sql.ColumnDefault;
import dev.sinew.sql.ColumnType;
import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.ForeignKey;
import dev.sinew.sql.ForeignKeyAction;
import dev.sinew.sql.Index;
import dev.sinew.sql.IndexColumn;
import dev.sinew.sql.MySqlDialect;
import dev.sinew.sql.PrimaryKey;
import dev.sinew.sql.SqlSchema;
import dev.sinew.sql.SqlServerDialect;
import dev.sinew.sql.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL and SQL Server have no reference output in the corpus (the offline Prisma cannot render them), so these
 * scripts are {@code migration.sql} files that Prisma generated in public projects, rebuilt here from the two schemas
 * they migrate between.
 */
class PrismaMigrationFilesTest {

    private static final String SQLSERVER_END = "COMMIT TRAN;\n\nEND TRY\nBEGIN CATCH\n\nIF @@TRANCOUNT > 0\nBEGIN\n"
            + "    ROLLBACK TRAN;\nEND;\nTHROW\n\nEND CATCH\n";

    private static String script(Dialect dialect, SqlSchema from, SqlSchema to) {
        return dialect.renderScript(new SchemaDiffer(dialect).diff(from, to));
    }

    private static SqlSchema schema(Table... tables) {
        return new SqlSchema(List.of(), List.of(), List.of(), List.of(tables));
    }

    private static Column required(String name, ColumnType type) {
        return Column.of(name, type, Arity.REQUIRED);
    }

    @Test
    void sqlServerAddsColumnsWithNamedDefaultAndUniqueConstraintWithWarnings() {
        Dialect d = new SqlServerDialect();
        ColumnType text = d.columnType(Family.STRING, null);
        Table before = new Table(null, "user", List.of(required("id", d.columnType(Family.INT, null)),
                Column.of("phoneNumber", text, Arity.NULLABLE)),
                new PrimaryKey("user_pkey", List.of(IndexColumn.of("id")), null), List.of(), List.of());
        Table after = new Table(null, "user", List.of(required("id", d.columnType(Family.INT, null)),
                Column.of("phoneNumber", text, Arity.NULLABLE),
                required("authProvider", text).withDefault(new ColumnDefault.Value("email"))
                        .withDefaultConstraintName("user_authProvider_df"),
                required("password", text)),
                new PrimaryKey("user_pkey", List.of(IndexColumn.of("id")), null),
                List.of(Index.of("user_phoneNumber_key", Index.Kind.UNIQUE, List.of(IndexColumn.of("phoneNumber")))),
                List.of());
        assertThat(script(d, schema(before), schema(after))).isEqualTo("""
                /*
                  Warnings:

                  - A unique constraint covering the columns `[phoneNumber]` on the table `user` will be added. If there are existing duplicate values, this will fail.
                  - Added the required column `password` to the `user` table without a default value. This is not possible if the table is not empty.

                */
                BEGIN TRY

                BEGIN TRAN;

                -- AlterTable
                ALTER TABLE [dbo].[user] ADD [authProvider] NVARCHAR(1000) NOT NULL CONSTRAINT [user_authProvider_df] DEFAULT 'email',
                [password] NVARCHAR(1000) NOT NULL;

                -- CreateIndex
                ALTER TABLE [dbo].[user] ADD CONSTRAINT [user_phoneNumber_key] UNIQUE NONCLUSTERED ([phoneNumber]);

                """ + SQLSERVER_END);
    }

    @Test
    void sqlServerCreatesTableWithCompoundClusteredKeyAndForeignKey() {
        Dialect d = new SqlServerDialect();
        ColumnType uuid = d.columnType(Family.STRING, "UniqueIdentifier");
        Table caseTable = new Table(null, "Case", List.of(required("id", uuid)),
                new PrimaryKey("Case_pkey", List.of(IndexColumn.of("id")), null), List.of(), List.of());
        Table note = new Table(null, "CaseNote", List.of(required("text", d.columnType(Family.STRING, "NVarChar(500)")),
                required("createdTime", d.columnType(Family.DATETIME, null)),
                required("createdBy", d.columnType(Family.STRING, null)), required("caseId", uuid)),
                new PrimaryKey("CaseNote_pkey", List.of(IndexColumn.of("text"), IndexColumn.of("createdTime"),
                        IndexColumn.of("createdBy"), IndexColumn.of("caseId")), null), List.of(),
                List.of(new ForeignKey("CaseNote_caseId_fkey", List.of("caseId"), null, "Case", List.of("id"),
                        ForeignKeyAction.NO_ACTION, ForeignKeyAction.CASCADE)));
        assertThat(script(d, schema(caseTable), schema(caseTable, note))).isEqualTo("""
                BEGIN TRY

                BEGIN TRAN;

                -- CreateTable
                CREATE TABLE [dbo].[CaseNote] (
                    [text] NVARCHAR(500) NOT NULL,
                    [createdTime] DATETIME2 NOT NULL,
                    [createdBy] NVARCHAR(1000) NOT NULL,
                    [caseId] UNIQUEIDENTIFIER NOT NULL,
                    CONSTRAINT [CaseNote_pkey] PRIMARY KEY CLUSTERED ([text],[createdTime],[createdBy],[caseId])
                );

                -- AddForeignKey
                ALTER TABLE [dbo].[CaseNote] ADD CONSTRAINT [CaseNote_caseId_fkey] FOREIGN KEY ([caseId]) REFERENCES [dbo].[Case]([id]) ON DELETE NO ACTION ON UPDATE CASCADE;

                """ + SQLSERVER_END);
    }

    @Test
    void mysqlAddsColumnCreatesTableWithInlineIndexesAndAddsForeignKey() {
        Dialect d = new MySqlDialect();
        ColumnType integer = d.columnType(Family.INT, null);
        Column id = required("id", integer).withAutoIncrement(true);
        Table userBefore = new Table(null, "user", List.of(id), new PrimaryKey(null, List.of(IndexColumn.of("id")),
                null), List.of(), List.of());
        Table userAfter = new Table(null, "user", List.of(id, Column.of("roleId", integer, Arity.NULLABLE)),
                userBefore.primaryKey(), List.of(),
                List.of(new ForeignKey("user_roleId_fkey", List.of("roleId"), null, "role", List.of("id"),
                        ForeignKeyAction.SET_NULL, ForeignKeyAction.CASCADE)));
        Table role = new Table(null, "role", List.of(id, required("name", d.columnType(Family.STRING, null))),
                userBefore.primaryKey(),
                List.of(Index.of("role_name_key", Index.Kind.UNIQUE, List.of(IndexColumn.of("name")))), List.of());
        assertThat(script(d, schema(userBefore), schema(userAfter, role))).isEqualTo("""
                -- AlterTable
                ALTER TABLE `user` ADD COLUMN `roleId` INTEGER NULL;

                -- CreateTable
                CREATE TABLE `role` (
                    `id` INTEGER NOT NULL AUTO_INCREMENT,
                    `name` VARCHAR(191) NOT NULL,

                    UNIQUE INDEX `role_name_key`(`name`),
                    PRIMARY KEY (`id`)
                ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

                -- AddForeignKey
                ALTER TABLE `user` ADD CONSTRAINT `user_roleId_fkey` FOREIGN KEY (`roleId`) REFERENCES `role`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
                """);
    }
}
