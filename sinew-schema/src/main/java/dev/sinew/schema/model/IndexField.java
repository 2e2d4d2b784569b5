package dev.sinew.schema.model;

/**
 * One field of an index, unique constraint or primary key.
 *
 * @param name          the field's name in the model (a dotted path for composite type fields on MongoDB)
 * @param sortOrder     {@code sort:}, or null when not given
 * @param length        {@code length:} (MySQL prefix length), or null
 * @param operatorClass {@code ops:} (PostgreSQL operator class), or null
 */
public record IndexField(String name, SortOrder sortOrder, Integer length, String operatorClass) {
    public static IndexField of(String name) {
        return new IndexField(name, null, null, null);
    }
}
