package dev.sinew.schema.ast;

/** Everything that can stand at the top level of a schema file, trivia included, in source order. */
public sealed interface Top permits Block, Top.Comments, Top.EmptyLines, Top.InvalidLine, Top.InvalidBlock,
        Top.TypeAlias {
    Span span();

    /** Consecutive comment lines outside any block. */
    record Comments(CommentBlock block) implements Top {
        @Override
        public Span span() {
            return block.span();
        }
    }

    /** One or more blank lines. */
    record EmptyLines(Span span) implements Top {}

    /** A line that starts with no known keyword. */
    record InvalidLine(String text, Span span) implements Top {}

    /** {@code name { … }} where {@code name} is no block keyword. */
    record InvalidBlock(String text, Span span) implements Top {}

    /** The Prisma 1 {@code type Alias = Base @attributes} form, refused by the validator. */
    record TypeAlias(String text, Span span) implements Top {}
}
