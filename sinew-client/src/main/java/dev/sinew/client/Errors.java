package dev.sinew.client;

import dev.sinew.schema.model.Relation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prisma's error texts, in one place. */
final class Errors {
    private static final String NOT_FOUND =
            "An operation failed because it depends on one or more records that were required but not found. ";

    private Errors() {
    }

    static SinewException uniqueViolation(String model, List<String> fields, String constraint, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        String message;
        if (!fields.isEmpty()) {
            meta.put("target", List.copyOf(fields));
            message = "Unique constraint failed on the fields: (" + backticked(fields) + ")";
        } else if (constraint != null) {
            meta.put("target", constraint);
            message = "Unique constraint failed on the constraint: `" + constraint + "`";
        } else {
            message = "Unique constraint failed";
        }
        return new SinewException("P2002", message, meta, cause);
    }

    /**
     * A reference to a record that does not exist: the database's foreign key refused it, or the emulation's check
     * on create or update found no referenced record.
     */
    static SinewException foreignKeyViolation(String model, String constraint, List<String> fields, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        String message;
        if (constraint != null) {
            meta.put("constraint", constraint);
            message = "Foreign key constraint violated on the constraint: `" + constraint + "`";
        } else if (!fields.isEmpty()) {
            meta.put("constraint", List.copyOf(fields));
            message = "Foreign key constraint violated on the fields: (" + backticked(fields) + ")";
        } else {
            message = "Foreign key constraint violated on the foreign key";
        }
        return new SinewException("P2003", message, meta, cause);
    }

    static SinewException nullViolation(String model, String column, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        String message;
        if (column != null) {
            meta.put("constraint", List.of(column));
            message = "Null constraint violation on the fields: (`" + column + "`)";
        } else {
            message = "Null constraint violation";
        }
        return new SinewException("P2011", message, meta, cause);
    }

    /** P2000: a value longer than its column's type allows; {@code column} null where the database does not say. */
    static SinewException valueTooLong(String model, String column, Throwable cause) {
        String name = column == null ? "(not available)" : column;
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("column_name", name);
        return new SinewException("P2000", "The provided value for the column is too long for the column's type."
                + " Column: " + name, meta, cause);
    }

    /** P2020: a number outside its column's type, in the database's words. */
    static SinewException valueOutOfRange(String model, String detail, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("details", detail);
        return new SinewException("P2020", "Value out of range for the type: " + detail, meta, cause);
    }

    /**
     * P2014: a change that a Restrict (or NoAction) relation forbids, or that would leave a required relation
     * without its record. {@code model} is the model of the call.
     */
    static SinewException relationViolation(String model, Relation relation) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("relation", relation.name());
        meta.put("modelA", relation.modelA());
        meta.put("modelB", relation.modelB());
        return new SinewException("P2014", "The change you are trying to make would violate the required relation '"
                + relation.name() + "' between the `" + relation.modelA() + "` and `" + relation.modelB()
                + "` models.", meta);
    }

    /** P2025 for update, delete and the OrThrow reads: {@code operation} is "an update", "a delete", "a query". */
    static SinewException recordNotFound(String model, String operation) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("operation", operation);
        return new SinewException("P2025", NOT_FOUND + "No record was found for " + operation + ".", meta);
    }

    /**
     * P2025 for a nested write that needs a related record: {@code operation} is "a nested connect",
     * "a nested update", ...; {@code neededFor} names why (Prisma's "(needed to inline the relation on 'Post'
     * record(s))"), or null.
     */
    static SinewException relatedRecordNotFound(String model, String relatedModel, Relation relation,
                                                String operation, String neededFor) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("model", relatedModel);
        meta.put("relation", relation.name());
        meta.put("relationType", relationType(relation));
        meta.put("operation", operation);
        if (neededFor != null) {
            meta.put("neededFor", neededFor);
        }
        return new SinewException("P2025", NOT_FOUND + "No '" + relatedModel + "' record"
                + (neededFor == null ? "" : " (" + neededFor + ")") + " was found for " + operation + " on "
                + relationType(relation) + " relation '" + relation.name() + "'.", meta);
    }

    /** P2018: a list connect on a one-to-many relation found fewer records than it named. */
    static SinewException connectedRecordsNotFound(String model, Relation relation, int expected, int found) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("expectedRows", expected);
        meta.put("relation", relation.name());
        meta.put("relationType", relationType(relation));
        return new SinewException("P2018", "The required connected records were not found. Expected " + expected
                + " records to be connected after connect operation on " + relationType(relation) + " relation '"
                + relation.name() + "', found " + found + ".", meta);
    }

    /** P2025 for a many-to-many connect: "Expected 1 records to be connected, found only 0." */
    static SinewException expectedRecords(String model, int expected, int found) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("expectedRows", expected);
        return new SinewException("P2025", NOT_FOUND + "Expected " + expected + " records to be connected, found only "
                + found + ".", meta);
    }

    /** P2017: a nested delete named a record that is not connected to the parent. */
    static SinewException notConnected(String model, Relation relation, String parent, String child) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("modelName", model);
        meta.put("relation", relation.name());
        meta.put("parent", parent);
        meta.put("child", child);
        return new SinewException("P2017", "The records for relation `" + relation.name() + "` between the `"
                + parent + "` and `" + child + "` models are not connected.", meta);
    }

    static SinewException writeConflict(Throwable cause) {
        return new SinewException("P2034",
                "Transaction failed due to a write conflict or a deadlock. Please retry your transaction",
                Map.of(), cause);
    }

    /** An invalid argument: Prisma Client's validation error, with the query engine's code P2009. */
    static SinewException invalid(String message) {
        return new SinewException("P2009", message, Map.of());
    }

    static SinewException rawQueryFailed(String sqlState, String message, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("code", sqlState == null ? "N/A" : sqlState);
        meta.put("message", message);
        return new SinewException("P2010", "Raw query failed. Code: `" + (sqlState == null ? "N/A" : sqlState)
                + "`. Message: `" + message + "`", meta, cause);
    }

    /** P2023: an isolation level the database refuses (SQLite: all but SERIALIZABLE), in Prisma's text. */
    static SinewException isolationLevelRefused(IsolationLevel level) {
        return new SinewException("P2023", "Error in connector: Conversion error: " + level.sql(),
                Map.of("level", level.sql()));
    }

    /**
     * P2026: an emulated write that must find the records referencing those it changes, in a transaction whose
     * statements read its snapshot ({@code relationEnd}: the first such relation field, or join table).
     */
    static SinewException emulationNeedsLatestRows(IsolationLevel level, String relationEnd) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("feature", "relationMode = \"prisma\" at " + level.sql());
        meta.put("relation", relationEnd);
        return new SinewException("P2026", "The current database provider doesn't support a feature that the query"
                + " used: relationMode = \"prisma\" in a transaction at " + level.sql() + ", for a write that must find"
                + " the records referencing the ones it changes (`" + relationEnd + "`). At this level its statements"
                + " would read the transaction's snapshot and miss the records other transactions add meanwhile; run"
                + " this write in a transaction at READ COMMITTED.", meta);
    }

    /** P2024: no connection of the pool came free in time; the timeout in seconds, as Prisma's text gives it. */
    static SinewException poolTimeout(java.time.Duration timeout, int connectionLimit, Throwable cause) {
        String seconds = java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("connection_limit", connectionLimit);
        meta.put("timeout", seconds);
        return new SinewException("P2024", "Timed out fetching a new connection from the connection pool. More info:"
                + " http://pris.ly/d/connection-pool (Current connection pool timeout: " + seconds
                + ", connection limit: " + connectionLimit + ")", meta, cause);
    }

    /** P2019: an argument the query cannot be built from. */
    static SinewException inputError(String details) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("details", details);
        return new SinewException("P2019", "Input error. " + details, meta);
    }

    static SinewException database(String sqlState, String message, Throwable cause) {
        Map<String, Object> meta = new LinkedHashMap<>();
        if (sqlState != null) {
            meta.put("sqlState", sqlState);
        }
        return new SinewException(null, "Database error: " + message, meta, cause);
    }

    static String relationType(Relation relation) {
        return switch (relation.kind()) {
            case ONE_TO_ONE -> "one-to-one";
            case ONE_TO_MANY -> "one-to-many";
            case MANY_TO_MANY -> "many-to-many";
        };
    }

    static String backticked(Collection<String> names) {
        return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(","));
    }
}
