package dev.sinew.schema.ast;

import java.util.List;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(255)}) or block attribute ({@code @@index([a])}); the name is
 * the path after the {@code @} signs. {@code arguments} is null when no parentheses were written.
 */
public record Attribute(String name, Span nameSpan, ArgumentList arguments, Span span) {
    public List<Argument> argumentsOrEmpty() {
        return arguments == null ? List.of() : arguments.arguments();
    }
}
