package dev.sinew.schema.diagnostics;

import dev.sinew.schema.ast.SourceFile;

/**
 * Renders a diagnostic the way Prisma prints schema errors: the title line, the {@code -->  file:line} pointer,
 * the line before the span, every line the span touches and the line after it, each with a two-wide line number,
 * framed by empty gutter lines. Sinew prints warnings the same way, so users can tell which element is meant.
 * A last line names Sinew's stable code for the rule.
 */
public final class DiagnosticRenderer {
    private DiagnosticRenderer() {}

    public static String render(SourceFile source, Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        int startLine = source.lineIndex(diagnostic.span().start());
        int endLine = source.lineIndex(diagnostic.span().end());
        out.append(diagnostic.severity().label()).append(": ").append(diagnostic.message()).append('\n');
        out.append("  -->  ").append(source.name()).append(':').append(startLine + 1).append('\n');
        out.append(gutter(0)).append('\n');
        if (startLine > 0) {
            out.append(gutter(startLine)).append(source.line(startLine - 1)).append('\n');
        }
        out.append(gutter(startLine + 1)).append(source.line(startLine)).append('\n');
        // Prisma shows the lines up to and including the one after the span's last line (a span that ends with
        // its newline therefore shows the next line too).
        for (int line = startLine + 2; line < endLine + 2; line++) {
            if (line - 1 < source.lineCount()) {
                out.append(gutter(line)).append(source.line(line - 1)).append('\n');
            }
        }
        out.append(gutter(0)).append('\n');
        out.append("   = code: ").append(diagnostic.code().id()).append('\n');
        return out.toString();
    }

    private static String gutter(int lineNumber) {
        return lineNumber > 0 ? String.format("%2d | ", lineNumber) : "   | ";
    }
}
