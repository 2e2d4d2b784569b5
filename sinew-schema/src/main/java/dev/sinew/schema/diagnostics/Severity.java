package dev.sinew.schema.diagnostics;

/** How bad a diagnostic is: an error stops the schema from being used, a warning does not. */
public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
