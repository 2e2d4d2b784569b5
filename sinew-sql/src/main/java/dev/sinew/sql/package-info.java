/**
 * The relational side of Sinew: what a database schema is ({@link dev.sinew.sql.SqlSchema}), the steps that change
 * one ({@link dev.sinew.sql.MigrationStep}), and one {@link dev.sinew.sql.Dialect} per database that knows its SQL.
 *
 * <p>The step model lives here rather than in {@code sinew-migrate} because rendering a step is DDL knowledge, and
 * DDL knowledge belongs to the dialects: a {@code Dialect} renders every step and a whole script byte for byte as
 * Prisma does. {@code sinew-migrate} decides which steps a change needs (calculation from the Datamodel, differ,
 * destructive-change checks) without writing SQL itself.
 *
 * <p>Each dialect also reads a live schema back from its catalog ({@link dev.sinew.sql.Dialect#introspect}) into the
 * same model the calculation produces, so that a calculated and an introspected schema compare equal when the
 * database is up to date, and reads constraint violations out of driver errors
 * ({@link dev.sinew.sql.Dialect#constraintViolation}). Connector differences are members of the dialects (or data
 * on them, like {@link dev.sinew.sql.Dialect#canAlterForeignKeys()}), never checks of a provider's name.
 */
package dev.sinew.sql;
