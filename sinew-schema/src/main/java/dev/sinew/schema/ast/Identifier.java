package dev.sinew.schema.ast;

/** A name as written in the schema, with where it was written. */
public record Identifier(String name, Span span) {
    @Override
    public String toString() {
        return name;
    }
}
