package dev.sinew.schema.validate;

import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/** Reads attribute argument values as the expected kind, reporting Prisma's "Expected a ... value" errors. */
final class Coerce {
    private final Errors errors;

    Coerce(Errors errors) {
        this.errors = errors;
    }

    String string(Expression value) {
        if (value instanceof Expression.StringValue s) {
            return s.value();
        }
        mismatch("string", value);
        return null;
    }

    /** A bare name ({@code Cascade}, {@code Desc}). */
    String constant(Expression value) {
        if (value instanceof Expression.ConstantValue c) {
            return c.value();
        }
        mismatch("constant", value);
        return null;
    }

    Boolean bool(Expression value) {
        if (value instanceof Expression.ConstantValue c && (c.value().equals("true") || c.value().equals("false"))) {
            return Boolean.valueOf(c.value());
        }
        mismatch("boolean", value);
        return null;
    }

    Long integer(Expression value) {
        if (value instanceof Expression.NumericValue n) {
            try {
                return Long.parseLong(n.raw());
            } catch (NumberFormatException e) {
                // falls through to the error, as Prisma's i64 parse does
            }
        }
        mismatch("numeric", value);
        return null;
    }

    /** A list of constants; a single constant counts as a list of one. Null after an error. */
    List<String> constantArray(Expression value) {
        List<Expression> items = value instanceof Expression.ArrayValue array ? array.items() : List.of(value);
        List<String> out = new ArrayList<>(items.size());
        boolean ok = true;
        for (Expression item : items) {
            if (item instanceof Expression.ConstantValue c) {
                out.add(c.value());
            } else {
                mismatch("constant", item);
                ok = false;
            }
        }
        return ok ? out : null;
    }

    /** A list of strings; a single string counts as a list of one. Null after an error. */
    List<String> stringArray(Expression value) {
        List<Expression> items = value instanceof Expression.ArrayValue array ? array.items() : List.of(value);
        List<String> out = new ArrayList<>(items.size());
        boolean ok = true;
        for (Expression item : items) {
            String s = string(item);
            if (s == null) {
                ok = false;
            } else {
                out.add(s);
            }
        }
        return ok ? out : null;
    }

    void mismatch(String expected, Expression value) {
        errors.error(DiagnosticCode.VALUE_TYPE_MISMATCH, "Expected a" + (startsWithVowel(expected) ? "n " : " ")
                + expected + " value, but received " + describe(value) + " value `" + Expressions.render(value)
                + "`.", value.span());
    }

    static String describe(Expression value) {
        if (value instanceof Expression.StringValue) {
            return "string";
        } else if (value instanceof Expression.NumericValue) {
            return "numeric";
        } else if (value instanceof Expression.ConstantValue) {
            return "literal";
        } else if (value instanceof Expression.FunctionCall) {
            return "functional";
        }
        return "array";
    }

    private static boolean startsWithVowel(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0;
    }
}
