/**
 * The database commands, one class each ({@link dev.sinew.migrate.workflow.DbPush},
 * {@link dev.sinew.migrate.workflow.DbCheck}, {@link dev.sinew.migrate.workflow.MigrateDiff},
 * {@link dev.sinew.migrate.workflow.MigrateDev}, {@link dev.sinew.migrate.workflow.MigrateDeploy},
 * {@link dev.sinew.migrate.workflow.MigrateStatus}, {@link dev.sinew.migrate.workflow.MigrateReset},
 * {@link dev.sinew.migrate.workflow.MigrateResolve}), working on a {@link dev.sinew.migrate.workflow.Project} and
 * printing Prisma's reports. Failures are {@link dev.sinew.migrate.MigrateException}s. Before foreign keys are
 * added to tables that hold rows, the rows they would refuse are counted and listed
 * ({@link dev.sinew.migrate.workflow.OrphanFinder}), the same search {@code db check} runs for every relation.
 */
package dev.sinew.migrate.workflow;
