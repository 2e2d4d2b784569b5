package dev.sinew.schema.ast;

import java.util.List;

/** A value in an attribute argument or a datasource/generator property. */
public sealed interface Expression {
    Span span();

    /** A string in double quotes; {@code value} has its escapes resolved, {@code raw} is the source text. */
    record StringValue(String value, String raw, Span span) implements Expression {
        @Override
        public String describe() {
            return "string";
        }
    }

    /** An integer or decimal number as written. */
    record NumericValue(String raw, Span span) implements Expression {
        @Override
        public String describe() {
            return "numeric";
        }
    }

    /** A bare name such as {@code Cascade}, {@code true} or {@code sort.Desc}. */
    record ConstantValue(String value, Span span) implements Expression {
        @Override
        public String describe() {
            return "constant";
        }
    }

    /** {@code name(args)}, such as {@code env("DATABASE_URL")} or {@code autoincrement()}. */
    record FunctionCall(String name, ArgumentList arguments, Span span) implements Expression {
        @Override
        public String describe() {
            return "function";
        }
    }

    /** {@code [a, b, c]}. */
    record ArrayValue(List<Expression> items, Span span) implements Expression {
        @Override
        public String describe() {
            return "array";
        }
    }

    /** A short human description of the kind of value, as used in error messages. */
    String describe();
}
