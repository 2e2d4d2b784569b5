package dev.sinew.client;

import dev.sinew.schema.model.NativeType;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MySQL and MariaDB (and the engines that speak their protocol) through the MariaDB driver. */
final class MySqlFlavour extends Flavour {
    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']+)'");
    private static final Pattern FK_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]+)`");
    private static final Pattern NULL_COLUMN = Pattern.compile("(?:Column|Field) '([^']+)'");

    /** MariaDB 10.5 and later know {@code INSERT ... RETURNING}; MySQL does not. Read from the first connection. */
    private volatile boolean returning;

    @Override
    JdbcTarget jdbcTarget(String url, Path schemaDirectory) {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:")) {
            return new JdbcTarget(url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring(11) : url,
                    properties);
        }
        ServerUrl server = ServerUrl.parse(url, 3306);
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        for (Map.Entry<String, String> parameter : server.query().entrySet()) {
            switch (parameter.getKey()) {
                case "connect_timeout" -> properties.setProperty("connectTimeout",
                        String.valueOf(Long.parseLong(parameter.getValue()) * 1000));
                case "sslaccept", "sslmode" -> properties.setProperty("sslMode",
                        parameter.getValue().equals("strict") ? "verify-full" : "trust");
                default -> {
                    // Prisma's own parameters (connection_limit, pool_timeout, ...) are not driver settings.
                }
            }
        }
        return new JdbcTarget("jdbc:mariadb://" + server.host() + ":" + server.port() + "/" + server.database(),
                properties);
    }

    @Override
    void initialize(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String version = metaData.getDatabaseProductVersion();
        boolean mariadb = version.contains("MariaDB") || metaData.getDatabaseProductName().contains("MariaDB");
        returning = mariadb && atLeast(version.replaceFirst("^5\\.5\\.5-", ""), 10, 5);
    }

    private static boolean atLeast(String version, int major, int minor) {
        Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int ma = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        return ma > major || (ma == major && mi >= minor);
    }

    @Override
    String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    int maxParameters() {
        return 65535;
    }

    @Override
    String shareLockClause() {
        // InnoDB's own foreign key checks take the same shared lock; MariaDB knows only this spelling.
        return " LOCK IN SHARE MODE";
    }

    @Override
    String updateLockClause() {
        return " FOR UPDATE";
    }

    @Override
    Sql lockRows(String table, String alias, Sql predicate, boolean shared) {
        return new Sql("SELECT COUNT(*) FROM " + quote(table) + " AS " + alias + " WHERE ").append(predicate)
                .append(shared ? shareLockClause() : " FOR UPDATE");
    }

    @Override
    String restrictCheckLockClause() {
        // At REPEATABLE READ a plain SELECT reads the transaction's snapshot; a locking read sees the latest rows.
        return shareLockClause();
    }

    @Override
    String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return "";
        }
        // MySQL has no OFFSET without LIMIT; its manual gives the largest unsigned BIGINT for "all rows".
        String out = " LIMIT " + (limit == null ? "18446744073709551615" : limit.toString());
        return offset == null ? out : out + " OFFSET " + offset;
    }

    @Override
    boolean insertReturning() {
        return returning;
    }

    @Override
    String insertIgnoreKeyword() {
        return "INSERT IGNORE";
    }

    @Override
    String onConflictDoNothing() {
        return "";
    }

    @Override
    String distinctFrom(String a, String b) {
        return "NOT (" + a + " <=> " + b + ")";
    }

    @Override
    String likeEscape() {
        return ""; // the backslash is MySQL's default LIKE escape
    }

    @Override
    String orderItem(String expression, boolean descending, String nulls) {
        String item = expression + (descending ? " DESC" : " ASC");
        if (nulls == null) {
            return item;
        }
        return expression + " IS NULL" + (nulls.equals("first") ? " DESC" : " ASC") + ", " + item;
    }

    @Override
    boolean nullsFirstInAscendingOrder() {
        return true;
    }

    @Override
    String divide(String a, String b, ScalarKind kind) {
        return kind == ScalarKind.INT || kind == ScalarKind.BIG_INT ? "(" + a + " DIV " + b + ")"
                : "(" + a + " / " + b + ")";
    }

    @Override
    boolean dmlCannotReadTargetTable() {
        return true;
    }

    @Override
    Object bind(ScalarField field, Object value) {
        if (value instanceof Instant instant) {
            NativeType nativeType = field.nativeType();
            String name = nativeType == null ? "" : nativeType.name();
            return switch (name) {
                case "Date" -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
                case "Time" -> LocalTime.ofInstant(instant, ZoneOffset.UTC);
                default -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            };
        }
        return value;
    }

    @Override
    Object read(ResultSet rs, int index, ScalarField field) throws SQLException {
        ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return rs.getString(index);
        }
        Object out = switch (kind) {
            case INT -> rs.getInt(index);
            case BIG_INT -> rs.getLong(index);
            case FLOAT -> rs.getDouble(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE_TIME -> readInstant(rs, index, field);
            case BYTES -> rs.getBytes(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : out;
    }

    private static Instant readInstant(ResultSet rs, int index, ScalarField field) throws SQLException {
        NativeType nativeType = field.nativeType();
        String name = nativeType == null ? "" : nativeType.name();
        switch (name) {
            case "Date": {
                LocalDate d = rs.getObject(index, LocalDate.class);
                return d == null ? null : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            case "Time": {
                LocalTime t = rs.getObject(index, LocalTime.class);
                return t == null ? null : t.atDate(LocalDate.EPOCH).toInstant(ZoneOffset.UTC);
            }
            default: {
                LocalDateTime t = rs.getObject(index, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
        }
    }

    @Override
    Violation violation(SQLException error) {
        String message = String.valueOf(error.getMessage());
        switch (error.getErrorCode()) {
            case 1062: {
                Matcher m = DUPLICATE_KEY.matcher(message);
                String key = m.find() ? m.group(1) : null;
                if (key != null && key.contains(".")) {
                    key = key.substring(key.lastIndexOf('.') + 1); // MySQL 8 writes table.key
                }
                return new Violation.Unique(key, List.of());
            }
            case 1451:
            case 1452:
            case 1216:
            case 1217: {
                Matcher m = FK_CONSTRAINT.matcher(message);
                return new Violation.ForeignKey(m.find() ? m.group(1) : null, List.of());
            }
            case 1048:
            case 1364: {
                Matcher m = NULL_COLUMN.matcher(message);
                return new Violation.NotNull(m.find() ? m.group(1) : null);
            }
            default:
                return null;
        }
    }

    @Override
    boolean isRetryable(SQLException error) {
        int code = error.getErrorCode();
        return code == 1213 || code == 1205 || code == 1020 || "40001".equals(error.getSQLState());
    }
}
