package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;
import java.util.List;

/**
 * A composite {@code type} block (MongoDB embedded documents).
 *
 * @param name          the type's name
 * @param fields        its fields in order (scalars, enums and other composites)
 * @param documentation the {@code ///} comments, or null
 * @param span          the whole block
 */
public record CompositeType(String name, List<ScalarField> fields, String documentation, Span span) {
    public CompositeType {
        fields = List.copyOf(fields);
    }
}
