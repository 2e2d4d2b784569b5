package dev.sinew.schema.model;

import dev.sinew.schema.ast.Span;

/**
 * A field that holds a value (not a relation).
 *
 * @param name          the field's name
 * @param databaseName  {@code @map("...")}, or null
 * @param arity         required, optional or list
 * @param type          what it holds
 * @param nativeType    {@code @db.X(...)}, or null
 * @param defaultValue  {@code @default(...)}, or null
 * @param defaultMap    {@code @default(..., map: "...")} (the default constraint's name), or null
 * @param updatedAt     {@code @updatedAt}
 * @param ignored       {@code @ignore}
 * @param id            {@code @id} on this field
 * @param unique        {@code @unique} on this field
 * @param documentation the {@code ///} comments, or null
 * @param span          the field's line
 */
public record ScalarField(String name, String databaseName, FieldArity arity, ScalarType type, NativeType nativeType,
                          DefaultValue defaultValue, String defaultMap, boolean updatedAt, boolean ignored,
                          boolean id, boolean unique, String documentation, Span span) implements Field {

    /** The column (or document key) name: {@code @map} or the field's name. */
    public String columnName() {
        return databaseName != null ? databaseName : name;
    }

    /** The built-in scalar kind, or null for enums, composites and unsupported types. */
    public ScalarKind scalarKind() {
        return type instanceof ScalarType.Builtin builtin ? builtin.kind() : null;
    }

    public boolean isEnum() {
        return type instanceof ScalarType.EnumRef;
    }

    public boolean isComposite() {
        return type instanceof ScalarType.CompositeRef;
    }

    public boolean isUnsupported() {
        return type instanceof ScalarType.Unsupported;
    }
}
