package dev.sinew.schema.ast;

import java.util.List;

/** A parsed schema file: every top-level item in source order, comments and blank lines included. */
public record SchemaAst(SourceFile source, List<Top> tops) {
    public SchemaAst {
        tops = List.copyOf(tops);
    }

    public List<Block> blocks() {
        return tops.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
    }

    public List<Block> blocks(Block.Kind kind) {
        return blocks().stream().filter(b -> b.kind() == kind).toList();
    }
}
