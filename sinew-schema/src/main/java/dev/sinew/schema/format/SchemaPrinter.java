package dev.sinew.schema.format;

import dev.sinew.schema.ast.Argument;
import dev.sinew.schema.ast.ArgumentList;
import dev.sinew.schema.ast.Attribute;
import dev.sinew.schema.ast.Block;
import dev.sinew.schema.ast.BlockEntry;
import dev.sinew.schema.ast.Comment;
import dev.sinew.schema.ast.CommentBlock;
import dev.sinew.schema.ast.Expression;
import dev.sinew.schema.ast.FieldType;
import dev.sinew.schema.ast.SchemaAst;
import dev.sinew.schema.ast.Top;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints a syntax tree in Prisma's canonical layout: two-space indentation, one blank line between blocks, the
 * columns of consecutive fields (and of datasource properties) aligned, blank lines inside blocks kept as one,
 * field attributes and block attributes in Prisma's order, block attributes gathered at the end of their block
 * after a blank line, comments kept where they were written (a comment directly above a block attribute moves
 * with it).
 *
 * <p>This is the purely syntactic half of {@code sinew format}; {@link SchemaFormatter} first adds what the
 * schema is missing (back-relation fields), then prints.
 */
final class SchemaPrinter {
    private static final String INDENT = "  ";

    /** Prisma's order of attributes; any other attribute sorts after these, in written order. */
    private static final List<String> ATTRIBUTE_ORDER =
            List.of("id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore");

    private final StringBuilder out = new StringBuilder();
    private int indent;

    private SchemaPrinter() {}

    static String print(SchemaAst ast) {
        SchemaPrinter printer = new SchemaPrinter();
        printer.printTop(ast.tops());
        if (printer.out.length() == 0 || printer.out.charAt(printer.out.length() - 1) != '\n') {
            printer.out.append('\n');
        }
        return printer.out.toString();
    }

    private void printTop(List<Top> tops) {
        int first = 0;
        if (!tops.isEmpty() && tops.get(0) instanceof Top.EmptyLines) {
            first = 1;
        }
        for (int i = first; i < tops.size(); i++) {
            Top top = tops.get(i);
            if (top instanceof Block block) {
                printBlock(block);
            } else if (top instanceof Top.Comments comments) {
                Table table = new Table();
                addComments(comments.block(), table);
                table.render();
            } else if (top instanceof Top.EmptyLines) {
                if (i + 1 < tops.size()) {
                    endLine();
                }
            } else if (top instanceof Top.InvalidLine line) {
                write(source(line.text(), top));
            } else if (top instanceof Top.InvalidBlock invalid) {
                write(invalid.text());
            } else if (top instanceof Top.TypeAlias alias) {
                write(alias.text());
            }
        }
    }

    /** Prisma writes an unreadable top-level line back with its newline. */
    private static String source(String text, Top top) {
        return top.span().length() > text.length() ? text + "\n" : text;
    }

    private void printBlock(Block block) {
        write(block.kind().keyword());
        write(" ");
        write(block.name().name());
        write(" {");
        endLine();
        indent++;
        printEntries(block.entries());
    }

    private record PendingAttribute(CommentBlock comment, BlockEntry.BlockAttribute attribute) {}

    private void printEntries(List<BlockEntry> entries) {
        List<PendingAttribute> attributes = new ArrayList<>();
        Table table = new Table();
        CommentBlock pendingComment = null;
        int i = 0;
        // Blank lines at the start of a block go.
        if (i < entries.size() && entries.get(i) instanceof BlockEntry.EmptyLines) {
            i++;
        }
        while (true) {
            boolean ateEmptyLines = false;
            if (i < entries.size() && entries.get(i) instanceof BlockEntry.EmptyLines) {
                ateEmptyLines = true;
                i++;
                BlockEntry next = i < entries.size() ? entries.get(i) : null;
                // Blank lines at the end of a block and before block attributes or comments go; elsewhere one blank
                // line stays and starts a new alignment group.
                if (next != null && !(next instanceof BlockEntry.BlockAttribute)
                        && !(next instanceof BlockEntry.Comments)) {
                    table.render();
                    table = new Table();
                    table.startRow();
                }
            }
            if (i >= entries.size()) {
                break;
            }
            BlockEntry current = entries.get(i++);
            if (current instanceof BlockEntry.Comments comments) {
                if (i < entries.size() && entries.get(i) instanceof BlockEntry.BlockAttribute) {
                    pendingComment = comments.block();
                } else {
                    if (ateEmptyLines) {
                        table.render();
                        table = new Table();
                        table.startRow();
                    }
                    addComments(comments.block(), table);
                }
            } else if (current instanceof BlockEntry.Field field) {
                addField(field, table);
            } else if (current instanceof BlockEntry.Property property) {
                addProperty(property, table);
            } else if (current instanceof BlockEntry.EnumValue value) {
                addEnumValue(value, table);
            } else if (current instanceof BlockEntry.BlockAttribute attribute) {
                attributes.add(new PendingAttribute(pendingComment, attribute));
                pendingComment = null;
            } else if (current instanceof BlockEntry.InvalidLine line) {
                table.interleave(line.text());
            }
        }
        table.render();
        table = new Table();
        if (!attributes.isEmpty()) {
            table.startRow();
        }
        attributes.sort(Comparator.comparingInt(a -> sortIndex(a.attribute().attribute().name())));
        for (PendingAttribute pending : attributes) {
            if (pending.comment() != null) {
                addComments(pending.comment(), table);
            }
            table.startRow();
            table.setColumn(0, "@@" + attribute(pending.attribute().attribute()));
            if (pending.attribute().trailingComment() != null) {
                table.appendSuffix(pending.attribute().trailingComment().text());
            }
        }
        table.render();
        indent--;
        write("}");
        endLine();
    }

    private static int sortIndex(String attributeName) {
        int index = ATTRIBUTE_ORDER.indexOf(attributeName);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private void addField(BlockEntry.Field field, Table table) {
        table.startRow();
        table.setColumn(0, field.name().name());
        if (field.type() != null) {
            table.setColumn(1, fieldType(field.type()));
        }
        List<Attribute> attributes = new ArrayList<>(field.attributes());
        attributes.sort(Comparator.comparingInt(a -> sortIndex(a.name())));
        StringBuilder column = new StringBuilder();
        for (Attribute attribute : attributes) {
            if (column.length() > 0) {
                column.append(' ');
            }
            column.append('@').append(attribute(attribute));
        }
        table.setColumn(2, column.toString());
        if (field.trailingComment() != null) {
            table.appendSuffix(field.trailingComment().text());
        }
    }

    private void addProperty(BlockEntry.Property property, Table table) {
        table.startRow();
        table.setColumn(0, property.name().name());
        if (property.value() != null) {
            table.setColumn(1, "= " + expression(property.value()));
        }
        if (property.trailingComment() != null) {
            table.appendSuffix(property.trailingComment().text());
        }
    }

    private void addEnumValue(BlockEntry.EnumValue value, Table table) {
        table.startRow();
        table.setColumn(0, value.name().name());
        if (!value.attributes().isEmpty()) {
            // Prisma writes every attribute of an enum value into one column, without separating them.
            StringBuilder column = new StringBuilder();
            for (Attribute attribute : value.attributes()) {
                column.append('@').append(attribute(attribute));
            }
            table.setColumn(1, column.toString());
        }
        if (value.trailingComment() != null) {
            table.appendSuffix(value.trailingComment().text());
        }
    }

    private static void addComments(CommentBlock block, Table table) {
        for (Comment comment : block.comments()) {
            if (comment.kind() != Comment.Kind.MULTI_LINE) {
                table.startRow();
                table.appendSuffix(comment.text());
                continue;
            }
            table.startRow();
            table.appendSuffix("/**");
            String content = comment.content();
            String inner = content.substring(2, content.length() - 2);
            for (String line : inner.split("\n", -1)) {
                line = stripCarriageReturn(line).strip();
                if (line.startsWith("*")) {
                    line = line.substring(1).stripLeading();
                }
                if (!line.isEmpty()) {
                    table.startRow();
                    table.appendSuffix(" * " + line);
                }
            }
            table.startRow();
            table.appendSuffix(" */");
        }
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String fieldType(FieldType type) {
        return switch (type.syntax()) {
            case PLAIN, LEGACY_REQUIRED -> type.base();
            case OPTIONAL -> type.base() + "?";
            case LIST, LEGACY_LIST -> type.base() + "[]";
            case OPTIONAL_LIST -> type.base() + "[]?";
        };
    }

    static String attribute(Attribute attribute) {
        return attribute.arguments() == null ? attribute.name() : attribute.name() + arguments(attribute.arguments());
    }

    private static String arguments(ArgumentList list) {
        StringBuilder out = new StringBuilder("(");
        boolean first = true;
        for (Argument argument : list.arguments()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (argument.name() != null) {
                out.append(argument.name().name()).append(": ");
            }
            if (argument.value() != null) {
                out.append(expression(argument.value()));
            }
        }
        return out.append(')').toString();
    }

    static String expression(Expression expression) {
        if (expression instanceof Expression.StringValue string) {
            return string.raw();
        } else if (expression instanceof Expression.NumericValue number) {
            return number.raw();
        } else if (expression instanceof Expression.ConstantValue constant) {
            return constant.value();
        } else if (expression instanceof Expression.FunctionCall call) {
            return call.name() + arguments(call.arguments());
        } else {
            Expression.ArrayValue array = (Expression.ArrayValue) expression;
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < array.items().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(expression(array.items().get(i)));
            }
            return out.append(']').toString();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // output

    private void write(String text) {
        if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
            out.append(INDENT.repeat(indent));
        }
        out.append(text);
    }

    private void endLine() {
        out.append('\n');
    }

    /**
     * Rows whose columns are padded to the widest cell of their column (widths in UTF-8 bytes, as Prisma counts),
     * a suffix (a trailing comment) that takes no part in the layout, and interleaved lines printed as they are.
     */
    private final class Table {
        private final List<Row> rows = new ArrayList<>();

        private final class Row {
            final List<String> columns = new ArrayList<>();
            final StringBuilder suffix = new StringBuilder();
            final String interleaved;

            Row(String interleaved) {
                this.interleaved = interleaved;
            }
        }

        void startRow() {
            rows.add(new Row(null));
        }

        void interleave(String text) {
            rows.add(new Row(text));
        }

        void setColumn(int index, String text) {
            Row row = rows.get(rows.size() - 1);
            while (row.columns.size() <= index) {
                row.columns.add("");
            }
            row.columns.set(index, text);
        }

        void appendSuffix(String text) {
            rows.get(rows.size() - 1).suffix.append(text);
        }

        void render() {
            List<Integer> widths = new ArrayList<>();
            for (Row row : rows) {
                if (row.interleaved != null) {
                    continue;
                }
                while (!row.columns.isEmpty() && row.columns.get(row.columns.size() - 1).isEmpty()) {
                    row.columns.remove(row.columns.size() - 1);
                }
                for (int i = 0; i < row.columns.size(); i++) {
                    int width = utf8Length(row.columns.get(i));
                    if (widths.size() <= i) {
                        widths.add(width);
                    } else if (widths.get(i) < width) {
                        widths.set(i, width);
                    }
                }
            }
            for (Row row : rows) {
                if (row.interleaved != null) {
                    write(row.interleaved);
                } else {
                    for (int i = 0; i < row.columns.size(); i++) {
                        String column = row.columns.get(i);
                        write(column);
                        if (i < row.columns.size() - 1) {
                            write(" ".repeat(widths.get(i) - utf8Length(column) + 1));
                        }
                    }
                    if (row.suffix.length() > 0) {
                        if (!row.columns.isEmpty()) {
                            write(" ");
                        }
                        write(row.suffix.toString());
                    }
                }
                endLine();
            }
            rows.clear();
        }
    }

    private static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
