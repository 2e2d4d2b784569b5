package dev.sinew.schema.ast;

/**
 * One argument of an attribute or function call: positional ({@code name == null}), named, or named with the
 * value missing ({@code value == null}, as in {@code @relation(fields: )} while typing).
 */
public record Argument(Identifier name, Expression value, Span span) {
    public boolean isNamed() {
        return name != null;
    }

    public boolean isEmpty() {
        return value == null;
    }
}
