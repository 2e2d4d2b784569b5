package dev.sinew.sql;

import java.util.Properties;

/**
 * Where a JDBC driver connects: the JDBC URL and the driver properties (credentials and settings), made from a
 * datasource URL as Prisma writes it by {@link Dialect#jdbcTarget}.
 */
public record JdbcTarget(String url, Properties properties) {
}
