package dev.sinew.schema.diagnostics;

import dev.sinew.schema.ast.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** The diagnostics found in one schema file, in the order they were found. */
public final class Diagnostics {
    private final SourceFile source;
    private final List<Diagnostic> all = new ArrayList<>();

    public Diagnostics(SourceFile source) {
        this.source = source;
    }

    public SourceFile source() {
        return source;
    }

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public void addAll(Diagnostics other) {
        all.addAll(other.all);
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    public List<Diagnostic> errors() {
        return all.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).toList();
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    /** Renders every diagnostic as Prisma does, errors first, then warnings. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : errors()) {
            out.append(DiagnosticRenderer.render(source, d));
        }
        for (Diagnostic d : warnings()) {
            out.append(DiagnosticRenderer.render(source, d));
        }
        return out.toString();
    }
}
