package dev.sinew.schema.ast;

import java.util.Arrays;
import java.util.Objects;

/** The text of one schema file with its display name; maps offsets to lines for diagnostics. */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name);
        this.text = Objects.requireNonNull(text);
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Zero-based line index of an offset: the number of {@code '\n'} before it. */
    public int lineIndex(int offset) {
        int index = Arrays.binarySearch(lineStarts, Math.min(offset, text.length()));
        return index >= 0 ? index : -index - 2;
    }

    /** One-based line number of an offset. */
    public int lineNumber(int offset) {
        return lineIndex(offset) + 1;
    }

    /** One-based column of an offset. */
    public int column(int offset) {
        return offset - lineStarts[lineIndex(offset)] + 1;
    }

    /** Number of lines when the text is split on {@code '\n'} (a trailing newline gives a last, empty line). */
    public int lineCount() {
        return lineStarts.length;
    }

    /** The text of a zero-based line, without its {@code '\n'}. */
    public String line(int lineIndex) {
        int start = lineStarts[lineIndex];
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
        return text.substring(start, end);
    }

    public String slice(Span span) {
        return text.substring(span.start(), span.end());
    }
}
