package dev.sinew.client;

import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQLite through sqlite-jdbc. */
final class SqliteFlavour extends Flavour {
    /** How Prisma 7 (the better-sqlite3 adapter's default) writes DateTime values: ISO-8601 with +00:00. */
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: ([^)\\]]+)");
    private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: [^.\\s]+\\.([^)\\s]+)");

    @Override
    JdbcTarget jdbcTarget(String url, Path schemaDirectory) {
        Properties properties = new Properties();
        // Writes begin with BEGIN IMMEDIATE: the database's single writer lock is taken before the first read of a
        // write transaction, so the emulation's checks and cascades see no concurrent change (SQLite has no row
        // locks to take instead).
        properties.setProperty("transaction_mode", "IMMEDIATE");
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("busy_timeout", "10000");
        if (url.startsWith("jdbc:")) {
            return new JdbcTarget(url, properties);
        }
        String path = stripQuery(url);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.startsWith("sqlite:")) {
            path = path.substring("sqlite:".length());
        }
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        Path file = Path.of(path);
        if (!file.isAbsolute() && schemaDirectory != null) {
            file = schemaDirectory.resolve(file).normalize();
        }
        return new JdbcTarget("jdbc:sqlite:" + file, properties);
    }

    @Override
    String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    int maxParameters() {
        return 32766;
    }

    @Override
    boolean locksRows() {
        return false;
    }

    @Override
    String shareLockClause() {
        return "";
    }

    @Override
    String updateLockClause() {
        return "";
    }

    @Override
    Sql lockRows(String table, String alias, Sql predicate, boolean shared) {
        throw new IllegalStateException("SQLite has no row locks");
    }

    @Override
    String limitOffset(Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return "";
        }
        String out = " LIMIT " + (limit == null ? -1 : limit);
        return offset == null ? out : out + " OFFSET " + offset;
    }

    @Override
    String inList(String lhs, int width, int rows) {
        if (width == 1) {
            return super.inList(lhs, width, rows);
        }
        // SQLite compares row values only with a sub-select on the right of IN.
        StringBuilder out = new StringBuilder(lhs).append(" IN (VALUES ");
        String row = "(" + "?, ".repeat(width - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(row);
        }
        return out.append(')').toString();
    }

    @Override
    boolean insertReturning() {
        return true;
    }

    @Override
    String distinctFrom(String a, String b) {
        return a + " IS NOT " + b;
    }

    @Override
    boolean nullsFirstInAscendingOrder() {
        return true;
    }

    @Override
    Object bind(ScalarField field, Object value) {
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant);
        }
        return value;
    }

    @Override
    Object read(ResultSet rs, int index, ScalarField field) throws SQLException {
        ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return rs.getString(index);
        }
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (kind) {
            case INT -> ((Number) raw).intValue();
            case BIG_INT -> ((Number) raw).longValue();
            case FLOAT -> ((Number) raw).doubleValue();
            case DECIMAL -> raw instanceof Double d ? BigDecimal.valueOf(d)
                    : raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString());
            case BOOLEAN -> raw instanceof Number n ? n.intValue() != 0 : Boolean.parseBoolean(raw.toString());
            case DATE_TIME -> raw instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                    : Values.parseInstant(raw.toString());
            case BYTES -> rs.getBytes(index);
            default -> raw.toString();
        };
    }

    @Override
    Violation violation(SQLException error) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("FOREIGN KEY constraint failed")) {
            return new Violation.ForeignKey(null, List.of());
        }
        Matcher unique = UNIQUE.matcher(message);
        if (unique.find()) {
            List<String> columns = new ArrayList<>();
            for (String qualified : unique.group(1).split(",")) {
                String column = qualified.strip();
                int dot = column.indexOf('.');
                columns.add(dot < 0 ? column : column.substring(dot + 1));
            }
            return new Violation.Unique(null, columns);
        }
        Matcher notNull = NOT_NULL.matcher(message);
        if (notNull.find()) {
            return new Violation.NotNull(notNull.group(1));
        }
        return null;
    }

    @Override
    boolean isRetryable(SQLException error) {
        String message = String.valueOf(error.getMessage());
        return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
    }
}
