package dev.sinew.client;

import dev.sinew.schema.model.ScalarField;
import dev.sinew.schema.model.ScalarKind;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One column change of an UPDATE: set a value, one of Prisma's atomic number operations on the current value, or
 * values pushed onto a scalar list.
 *
 * @param field what changes
 * @param op    how
 * @param value the canonical operand (the new value for SET, possibly null)
 */
record Assignment(ScalarField field, Op op, Object value) {

    enum Op { SET, INCREMENT, DECREMENT, MULTIPLY, DIVIDE, PUSH }

    /** The new value as SQL over the current column ({@code column} is qualified as the statement needs). */
    Sql expression(Session session, String column) {
        Object param = session.param(field, value);
        return switch (op) {
            case SET -> new Sql().param(param);
            case INCREMENT -> new Sql("(" + column + " + ").param(param).append(")");
            case DECREMENT -> new Sql("(" + column + " - ").param(param).append(")");
            case MULTIPLY -> new Sql("(" + column + " * ").param(param).append(")");
            case DIVIDE -> new Sql().param(session.dialect.divide(column, "?", field.scalarKind() == ScalarKind.INT
                    || field.scalarKind() == ScalarKind.BIG_INT), param);
            case PUSH -> new Sql("(" + column + " || ").param(param).append(")"); // a null list takes the values
        };
    }

    /** The same change applied to another column (a foreign key that follows its referenced key). */
    Assignment onField(ScalarField other) {
        return new Assignment(other, op, value);
    }

    /** The value after this change, computed by the client from the current one (for keys it must know). */
    Object apply(Object current) {
        if (op == Op.SET) {
            return value;
        }
        if (op == Op.PUSH) {
            java.util.List<Object> joined = new java.util.ArrayList<>();
            if (current != null) {
                joined.addAll((java.util.List<?>) current);
            }
            joined.addAll((java.util.List<?>) value);
            return joined;
        }
        if (current == null || value == null) {
            return null;
        }
        ScalarKind kind = field.scalarKind();
        if (kind == ScalarKind.INT || kind == ScalarKind.BIG_INT) {
            long a = ((Number) current).longValue();
            long b = ((Number) value).longValue();
            long r = switch (op) {
                case INCREMENT -> a + b;
                case DECREMENT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                default -> throw new IllegalStateException();
            };
            return kind == ScalarKind.INT ? (Object) (int) r : (Object) r;
        }
        if (kind == ScalarKind.DECIMAL) {
            BigDecimal a = (BigDecimal) current;
            BigDecimal b = (BigDecimal) value;
            return switch (op) {
                case INCREMENT -> a.add(b);
                case DECREMENT -> a.subtract(b);
                case MULTIPLY -> a.multiply(b);
                case DIVIDE -> a.divide(b, MathContext.DECIMAL128);
                default -> throw new IllegalStateException();
            };
        }
        double a = ((Number) current).doubleValue();
        double b = ((Number) value).doubleValue();
        return switch (op) {
            case INCREMENT -> a + b;
            case DECREMENT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            default -> throw new IllegalStateException();
        };
    }
}
