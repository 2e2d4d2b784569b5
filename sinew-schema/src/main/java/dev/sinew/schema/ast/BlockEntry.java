package dev.sinew.schema.ast;

import java.util.List;

/** Everything that can stand on a line inside a block, trivia included, in source order. */
public sealed interface BlockEntry {
    Span span();

    /**
     * A field of a model, view or composite type. {@code type} is null when the line has a name but no type
     * (the validator reports it). {@code documentation} joins the {@code ///} lines above the field.
     */
    record Field(Identifier name, FieldType type, List<Attribute> attributes, Comment trailingComment,
                 boolean legacyColon, String documentation, Span span) implements BlockEntry {
        public Field {
            attributes = List.copyOf(attributes);
        }
    }

    /** A value of an enum. */
    record EnumValue(Identifier name, List<Attribute> attributes, Comment trailingComment, String documentation,
                     Span span) implements BlockEntry {
        public EnumValue {
            attributes = List.copyOf(attributes);
        }
    }

    /** A {@code key = value} line of a datasource or generator; {@code value} is null when nothing follows '='. */
    record Property(Identifier name, Expression value, Comment trailingComment, Span span) implements BlockEntry {}

    /** A {@code @@attribute(...)} line. */
    record BlockAttribute(Attribute attribute, Comment trailingComment, Span span) implements BlockEntry {}

    /** Consecutive comment lines. */
    record Comments(CommentBlock block) implements BlockEntry {
        @Override
        public Span span() {
            return block.span();
        }
    }

    /** One or more blank lines. */
    record EmptyLines(Span span) implements BlockEntry {}

    /** A line the grammar cannot read; the parser has reported it, the formatter keeps it as it was. */
    record InvalidLine(String text, Span span) implements BlockEntry {}
}
