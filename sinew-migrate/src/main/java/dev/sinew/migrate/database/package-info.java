/**
 * Live databases: where one is ({@link dev.sinew.migrate.database.DatabaseUrl}, from Prisma and JDBC URLs and the
 * {@code .env} files of {@link dev.sinew.migrate.database.ProjectVariables}), and what the migration commands do
 * with it ({@link dev.sinew.migrate.database.Database}, one subclass per database family: connect with Prisma's
 * errors, create, reset, make shadow databases, keep Prisma's history table). Migration scripts are split by
 * {@link dev.sinew.migrate.database.SqlScript} and run by {@link dev.sinew.migrate.database.ScriptRunner}, in one
 * transaction where the database's DDL is transactional.
 */
package dev.sinew.migrate.database;
