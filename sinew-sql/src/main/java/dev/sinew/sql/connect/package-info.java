/**
 * Connection settings, shared by the migration commands and the client: where a database is
 * ({@link dev.sinew.sql.connect.DatabaseUrl}, from Prisma's and JDBC's URLs), the variables a schema's
 * {@code env("…")} reads ({@link dev.sinew.sql.connect.ProjectVariables}: the process, then the {@code .env} files),
 * and a datasource's {@code url}/{@code shadowDatabaseUrl} resolved with them
 * ({@link dev.sinew.sql.connect.DatasourceUrls}). Anything wrong with them is a
 * {@link dev.sinew.sql.connect.ConnectionSettingsException}.
 */
package dev.sinew.sql.connect;
