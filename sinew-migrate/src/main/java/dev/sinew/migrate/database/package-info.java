/**
 * Live databases: what the migration commands do with one ({@link dev.sinew.migrate.database.Database}, one subclass
 * per database family: connect with Prisma's errors, create, reset, make shadow databases, keep Prisma's history
 * table), found by the {@link dev.sinew.sql.connect.DatabaseUrl} of sinew-sql. Migration scripts are split by
 * {@link dev.sinew.migrate.database.SqlScript} and run by {@link dev.sinew.migrate.database.ScriptRunner}, in one
 * transaction where the database's DDL is transactional.
 */
package dev.sinew.migrate.database;
