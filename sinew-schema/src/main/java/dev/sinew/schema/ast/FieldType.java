package dev.sinew.schema.ast;

/**
 * The type of a field as written. {@code base} is the type name or the raw {@code Unsupported("…")} text;
 * {@code unsupported} holds the string inside {@code Unsupported(…)} when that form was used.
 */
public record FieldType(String base, String unsupported, Arity arity, Syntax syntax, Span span, Span baseSpan) {

    public enum Arity { REQUIRED, OPTIONAL, LIST }

    /** The spelling, kept so that the formatter and the validator can treat legacy forms as Prisma does. */
    public enum Syntax {
        /** {@code T} */ PLAIN,
        /** {@code T?} */ OPTIONAL,
        /** {@code T[]} */ LIST,
        /** {@code T[]?}: accepted by the grammar, refused by the validator. */ OPTIONAL_LIST,
        /** {@code T!} (Prisma 1). */ LEGACY_REQUIRED,
        /** {@code [T]} (Prisma 1). */ LEGACY_LIST
    }

    public boolean isUnsupported() {
        return unsupported != null;
    }
}
