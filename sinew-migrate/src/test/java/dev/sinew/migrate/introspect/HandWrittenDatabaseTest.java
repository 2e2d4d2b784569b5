package dev.sinew.migrate.introspect;

import dev.sinew.migrate.SchemaDiffer;
import dev.sinew.migrate.SqlSchemaCalculator;
import dev.sinew.schema.PrismaSchema;
import dev.sinew.sql.Dialect;
import dev.sinew.sql.Migration;
import dev.sinew.sql.SqlSchema;
import dev.sinew.testkit.Database;
import dev.sinew.testkit.DatabaseKind;
import dev.sinew.testkit.TestDatabase;
import dev.sinew.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases written by hand, not by a migration tool, on PostgreSQL and MariaDB (Prisma's offline CLI cannot pull
 * from these, so the expectations follow Prisma's introspection rules): names that need {@code @map}, enums,
 * arrays, native types, foreign keys with their own names and actions, tables without a primary key. The pulled
 * schema must validate and describe the database exactly (an empty diff).
 *
 * <p>One known difference: a PostgreSQL {@code timestamp}/{@code timestamptz}/{@code time} column declared without
 * a precision is written {@code @db.Timestamptz} here, where Prisma writes {@code @db.Timestamptz(6)} (the
 * precision PostgreSQL gives it); the catalog reads the two declarations as different types.
 */
@ExtendWith(TestDatabaseExtension.class)
class HandWrittenDatabaseTest {

    @Test
    void postgresql(@Database(DatabaseKind.POSTGRESQL) TestDatabase db) throws Exception {
        String expected = """
                datasource db {
                  provider = "postgresql"
                }

                model customer {
                  id         Int             @id(map: "customer_pk") @default(autoincrement())
                  email      String          @unique(map: "customer_email_uq") @db.VarChar(200)
                  first_name String?         @map("first-name") @db.VarChar(50)
                  status     customer_status @default(active)
                  tags       String[]        @default([])
                  created_at DateTime        @default(now()) @db.Timestamptz
                  order      order[]
                }

                model event_log {
                  at      DateTime? @db.Timestamp
                  payload Json?

                  @@ignore
                }

                model order {
                  id          BigInt   @id @default(autoincrement())
                  customer_id Int
                  total       Decimal  @db.Decimal(10, 2)
                  note        String?  @default("n/a")
                  customer    customer @relation(fields: [customer_id], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "order_customer_fk")

                  @@index([customer_id, total(sort: Desc)], map: "order_customer_total_ix")
                }

                enum customer_status {
                  active
                  on_hold @map("on-hold")
                }
                """.replace("model event_log {", "/// The underlying table does not contain a valid unique identifier and "
                + "can therefore currently not be handled by Prisma Client.\nmodel event_log {");
        check(db, """
                CREATE TYPE customer_status AS ENUM ('active', 'on-hold');
                CREATE TABLE customer (
                    id serial CONSTRAINT customer_pk PRIMARY KEY,
                    email varchar(200) NOT NULL CONSTRAINT customer_email_uq UNIQUE,
                    "first-name" varchar(50),
                    status customer_status NOT NULL DEFAULT 'active',
                    tags text[] NOT NULL DEFAULT '{}',
                    created_at timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE "order" (
                    id bigserial PRIMARY KEY,
                    customer_id integer NOT NULL,
                    total numeric(10, 2) NOT NULL,
                    note text DEFAULT 'n/a',
                    CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE
                );
                CREATE INDEX order_customer_total_ix ON "order" (customer_id, total DESC);
                CREATE TABLE event_log (at timestamp, payload jsonb)
                """, "datasource db {\n  provider = \"postgresql\"\n}\n", expected);
    }

    @Test
    void mariadb(@Database(DatabaseKind.MYSQL) TestDatabase db) throws Exception {
        String expected = """
                datasource db {
                  provider = "mysql"
                }

                model customer {
                  id         Int             @id @default(autoincrement())
                  email      String          @unique(map: "customer_email_uq") @db.VarChar(200)
                  first_name String?         @map("first-name") @db.VarChar(50)
                  status     customer_status @default(active)
                  created_at DateTime        @default(now()) @db.DateTime(0)
                  order      order[]
                }

                model order {
                  id          BigInt   @id @default(autoincrement()) @db.UnsignedBigInt
                  customer_id Int
                  total       Decimal  @db.Decimal(10, 2)
                  paid        Boolean  @default(false)
                  customer    customer @relation(fields: [customer_id], references: [id], onDelete: Cascade, onUpdate: NoAction, map: "order_customer_fk")

                  @@index([customer_id], map: "order_customer_ix")
                }

                enum customer_status {
                  active
                  on_hold @map("on-hold")
                }
                """;
        check(db, """
                CREATE TABLE customer (
                    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    email varchar(200) NOT NULL,
                    `first-name` varchar(50),
                    status enum('active', 'on-hold') NOT NULL DEFAULT 'active',
                    created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    CONSTRAINT customer_email_uq UNIQUE (email)
                );
                CREATE TABLE `order` (
                    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    customer_id int NOT NULL,
                    total decimal(10, 2) NOT NULL,
                    paid boolean NOT NULL DEFAULT false,
                    INDEX order_customer_ix (customer_id),
                    CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
                        ON DELETE CASCADE ON UPDATE NO ACTION
                )
                """, "datasource db {\n  provider = \"mysql\"\n}\n", expected);
    }

    private static void check(TestDatabase db, String ddl, String existing, String expected) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String statement : ddl.split(";\n")) {
                st.execute(statement);
            }
            Introspector.Introspection pulled = PrismaModeReintrospectionTest.pull(c, existing);
            assertThat(pulled.schema()).isEqualTo(expected);

            PrismaSchema.ValidationResult validation = PrismaSchema.validate("schema.prisma", pulled.schema());
            assertThat(validation.isValid()).as(validation.diagnostics().render()).isTrue();
            Dialect dialect = Dialect.forProvider(db.kind().provider());
            SqlSchema actual = dialect.introspect(c);
            Migration remaining = new SchemaDiffer(dialect).diff(actual,
                    SqlSchemaCalculator.calculate(validation.datamodel()));
            assertThat(remaining.steps()).as(dialect.renderScript(remaining)).isEmpty();
        }
    }
}
