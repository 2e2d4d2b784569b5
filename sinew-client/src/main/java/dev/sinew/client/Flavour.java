package dev.sinew.client;

import dev.sinew.schema.model.Provider;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Everything the client's SQL and JDBC handling does differently per database: identifier quoting, parameter
 * limits, row locks, LIMIT/OFFSET, insert-returning, conflict handling, value binding and reading, connection URLs,
 * and reading constraint violations and retryable failures from driver errors. One subclass per database.
 *
 * <p>These members are meant to move into the {@code Dialect} classes of sinew-sql; until then they live here so
 * that the client has no connector differences anywhere else.
 */
abstract class Flavour {

    static Flavour of(Provider provider) {
        return switch (provider) {
            case SQLITE -> new SqliteFlavour();
            case POSTGRESQL, COCKROACHDB -> new PostgresFlavour(provider == Provider.COCKROACHDB);
            case MYSQL -> new MySqlFlavour();
            default -> throw new SinewException(null, "The Sinew client does not support the " + provider.displayName()
                    + " provider.", java.util.Map.of());
        };
    }

    /** A JDBC URL with the driver properties for it. */
    record JdbcTarget(String url, Properties properties) {}

    // ------------------------------------------------------------------------------------------------------------
    // Connections

    /**
     * The JDBC target of a datasource URL as Prisma writes it ({@code postgresql://user:pw@host:5432/db},
     * {@code mysql://...}, {@code file:./dev.db}); {@code jdbc:} URLs are taken as they are.
     *
     * @param schemaDirectory the schema file's folder: relative SQLite paths are relative to it, as in Prisma
     */
    abstract JdbcTarget jdbcTarget(String url, Path schemaDirectory);

    /** Called once per new pooled connection. */
    void initialize(Connection connection) throws SQLException {
    }

    /** Prepares a connection for a write transaction (autocommit already off). */
    void beginWrite(Connection connection) throws SQLException {
    }

    // ------------------------------------------------------------------------------------------------------------
    // SQL shapes

    abstract String quote(String identifier);

    /** The most bind parameters one statement may carry. */
    abstract int maxParameters();

    /** Whether the database has row locks to take (SQLite has one writer per database instead). */
    boolean locksRows() {
        return true;
    }

    /** Appended to a SELECT that checks a referenced row exists, so that nobody deletes it or changes its key. */
    abstract String shareLockClause();

    /** Appended to a SELECT that reads rows about to be deleted or to have their key changed. */
    abstract String updateLockClause();

    /**
     * A statement that locks the rows of {@code table} matching {@code predicate} without sending them to the client:
     * for update (rows about to be deleted or to have their key changed), or shared (rows about to be referenced).
     */
    abstract Sql lockRows(String table, String alias, Sql predicate, boolean shared);

    /** Appended to the SELECT of a Restrict check so that it reads the latest committed rows. */
    String restrictCheckLockClause() {
        return "";
    }

    /** {@code LIMIT}/{@code OFFSET} with literal numbers; either may be null. */
    abstract String limitOffset(Integer limit, Integer offset);

    /** Whether {@code INSERT ... RETURNING} is available. */
    abstract boolean insertReturning();

    /** The INSERT keyword with the conflict-ignoring variant ({@code INSERT IGNORE} on MySQL). */
    String insertIgnoreKeyword() {
        return "INSERT";
    }

    /** What follows the VALUES of an INSERT that skips rows conflicting with a unique constraint. */
    String onConflictDoNothing() {
        return " ON CONFLICT DO NOTHING";
    }

    /** A predicate true when two values differ, NULL counting as a value. */
    abstract String distinctFrom(String a, String b);

    /** The ESCAPE clause of a LIKE whose pattern escapes with a backslash. */
    String likeEscape() {
        return " ESCAPE '\\'";
    }

    /** Case-insensitive LIKE. */
    String insensitiveLike(String column, String placeholder) {
        return "LOWER(" + column + ") LIKE LOWER(" + placeholder + ")" + likeEscape();
    }

    /** Case-insensitive comparison for {@code mode: 'insensitive'}. */
    String insensitive(String expression) {
        return "LOWER(" + expression + ")";
    }

    /** An ORDER BY item; {@code nulls} is "first", "last" or null for the database's default. */
    String orderItem(String expression, boolean descending, String nulls) {
        String item = expression + (descending ? " DESC" : " ASC");
        if (nulls != null) {
            item += nulls.equals("first") ? " NULLS FIRST" : " NULLS LAST";
        }
        return item;
    }

    /** Whether NULL sorts before every value in ascending order when no {@code nulls} is given. */
    abstract boolean nullsFirstInAscendingOrder();

    /** Division as the field's type divides (integers truncate). */
    String divide(String a, String b, ScalarKind kind) {
        return "(" + a + " / " + b + ")";
    }

    /**
     * Whether an UPDATE or DELETE cannot read its own table in a sub-select (MySQL error 1093), so the client wraps
     * such sub-selects in a derived table.
     */
    boolean dmlCannotReadTargetTable() {
        return false;
    }

    /** {@code (a, b)} for several expressions, {@code a} alone for one. */
    static String tuple(List<String> items) {
        return items.size() == 1 ? items.get(0) : "(" + String.join(", ", items) + ")";
    }

    /**
     * {@code lhs IN (...)} with {@code rows} rows of {@code width} placeholders: {@code a IN (?, ?)} for one column,
     * {@code (a, b) IN ((?, ?), (?, ?))} for several.
     */
    String inList(String lhs, int width, int rows) {
        StringBuilder out = new StringBuilder(lhs).append(" IN (");
        String row = width == 1 ? "?" : "(" + "?, ".repeat(width - 1) + "?)";
        for (int i = 0; i < rows; i++) {
            out.append(i == 0 ? "" : ", ").append(row);
        }
        return out.append(')').toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Values

    /** The value to bind for a canonical client value of the field ({@link Values}). */
    Object bind(ScalarField field, Object value) {
        if (value instanceof List<?>) {
            return value; // arrays are bound by the session through Connection.createArrayOf
        }
        return value;
    }

    /** The SQL type name of a scalar list's element, for {@code createArrayOf}. */
    String arrayElementType(ScalarField field) {
        throw new SinewException(null, "Scalar lists are not supported by this database.", java.util.Map.of());
    }

    /** Reads one column as the field's canonical client value. */
    abstract Object read(ResultSet rs, int index, ScalarField field) throws SQLException;

    /** Reads a count or other number computed by the database. */
    long readLong(ResultSet rs, int index) throws SQLException {
        return rs.getLong(index);
    }

    protected static Object readArray(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        Object[] items = (Object[]) array.getArray();
        List<Object> out = new ArrayList<>(items.length);
        java.util.Collections.addAll(out, items);
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Errors

    /** A constraint the database refused a write for. */
    sealed interface Violation {
        record Unique(String constraint, List<String> columns) implements Violation {}

        record ForeignKey(String constraint, List<String> columns) implements Violation {}

        record NotNull(String column) implements Violation {}
    }

    /** The constraint a driver error reports, or null. */
    abstract Violation violation(SQLException error);

    /** Whether retrying the whole transaction may succeed: deadlock, serialization failure, busy database. */
    abstract boolean isRetryable(SQLException error);

    // ------------------------------------------------------------------------------------------------------------
    // helpers for subclasses

    protected static String stripQuery(String s) {
        int q = s.indexOf('?');
        return q < 0 ? s : s.substring(0, q);
    }

    protected static String queryOf(String s) {
        int q = s.indexOf('?');
        return q < 0 ? "" : s.substring(q + 1);
    }
}
