package dev.sinew.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reading Prisma-shaped argument maps, with Prisma's validation messages for what does not fit. */
final class Args {
    private Args() {
    }

    /** Refuses keys not in {@code allowed}: "Unknown argument `wher`. Did you mean `where`? ..." */
    static void allowOnly(Map<String, ?> args, Collection<String> allowed, String where) {
        for (String key : args.keySet()) {
            if (!allowed.contains(key)) {
                throw Errors.invalid("Unknown argument `" + key + "`" + (where == null ? "" : " in " + where) + "."
                        + Hints.didYouMean(key, allowed) + " Available options: " + String.join(", ", allowed)
                        + ".");
            }
        }
    }

    /** The value as an argument map, or a validation error naming what was expected. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String argument, String expected) {
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw invalidValue(argument, expected, value);
                }
            }
            return (Map<String, Object>) map;
        }
        throw invalidValue(argument, expected, value);
    }

    /** A map, or null when absent. */
    static Map<String, Object> optionalMap(Map<String, Object> args, String key, String expected) {
        Object value = args.get(key);
        return value == null ? null : map(value, key, expected);
    }

    /** A list; a single map stands for a list of one where Prisma allows it ({@code create: {...}}). */
    static List<Object> list(Object value, String argument, String expected, boolean singleAllowed) {
        if (value instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> out = (List<Object>) list;
            return out;
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        if (singleAllowed && value != null) {
            return List.of(value);
        }
        throw invalidValue(argument, expected, value);
    }

    static boolean bool(Object value, String argument) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalidValue(argument, "Boolean", value);
    }

    static Integer optionalInt(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long l = ((Number) value).longValue();
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        throw invalidValue(key, "Int", value);
    }

    static SinewException invalidValue(String argument, String expected, Object provided) {
        return Errors.invalid("Argument `" + argument + "`: Invalid value provided. Expected " + expected
                + ", provided " + typeName(provided) + ".");
    }

    static SinewException missing(String argument, String context) {
        return Errors.invalid("Argument `" + argument + "` is missing" + (context == null ? "" : " in " + context)
                + ".");
    }

    /** The name Prisma's messages give a provided value's type. */
    static String typeName(Object value) {
        if (value == null) {
            return "Null";
        }
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "Int";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "BigInt";
        }
        if (value instanceof Double || value instanceof Float) {
            return "Float";
        }
        if (value instanceof BigDecimal) {
            return "Decimal";
        }
        if (value instanceof TemporalAccessor || value instanceof Date) {
            return "DateTime";
        }
        if (value instanceof byte[]) {
            return "Bytes";
        }
        if (value instanceof Map) {
            return "Object";
        }
        if (value instanceof List || value instanceof Object[]) {
            return "List";
        }
        if (value instanceof Enum<?>) {
            return "Enum";
        }
        return value.getClass().getSimpleName();
    }
}
