package dev.sinew.sql;

/** Whether a column holds one required value, one optional value, or a list (PostgreSQL arrays). */
public enum Arity {
    REQUIRED, NULLABLE, LIST;

    public boolean isRequired() {
        return this == REQUIRED;
    }

    public boolean isList() {
        return this == LIST;
    }
}
