package dev.sinew.schema.model;

/** The order of a column in an index or primary key ({@code sort: Desc}). */
public enum SortOrder {
    ASC("Asc"), DESC("Desc");

    private final String schemaName;

    SortOrder(String schemaName) {
        this.schemaName = schemaName;
    }

    public String schemaName() {
        return schemaName;
    }
}
