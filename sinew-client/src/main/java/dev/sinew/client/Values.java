package dev.sinew.client;

import dev.sinew.schema.model.Datamodel;
import dev.sinew.schema.model.EnumType;
import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import dev.sinew.schema.model.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The client's value types and the conversion of what callers pass into them.
 *
 * <p>Int → Integer, BigInt → Long, Float → Double, Decimal → BigDecimal, Boolean, String, DateTime → Instant
 * (accepting Instant, OffsetDateTime, ZonedDateTime, java.util.Date, LocalDateTime (as UTC) and ISO-8601 strings),
 * Json → String holding the JSON text, Bytes → byte[], enum → the value's name as a String (a Java enum constant is
 * accepted by its name), lists of those for scalar lists.
 */
final class Values {
    private final Datamodel datamodel;

    Values(Datamodel datamodel) {
        this.datamodel = datamodel;
    }

    /**
     * The canonical value of {@code value} for the field, or a validation error naming the argument.
     * Null stays null; the caller decides whether the field accepts it.
     */
    Object coerce(ScalarField field, Object value, String argument) {
        if (value == null) {
            return null;
        }
        if (field.arity().isList()) {
            List<Object> items = Args.list(value, argument, field.type().schemaName() + "[]", false);
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(coerceOne(field, item, argument));
            }
            return out;
        }
        return coerceOne(field, value, argument);
    }

    /** Coerces one item, ignoring the field's list arity (used for list filters such as {@code has}). */
    Object coerceOne(ScalarField field, Object value, String argument) {
        if (value == null) {
            return null;
        }
        if (field.type() instanceof ScalarType.EnumRef ref) {
            String name = value instanceof Enum<?> e ? e.name() : value instanceof String s ? s : null;
            EnumType enumType = datamodel.enumType(ref.enumName()).orElse(null);
            if (name == null || enumType == null
                    || enumType.values().stream().noneMatch(v -> v.name().equals(name))) {
                throw Args.invalidValue(argument, ref.enumName(), value);
            }
            return name;
        }
        ScalarKind kind = field.scalarKind();
        if (kind == null) {
            throw Errors.invalid("Field `" + field.name() + "` of type " + field.type().schemaName()
                    + " cannot be written by the client.");
        }
        Object out = coerceKind(kind, value);
        if (out == null) {
            throw Args.invalidValue(argument, kind.schemaName(), value);
        }
        return out;
    }

    /** The value as the kind's Java type, or null when it cannot be one. */
    static Object coerceKind(ScalarKind kind, Object value) {
        switch (kind) {
            case STRING:
                return value instanceof String ? value : null;
            case BOOLEAN:
                return value instanceof Boolean ? value : null;
            case INT:
                if (isIntegral(value)) {
                    BigInteger big = toBigInteger(value);
                    if (big.bitLength() < 32) {
                        return big.intValue();
                    }
                }
                return null;
            case BIG_INT:
                if (isIntegral(value)) {
                    BigInteger big = toBigInteger(value);
                    if (big.bitLength() < 64) {
                        return big.longValue();
                    }
                }
                return null;
            case FLOAT:
                if (value instanceof Number n && !(value instanceof BigDecimal)) {
                    return n.doubleValue();
                }
                if (value instanceof BigDecimal d) {
                    return d.doubleValue();
                }
                return null;
            case DECIMAL:
                if (value instanceof BigDecimal d) {
                    return d;
                }
                if (isIntegral(value)) {
                    return new BigDecimal(toBigInteger(value));
                }
                if (value instanceof Double || value instanceof Float) {
                    double d = ((Number) value).doubleValue();
                    return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
                }
                if (value instanceof String s) {
                    try {
                        return new BigDecimal(s.strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
            case DATE_TIME:
                return toInstant(value);
            case JSON:
                return value instanceof String ? value : null;
            case BYTES:
                return value instanceof byte[] ? value : null;
            default:
                return null;
        }
    }

    static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static BigInteger toBigInteger(Object value) {
        return value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    }

    /** An instant from the date-time forms the client accepts, or null. */
    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof String s) {
            return parseInstant(s);
        }
        return null;
    }

    /** ISO-8601 with an offset or Z, or SQLite's {@code YYYY-MM-DD HH:MM:SS[.SSS]} in UTC; null when neither. */
    static Instant parseInstant(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date alone
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The stored name of an enum value ({@code @map}), from the client's name. */
    String storedEnumValue(ScalarField field, String name) {
        if (field.type() instanceof ScalarType.EnumRef ref) {
            EnumType enumType = datamodel.enumType(ref.enumName()).orElse(null);
            if (enumType != null) {
                for (EnumType.Value value : enumType.values()) {
                    if (value.name().equals(name)) {
                        return value.storedName();
                    }
                }
            }
        }
        return name;
    }

    /** The database type name of an enum field's enum. */
    String enumTypeName(ScalarField field) {
        if (field.type() instanceof ScalarType.EnumRef ref) {
            return datamodel.enumType(ref.enumName()).map(EnumType::typeName).orElse(ref.enumName());
        }
        return "text";
    }

    /** The client's name of an enum value read from the database. */
    String enumValueName(ScalarField field, String stored) {
        if (stored != null && field.type() instanceof ScalarType.EnumRef ref) {
            EnumType enumType = datamodel.enumType(ref.enumName()).orElse(null);
            if (enumType != null) {
                for (EnumType.Value value : enumType.values()) {
                    if (value.storedName().equals(stored)) {
                        return value.name();
                    }
                }
            }
        }
        return stored;
    }
}
