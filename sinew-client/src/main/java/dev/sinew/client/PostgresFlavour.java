package dev.sinew.client;

import dev.sinew.schema.model.NativeType;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL (and CockroachDB, which speaks its protocol) through pgJDBC. */
final class PostgresFlavour extends Flavour {
    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\(([^)]*)\\)");
    private final boolean cockroach;

    PostgresFlavour(boolean cockroach) {
        this.cockroach = cockroach;
    }

    @Override
    JdbcTarget jdbcTarget(String url, Path schemaDirectory) {
        Properties properties = new Properties();
        // Strings are sent untyped so that PostgreSQL casts them to the column's type: enums, jsonb, uuid, inet...
        properties.setProperty("stringtype", "unspecified");
        if (url.startsWith("jdbc:")) {
            return new JdbcTarget(url, properties);
        }
        ServerUrl server = ServerUrl.parse(url, cockroach ? 26257 : 5432);
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        for (Map.Entry<String, String> parameter : server.query().entrySet()) {
            switch (parameter.getKey()) {
                case "schema" -> properties.setProperty("currentSchema", parameter.getValue());
                case "sslmode" -> properties.setProperty("sslmode", parameter.getValue());
                case "connect_timeout" -> properties.setProperty("connectTimeout", parameter.getValue());
                case "application_name" -> properties.setProperty("ApplicationName", parameter.getValue());
                default -> {
                    // Prisma's own parameters (connection_limit, pool_timeout, ...) are not driver settings.
                }
            }
        }
        String database = server.database().isEmpty() ? "postgres" : server.database();
        return new JdbcTarget("jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database,
                properties);
    }

    @Override
    String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    int maxParameters() {
        return 32767;
    }

    @Override
    String shareLockClause() {
        // The lock PostgreSQL's own foreign keys take on the referenced row: it blocks deletes and key updates only.
        return cockroach ? " FOR SHARE" : " FOR KEY SHARE";
    }

    @Override
    String updateLockClause() {
        return " FOR UPDATE";
    }

    @Override
    Sql lockRows(String table, String alias, Sql predicate, boolean shared) {
        // A locking clause cannot stand beside an aggregate, so the locking select is a sub-select that is counted.
        return new Sql("SELECT count(*) FROM (SELECT 1 FROM " + quote(table) + " AS " + alias + " WHERE ")
                .append(predicate).append((shared ? shareLockClause() : " FOR UPDATE") + ") AS locked");
    }

    @Override
    String limitOffset(Integer limit, Integer offset) {
        String out = limit == null ? "" : " LIMIT " + limit;
        return offset == null ? out : out + " OFFSET " + offset;
    }

    @Override
    boolean insertReturning() {
        return true;
    }

    @Override
    String distinctFrom(String a, String b) {
        return a + " IS DISTINCT FROM " + b;
    }

    @Override
    String insensitiveLike(String column, String placeholder) {
        return column + " ILIKE " + placeholder + likeEscape();
    }

    @Override
    boolean nullsFirstInAscendingOrder() {
        return false;
    }

    @Override
    String arrayElementType(ScalarField field) {
        ScalarKind kind = field.scalarKind();
        if (kind == null) {
            return "text";
        }
        return switch (kind) {
            case INT -> "int4";
            case BIG_INT -> "int8";
            case FLOAT -> "float8";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "timestamp";
            case JSON -> "jsonb";
            case BYTES -> "bytea";
            default -> "text";
        };
    }

    @Override
    Object bind(ScalarField field, Object value) {
        if (value instanceof Instant instant) {
            String nativeType = nativeName(field);
            if (nativeType == null) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            return switch (nativeType) {
                case "Timestamptz" -> instant.atOffset(ZoneOffset.UTC);
                case "Date" -> LocalDate.ofInstant(instant, ZoneOffset.UTC);
                case "Time" -> LocalTime.ofInstant(instant, ZoneOffset.UTC);
                case "Timetz" -> OffsetTime.ofInstant(instant, ZoneOffset.UTC);
                default -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            };
        }
        return value;
    }

    private static String nativeName(ScalarField field) {
        NativeType nativeType = field.nativeType();
        return nativeType == null ? null : nativeType.name();
    }

    @Override
    Object read(ResultSet rs, int index, ScalarField field) throws SQLException {
        if (field.arity().isList()) {
            return readArray(rs, index);
        }
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
        String nativeType = nativeName(field);
        if (nativeType == null) {
            LocalDateTime t = rs.getObject(index, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        }
        switch (nativeType) {
            case "Timestamptz": {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case "Date": {
                LocalDate d = rs.getObject(index, LocalDate.class);
                return d == null ? null : d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            case "Time": {
                LocalTime t = rs.getObject(index, LocalTime.class);
                return t == null ? null : t.atDate(LocalDate.EPOCH).toInstant(ZoneOffset.UTC);
            }
            case "Timetz": {
                OffsetTime t = rs.getObject(index, OffsetTime.class);
                return t == null ? null : t.atDate(LocalDate.EPOCH).toInstant();
            }
            default: {
                LocalDateTime t = rs.getObject(index, LocalDateTime.class);
                return t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
        }
    }

    @Override
    Violation violation(SQLException error) {
        String state = error.getSQLState();
        if (state == null) {
            return null;
        }
        ServerErrorMessage server = error instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        return switch (state) {
            case "23505" -> new Violation.Unique(constraint, detailColumns(server));
            case "23503", "23001" -> new Violation.ForeignKey(constraint, List.of());
            case "23502" -> new Violation.NotNull(server == null ? null : server.getColumn());
            default -> null;
        };
    }

    private static List<String> detailColumns(ServerErrorMessage server) {
        List<String> columns = new ArrayList<>();
        if (server != null && server.getDetail() != null) {
            Matcher m = KEY_DETAIL.matcher(server.getDetail());
            if (m.find()) {
                for (String column : m.group(1).split(",")) {
                    String c = column.strip();
                    if (c.startsWith("\"") && c.endsWith("\"") && c.length() > 1) {
                        c = c.substring(1, c.length() - 1).replace("\"\"", "\"");
                    }
                    columns.add(c);
                }
            }
        }
        return columns;
    }

    @Override
    boolean isRetryable(SQLException error) {
        String state = error.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }
}
