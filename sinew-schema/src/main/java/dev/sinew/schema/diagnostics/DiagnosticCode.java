package dev.sinew.schema.diagnostics;

/**
 * Sinew's stable identifiers for the rules behind diagnostics. The message texts follow Prisma's; the codes are
 * Sinew's own, so that tools and tests can match a rule without matching prose.
 */
public enum DiagnosticCode {
    // syntax (parser)
    SYNTAX_INVALID_LINE("S001"),
    SYNTAX_INVALID_BLOCK("S002"),
    SYNTAX_INVALID_BLOCK_LINE("S003"),
    SYNTAX_INVALID_FIELD("S004"),
    SYNTAX_LEGACY("S005"),
    SYNTAX_TYPE_ALIAS("S006"),
    SYNTAX_INVALID_STRING("S007");

    private final String id;

    DiagnosticCode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
