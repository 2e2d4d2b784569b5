package dev.sinew.schema.ast;

/**
 * One comment. For {@link Kind#LINE} and {@link Kind#DOC} the content is what follows {@code //} or {@code ///}
 * up to the end of the line; for {@link Kind#MULTI_LINE} it is the whole {@code /* … *}{@code /} text.
 */
public record Comment(Kind kind, String content, Span span) {
    public enum Kind { LINE, DOC, MULTI_LINE }

    /** The comment as it was written, without its leading indentation. */
    public String text() {
        return switch (kind) {
            case LINE -> "//" + content;
            case DOC -> "///" + content;
            case MULTI_LINE -> content;
        };
    }
}
