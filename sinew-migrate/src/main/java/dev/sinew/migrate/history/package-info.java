/**
 * Prisma's migration history, kept compatible so that a project can move between Prisma and Sinew: the
 * migrations folder ({@link dev.sinew.migrate.history.MigrationsDirectory}) and the {@code _prisma_migrations}
 * table ({@link dev.sinew.migrate.history.MigrationsTable}).
 */
package dev.sinew.migrate.history;
