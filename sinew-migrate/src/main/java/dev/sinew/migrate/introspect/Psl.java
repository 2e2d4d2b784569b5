package dev.sinew.migrate.introspect;

import java.util.List;

/**
 * The introspected schema before it becomes text: models, fields and enums with their attributes already written in
 * schema syntax. It sits between the database's {@code SqlSchema} and the PSL text, like a Datamodel that keeps the
 * user's comments and the notes introspection adds.
 */
final class Psl {
    private Psl() {
    }

    /**
     * The {@code //} comments a re-introspected element keeps from the user's schema, each a whole comment with its
     * {@code //}: the lines directly above it, the comment at the end of its (first) line, and for a block the lines
     * before its closing brace.
     */
    record Comments(List<String> leading, String trailing, List<String> closing) {
        static final Comments NONE = new Comments(List.of(), null, List.of());

        Comments {
            leading = List.copyOf(leading);
            closing = List.copyOf(closing);
        }

        Comments(List<String> leading, String trailing) {
            this(leading, trailing, List.of());
        }
    }

    /** How many values a field holds. */
    enum Arity {
        REQUIRED(""), OPTIONAL("?"), LIST("[]");

        private final String suffix;

        Arity(String suffix) {
            this.suffix = suffix;
        }

        String suffix() {
            return suffix;
        }
    }

    /**
     * A field line.
     *
     * @param type          the type as written: {@code Int}, {@code Post}, {@code Unsupported("point")}
     * @param attributes    the field attributes as written, in any order (the formatter sorts them)
     * @param documentation the {@code ///} text, lines joined by newlines, or null
     * @param commentedOut  whether the field is written as a comment (its name cannot be used)
     */
    record Field(String name, String type, Arity arity, List<String> attributes, String documentation,
                 boolean commentedOut, Comments comments) {
        Field {
            attributes = List.copyOf(attributes);
        }
    }

    /** A block attribute ({@code @@index([a])}) as written. */
    record BlockAttribute(String text, Comments comments) {
    }

    /**
     * A model.
     *
     * @param commentedOut whether the whole block is written as a comment (a table whose columns cannot be read)
     */
    record Model(String name, String documentation, List<Field> fields, List<BlockAttribute> attributes,
                 boolean commentedOut, Comments comments) {
        Model {
            fields = List.copyOf(fields);
            attributes = List.copyOf(attributes);
        }
    }

    /** A value of an enum. */
    record EnumValue(String name, List<String> attributes, String documentation, boolean commentedOut,
                     Comments comments) {
        EnumValue {
            attributes = List.copyOf(attributes);
        }
    }

    /** An enum. */
    record Enum(String name, String documentation, List<EnumValue> values, List<BlockAttribute> attributes,
                Comments comments) {
        Enum {
            values = List.copyOf(values);
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * A whole schema.
     *
     * @param configuration the datasource and generator blocks, each as source text with its leading comments
     * @param views         the user's view blocks, kept as written
     * @param trailing      comment lines that end the user's file
     */
    record Schema(List<String> configuration, List<Model> models, List<String> views, List<Enum> enums,
                  List<String> trailing) {
        Schema {
            configuration = List.copyOf(configuration);
            models = List.copyOf(models);
            views = List.copyOf(views);
            enums = List.copyOf(enums);
            trailing = List.copyOf(trailing);
        }
    }
}
