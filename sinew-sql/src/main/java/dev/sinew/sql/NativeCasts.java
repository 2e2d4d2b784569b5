package dev.sinew.sql;

import dev.sinew.sql.ColumnType.Family;
import dev.sinew.sql.MigrationStep.TypeChange;

/**
 * How databases convert a column from one type to another: without loss, with possible loss, or not at all (the
 * column is dropped and recreated). The rules follow what each database's ALTER COLUMN accepts.
 */
final class NativeCasts {

    private NativeCasts() {
    }

    /** PostgreSQL and CockroachDB. */
    static TypeChange postgres(ColumnType from, ColumnType to) {
        return generic(from, to);
    }

    /** MySQL: MODIFY converts between most types, so little needs recreating. */
    static TypeChange mysql(ColumnType from, ColumnType to) {
        TypeChange change = generic(from, to);
        if (change == TypeChange.NOT_CASTABLE && from.family() != Family.UNSUPPORTED
                && to.family() != Family.UNSUPPORTED) {
            return TypeChange.RISKY;
        }
        return change;
    }

    /** SQL Server. */
    static TypeChange sqlServer(ColumnType from, ColumnType to) {
        return generic(from, to);
    }

    private static TypeChange generic(ColumnType from, ColumnType to) {
        Family a = from.family();
        Family b = to.family();
        if (a == Family.UNSUPPORTED || b == Family.UNSUPPORTED) {
            return TypeChange.NOT_CASTABLE;
        }
        if (a == Family.ENUM || b == Family.ENUM) {
            if (a == Family.ENUM && b == Family.STRING) {
                return TypeChange.SAFE;
            }
            return TypeChange.NOT_CASTABLE;
        }
        if (b == Family.STRING) {
            if (a != Family.STRING) {
                return TypeChange.SAFE;
            }
            return textWidth(to) >= textWidth(from) ? TypeChange.SAFE : TypeChange.RISKY;
        }
        if (isNumber(a) && isNumber(b)) {
            return numberRank(to) >= numberRank(from) ? TypeChange.SAFE : TypeChange.RISKY;
        }
        if (a == b) {
            return TypeChange.RISKY;
        }
        if (a == Family.BOOLEAN && isNumber(b)) {
            return TypeChange.RISKY;
        }
        return TypeChange.NOT_CASTABLE;
    }

    private static boolean isNumber(Family f) {
        return f == Family.INT || f == Family.BIGINT || f == Family.FLOAT || f == Family.DECIMAL;
    }

    /** Integers widen into bigger integers, and every number into decimals and floats (with rounding, see below). */
    private static int numberRank(ColumnType t) {
        String n = t.nativeName() == null ? "" : t.nativeName();
        return switch (t.family()) {
            case INT -> switch (n) {
                case "TinyInt", "UnsignedTinyInt", "Int2", "SmallInt" -> n.startsWith("Tiny") ? 1 : 2;
                case "MediumInt" -> 3;
                default -> 4;
            };
            case BIGINT -> 5;
            case DECIMAL -> 6;
            case FLOAT -> n.equals("Real") || n.equals("Float4") ? 6 : 7;
            default -> 0;
        };
    }

    /** The number of characters a text type holds; unbounded types count as the largest. */
    private static long textWidth(ColumnType t) {
        String args = t.nativeArguments();
        if (args == null) {
            String n = t.nativeName() == null ? "" : t.nativeName();
            return switch (n) {
                case "TinyText" -> 255;
                                case "MediumText" -> 16_777_215;
                default -> Long.MAX_VALUE;
            };
        }
        try {
            return Long.parseLong(args.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
