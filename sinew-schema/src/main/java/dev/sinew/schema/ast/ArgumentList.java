package dev.sinew.schema.ast;

import java.util.List;

/** The parenthesised arguments of an attribute or function call. */
public record ArgumentList(List<Argument> arguments, boolean trailingComma, Span span) {
    public ArgumentList {
        arguments = List.copyOf(arguments);
    }
}
