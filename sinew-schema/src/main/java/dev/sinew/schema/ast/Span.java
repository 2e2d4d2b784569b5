package dev.sinew.schema.ast;

/**
 * A range of characters in a schema source, {@code start} inclusive, {@code end} exclusive, counted in UTF-16
 * chars of the Java string the source was read into.
 */
public record Span(int start, int end) {
    public static final Span EMPTY = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public int length() {
        return end - start;
    }
}
