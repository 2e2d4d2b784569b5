/**
 * Migrations: the {@link dev.sinew.sql.SqlSchema} a schema calls for ({@link dev.sinew.migrate.SqlSchemaCalculator},
 * where the relation mode decides whether foreign keys exist), the steps between two SqlSchemas in Prisma's order
 * ({@link dev.sinew.migrate.SchemaDiffer}), and the warnings about data those steps may lose
 * ({@link dev.sinew.migrate.DestructiveChangeChecker}, with {@link dev.sinew.migrate.JdbcDataInspector} to count
 * rows in a live database).
 *
 * <pre>{@code
 * SqlSchema target = SqlSchemaCalculator.calculate(datamodel);
 * Dialect dialect = SqlSchemaCalculator.dialectOf(datamodel);
 * Migration migration = new SchemaDiffer(dialect).diff(dialect.introspect(connection), target);
 * String script = dialect.renderScript(migration);          // migration.sql, warnings comment included
 * String diff = dialect.renderScript(migration.withoutWarnings()); // what migrate diff --script prints
 * }</pre>
 */
package dev.sinew.migrate;
