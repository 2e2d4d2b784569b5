package dev.sinew.schema.model;

/** Whether a field holds exactly one value, at most one ({@code T?}), or a list ({@code T[]}). */
public enum FieldArity {
    REQUIRED, OPTIONAL, LIST;

    public boolean isRequired() {
        return this == REQUIRED;
    }

    public boolean isOptional() {
        return this == OPTIONAL;
    }

    public boolean isList() {
        return this == LIST;
    }
}
