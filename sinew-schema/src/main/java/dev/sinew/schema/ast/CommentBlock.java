package dev.sinew.schema.ast;

import java.util.List;
import java.util.stream.Collectors;

/** Consecutive comment lines. */
public record CommentBlock(List<Comment> comments, Span span) {
    public CommentBlock {
        comments = List.copyOf(comments);
    }

    /** The text of the {@code ///} lines joined by newlines, or null when there is none. */
    public String documentation() {
        List<Comment> docs = comments.stream().filter(c -> c.kind() == Comment.Kind.DOC).toList();
        if (docs.isEmpty()) {
            return null;
        }
        return docs.stream().map(c -> c.content().strip()).collect(Collectors.joining("\n"));
    }
}
