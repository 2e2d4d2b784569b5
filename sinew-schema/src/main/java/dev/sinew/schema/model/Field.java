package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;

/** A field of a model, view or composite type: a {@link ScalarField} or a {@link RelationField}. */
public sealed interface Field permits ScalarField, RelationField {
    String name();

    FieldArity arity();

    /** Whether {@code @ignore} excludes the field from the client. */
    boolean ignored();

    /** The {@code ///} comments of the field, or null. */
    String documentation();

    /** The field's line. */
    Span span();
}
