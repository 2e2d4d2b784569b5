package dev.sinew.schema.ast;

import dev.sinew.schema.diagnostics.Diagnostic;
import dev.sinew.schema.diagnostics.DiagnosticCode;
import dev.sinew.schema.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written, scannerless recursive-descent parser for the Prisma schema language.
 *
 * <p>It accepts exactly what Prisma's PEG grammar accepts and recovers the same way: every line that no rule can
 * read becomes an {@code InvalidLine} (reported, kept for the formatter) and parsing goes on with the next line, so
 * one run reports every syntax error. As in a PEG, each rule either matches and moves the cursor, or fails and
 * leaves the cursor where it was; ordered choices never revisit an alternative that matched. Between the elements
 * of a rule, spaces and tabs (never newlines) are skipped, as the grammar's implicit whitespace does.
 *
 * <p>The parser never throws on any input.
 */
public final class SchemaParser {
    private final SourceFile source;
    private final String s;
    private final int length;
    private final List<Diagnostic> found = new ArrayList<>();
    private boolean reportEscapes;
    private int pos;

    private SchemaParser(SourceFile source) {
        this.source = source;
        this.s = source.text();
        this.length = s.length();
    }

    /** The result of parsing: the lossless syntax tree and the syntax errors found. */
    public record Result(SchemaAst ast, Diagnostics diagnostics) {}

    public static Result parse(SourceFile source) {
        SchemaParser parser = new SchemaParser(source);
        SchemaAst ast = parser.parseSchema();
        parser.reportStringEscapes(ast);
        // Prisma reports syntax errors while it walks the finished tree, that is in source order.
        parser.found.sort(java.util.Comparator.comparingInt(d -> d.span().start()));
        Diagnostics diagnostics = new Diagnostics(source);
        parser.found.forEach(diagnostics::add);
        return new Result(ast, diagnostics);
    }

    public static Result parse(String fileName, String text) {
        return parse(new SourceFile(fileName, text));
    }

    // ---------------------------------------------------------------------------------------------------------
    // top level

    private SchemaAst parseSchema() {
        List<Top> tops = new ArrayList<>();
        skipWhitespace();
        while (pos < length) {
            Top top = parseTop();
            tops.add(top);
            skipWhitespace();
        }
        return new SchemaAst(source, attachBlockDocumentation(tops));
    }

    private Top parseTop() {
        Block block = parseModelLike();
        if (block == null) {
            block = parseEnum();
        }
        if (block == null) {
            block = parseConfigBlock();
        }
        if (block != null) {
            return block;
        }
        Top alias = parseTypeAlias();
        if (alias != null) {
            error(DiagnosticCode.SYNTAX_TYPE_ALIAS,
                    "Error validating: Invalid type definition. Please check the documentation in "
                            + "https://pris.ly/d/composite-types", alias.span());
            return alias;
        }
        Top arbitrary = parseArbitraryBlock();
        if (arbitrary != null) {
            error(DiagnosticCode.SYNTAX_INVALID_BLOCK,
                    "Error validating: This block is invalid. It does not start with any known Prisma schema keyword."
                            + " Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.",
                    arbitrary.span());
            return arbitrary;
        }
        CommentBlock comments = parseCommentBlock();
        if (comments != null) {
            return new Top.Comments(comments);
        }
        Span empty = parseEmptyLines();
        if (empty != null) {
            return new Top.EmptyLines(empty);
        }
        Span line = parseCatchAll();
        error(DiagnosticCode.SYNTAX_INVALID_LINE,
                "Error validating: This line is invalid. It does not start with any known Prisma schema keyword.", line);
        return new Top.InvalidLine(trimNewline(slice(line)), line);
    }

    /** A comment block directly above a model, view, type or enum documents it (its {@code ///} lines). */
    private static List<Top> attachBlockDocumentation(List<Top> tops) {
        List<Top> result = new ArrayList<>(tops.size());
        for (int i = 0; i < tops.size(); i++) {
            Top top = tops.get(i);
            if (top instanceof Block block && i > 0 && tops.get(i - 1) instanceof Top.Comments comments
                    && block.kind() != Block.Kind.DATASOURCE && block.kind() != Block.Kind.GENERATOR) {
                top = new Block(block.kind(), block.name(), block.entries(), block.openTrailer(),
                        comments.block().documentation(), block.span());
            }
            result.add(top);
        }
        return result;
    }

    private Block parseModelLike() {
        int start = pos;
        Block.Kind kind;
        if (literal("model")) {
            kind = Block.Kind.MODEL;
        } else if (literal("type")) {
            kind = Block.Kind.COMPOSITE_TYPE;
        } else if (literal("view")) {
            kind = Block.Kind.VIEW;
        } else {
            return null;
        }
        return finishBlock(start, kind);
    }

    private Block parseEnum() {
        int start = pos;
        if (!literal("enum")) {
            return null;
        }
        return finishBlock(start, Block.Kind.ENUM);
    }

    private Block parseConfigBlock() {
        int start = pos;
        Block.Kind kind;
        if (literal("datasource")) {
            kind = Block.Kind.DATASOURCE;
        } else if (literal("generator")) {
            kind = Block.Kind.GENERATOR;
        } else {
            return null;
        }
        return finishBlock(start, kind);
    }

    /** After the keyword: the name, {@code {} and the rest of its line, the entries, and {@code }}. */
    private Block finishBlock(int start, Block.Kind kind) {
        skipWhitespace();
        Identifier name = identifier();
        if (name == null) {
            pos = start;
            return null;
        }
        skipWhitespace();
        String openTrailer = blockOpen();
        if (openTrailer == null) {
            pos = start;
            return null;
        }
        List<BlockEntry> entries = new ArrayList<>();
        List<Diagnostic> entryErrors = new ArrayList<>();
        while (true) {
            skipWhitespace();
            BlockEntry entry = parseBlockEntry(kind, name.name(), entryErrors);
            if (entry == null) {
                break;
            }
            entries.add(entry);
        }
        skipWhitespace();
        if (!literal("}")) {
            pos = start;
            return null;
        }
        found.addAll(entryErrors);
        return new Block(kind, name, attachFieldDocumentation(entries), openTrailer, null, new Span(start, pos));
    }

    /** Matches {@code {}, anything up to the end of the line, and the newline; returns what followed the brace. */
    private String blockOpen() {
        int start = pos;
        if (!literal("{")) {
            return null;
        }
        int trailerStart = pos;
        while (pos < length && !atNewline()) {
            pos++;
        }
        String trailer = s.substring(trailerStart, pos);
        if (!newline()) {
            pos = start;
            return null;
        }
        return trailer;
    }

    private BlockEntry parseBlockEntry(Block.Kind kind, String blockName, List<Diagnostic> errors) {
        switch (kind) {
            case MODEL, VIEW, COMPOSITE_TYPE -> {
                BlockEntry.Field field = parseField();
                if (field != null) {
                    checkField(field, kind, blockName, errors);
                    return field;
                }
                BlockEntry.BlockAttribute attribute = parseBlockAttributeLine();
                if (attribute != null) {
                    return attribute;
                }
            }
            case ENUM -> {
                BlockEntry.EnumValue value = parseEnumValue();
                if (value != null) {
                    return value;
                }
                BlockEntry.BlockAttribute attribute = parseBlockAttributeLine();
                if (attribute != null) {
                    return attribute;
                }
            }
            case DATASOURCE, GENERATOR -> {
                BlockEntry.Property property = parseProperty();
                if (property != null) {
                    return property;
                }
            }
        }
        CommentBlock comments = parseCommentBlock();
        if (comments != null) {
            return new BlockEntry.Comments(comments);
        }
        Span empty = parseEmptyLines();
        if (empty != null) {
            return new BlockEntry.EmptyLines(empty);
        }
        if (pos >= length || s.charAt(pos) == '}') {
            return null;
        }
        Span line = parseCatchAll();
        String message = switch (kind) {
            case MODEL, VIEW, COMPOSITE_TYPE -> "This line is not a valid field or attribute definition.";
            case ENUM -> "This line is not an enum value definition.";
            case DATASOURCE -> "This line is not a valid definition within a datasource.";
            case GENERATOR -> "This line is not a valid definition within a generator.";
        };
        errors.add(Diagnostic.error(DiagnosticCode.SYNTAX_INVALID_BLOCK_LINE, "Error validating: " + message, line));
        return new BlockEntry.InvalidLine(trimNewline(slice(line)), line);
    }

    /** Reports the field forms that the grammar reads but Prisma refuses at parse time. */
    private void checkField(BlockEntry.Field field, Block.Kind kind, String blockName, List<Diagnostic> errors) {
        if (field.legacyColon()) {
            int colon = s.indexOf(':', field.name().span().end());
            errors.add(Diagnostic.error(DiagnosticCode.SYNTAX_LEGACY, "Field declarations don't require a `:`.",
                    new Span(colon, colon + 1)));
            return;
        }
        FieldType type = field.type();
        if (type == null) {
            String container = kind == Block.Kind.COMPOSITE_TYPE ? "composite type" : kind.keyword();
            errors.add(Diagnostic.error(DiagnosticCode.SYNTAX_INVALID_FIELD, "Error validating " + container + " \""
                    + blockName + "\": This field declaration is invalid. It is either missing a name or a type.",
                    field.span()));
            return;
        }
        String legacy = switch (type.syntax()) {
            case LEGACY_REQUIRED -> "Fields are required by default, `!` is no longer required.";
            case LEGACY_LIST -> "To specify a list, please use `Type[]` instead of `[Type]`.";
            case OPTIONAL_LIST -> "Optional lists are not supported. Use either `Type[]` or `Type?`.";
            default -> null;
        };
        if (legacy != null) {
            errors.add(Diagnostic.error(DiagnosticCode.SYNTAX_LEGACY, legacy, type.span()));
        }
    }

    /** A comment block directly above a field or enum value documents it, even across blank lines. */
    private static List<BlockEntry> attachFieldDocumentation(List<BlockEntry> entries) {
        List<BlockEntry> result = new ArrayList<>(entries.size());
        String pending = null;
        for (BlockEntry entry : entries) {
            if (entry instanceof BlockEntry.Comments comments) {
                pending = comments.block().documentation();
            } else if (entry instanceof BlockEntry.Field field) {
                entry = new BlockEntry.Field(field.name(), field.type(), field.attributes(), field.trailingComment(),
                        field.legacyColon(), joinDocs(pending, field.trailingComment()), field.span());
                pending = null;
            } else if (entry instanceof BlockEntry.EnumValue value) {
                entry = new BlockEntry.EnumValue(value.name(), value.attributes(), value.trailingComment(),
                        joinDocs(pending, value.trailingComment()), value.span());
                pending = null;
            }
            result.add(entry);
        }
        return result;
    }

    private static String joinDocs(String above, Comment trailing) {
        String inline = trailing != null && trailing.kind() == Comment.Kind.DOC ? trailing.content().strip() : null;
        if (above == null) {
            return inline;
        }
        return inline == null ? above : above + "\n" + inline;
    }

    // ---------------------------------------------------------------------------------------------------------
    // block entries

    private BlockEntry.Field parseField() {
        int start = pos;
        Identifier name = identifier();
        if (name == null) {
            return null;
        }
        skipWhitespace();
        boolean legacyColon = literal(":");
        skipWhitespace();
        FieldType type = fieldType();
        skipWhitespace();
        List<Attribute> attributes = fieldAttributes();
        skipWhitespace();
        Comment trailing = trailingComment();
        skipWhitespace();
        if (!newline()) {
            pos = start;
            return null;
        }
        return new BlockEntry.Field(name, type, attributes, trailing, legacyColon, null, new Span(start, pos));
    }

    private BlockEntry.EnumValue parseEnumValue() {
        int start = pos;
        Identifier name = identifier();
        if (name == null) {
            return null;
        }
        skipWhitespace();
        List<Attribute> attributes = fieldAttributes();
        skipWhitespace();
        Comment trailing = trailingComment();
        skipWhitespace();
        if (!newline()) {
            pos = start;
            return null;
        }
        return new BlockEntry.EnumValue(name, attributes, trailing, null, new Span(start, pos));
    }

    private BlockEntry.Property parseProperty() {
        int start = pos;
        Identifier name = identifier();
        if (name == null) {
            return null;
        }
        skipWhitespace();
        if (!literal("=")) {
            pos = start;
            return null;
        }
        skipWhitespace();
        Expression value = expression();
        skipWhitespace();
        Comment trailing = trailingComment();
        int end = pos;
        skipWhitespace();
        if (!newline()) {
            pos = start;
            return null;
        }
        return new BlockEntry.Property(name, value, trailing, new Span(start, end));
    }

    private BlockEntry.BlockAttribute parseBlockAttributeLine() {
        int start = pos;
        if (!literal("@@")) {
            return null;
        }
        skipWhitespace();
        int nameStart = pos;
        if (!path()) {
            pos = start;
            return null;
        }
        String name = s.substring(nameStart, pos);
        Span nameSpan = new Span(nameStart, pos);
        skipWhitespace();
        ArgumentList arguments = argumentList();
        int attributeEnd = pos;
        skipWhitespace();
        Comment trailing = trailingComment();
        int end = pos;
        skipWhitespace();
        if (!newline()) {
            pos = start;
            return null;
        }
        Attribute attribute = new Attribute(name, nameSpan, arguments,
                new Span(start, arguments == null ? nameSpan.end() : attributeEnd));
        return new BlockEntry.BlockAttribute(attribute, trailing, new Span(start, end));
    }

    // ---------------------------------------------------------------------------------------------------------
    // field types and attributes

    private FieldType fieldType() {
        int start = pos;
        // The grammar's order matters: the longest forms first.
        BaseType base = baseType();
        if (base != null) {
            int afterBase = pos;
            skipWhitespace();
            if (literal("[]")) {
                int afterList = pos;
                skipWhitespace();
                if (literal("?")) {
                    return base.toType(FieldType.Arity.LIST, FieldType.Syntax.OPTIONAL_LIST, new Span(start, pos));
                }
                pos = afterList;
                return base.toType(FieldType.Arity.LIST, FieldType.Syntax.LIST, new Span(start, pos));
            }
            if (literal("?")) {
                return base.toType(FieldType.Arity.OPTIONAL, FieldType.Syntax.OPTIONAL, new Span(start, pos));
            }
            if (literal("!")) {
                return base.toType(FieldType.Arity.REQUIRED, FieldType.Syntax.LEGACY_REQUIRED, new Span(start, pos));
            }
            pos = afterBase;
            return base.toType(FieldType.Arity.REQUIRED, FieldType.Syntax.PLAIN, new Span(start, pos));
        }
        if (literal("[")) {
            skipWhitespace();
            BaseType inner = baseType();
            if (inner != null) {
                skipWhitespace();
                if (literal("]")) {
                    return inner.toType(FieldType.Arity.LIST, FieldType.Syntax.LEGACY_LIST, new Span(start, pos));
                }
            }
            pos = start;
        }
        return null;
    }

    private record BaseType(String text, String unsupported, Span span) {
        FieldType toType(FieldType.Arity arity, FieldType.Syntax syntax, Span typeSpan) {
            return new FieldType(text, unsupported, arity, syntax, typeSpan, span);
        }
    }

    private BaseType baseType() {
        int start = pos;
        if (literal("Unsupported(")) {
            skipWhitespace();
            Expression.StringValue value = stringLiteral();
            if (value != null) {
                skipWhitespace();
                if (literal(")")) {
                    return new BaseType(s.substring(start, pos), value.value(), new Span(start, pos));
                }
            }
            pos = start;
        }
        Identifier name = identifier();
        return name == null ? null : new BaseType(name.name(), null, name.span());
    }

    private List<Attribute> fieldAttributes() {
        List<Attribute> attributes = new ArrayList<>();
        while (true) {
            int before = pos;
            skipWhitespace();
            Attribute attribute = fieldAttribute();
            if (attribute == null) {
                pos = before;
                return attributes;
            }
            attributes.add(attribute);
        }
    }

    private Attribute fieldAttribute() {
        int start = pos;
        if (!literal("@")) {
            return null;
        }
        skipWhitespace();
        int nameStart = pos;
        if (!path()) {
            pos = start;
            return null;
        }
        Span nameSpan = new Span(nameStart, pos);
        int afterName = pos;
        skipWhitespace();
        ArgumentList arguments = argumentList();
        if (arguments == null) {
            pos = afterName;
        }
        return new Attribute(s.substring(nameStart, nameSpan.end()), nameSpan, arguments, new Span(start, pos));
    }

    private ArgumentList argumentList() {
        int start = pos;
        if (!literal("(")) {
            return null;
        }
        skipWhitespace();
        List<Argument> arguments = commaSeparated(this::argument);
        skipWhitespace();
        boolean trailingComma = literal(",");
        skipWhitespace();
        if (!literal(")")) {
            pos = start;
            return null;
        }
        return new ArgumentList(arguments, trailingComma, new Span(start, pos));
    }

    /**
     * {@code (item ("," item)*)?}: a comma that no item follows is left unread (an argument list may end with one).
     */
    private <T> List<T> commaSeparated(java.util.function.Supplier<T> item) {
        List<T> items = new ArrayList<>();
        T first = item.get();
        if (first == null) {
            return items;
        }
        items.add(first);
        while (true) {
            int before = pos;
            skipWhitespace();
            if (!literal(",")) {
                pos = before;
                return items;
            }
            skipWhitespace();
            T next = item.get();
            if (next == null) {
                pos = before;
                return items;
            }
            items.add(next);
        }
    }

    private Argument argument() {
        int start = pos;
        Identifier name = identifier();
        if (name != null) {
            skipWhitespace();
            if (literal(":")) {
                int afterColon = pos;
                skipWhitespace();
                Expression value = expression();
                if (value != null) {
                    return new Argument(name, value, new Span(start, pos));
                }
                pos = afterColon;
                return new Argument(name, null, new Span(start, pos));
            }
            pos = start;
        }
        Expression value = expression();
        return value == null ? null : new Argument(null, value, value.span());
    }

    // ---------------------------------------------------------------------------------------------------------
    // expressions

    private Expression expression() {
        int start = pos;
        if (path()) {
            String name = s.substring(start, pos);
            int afterPath = pos;
            skipWhitespace();
            ArgumentList arguments = argumentList();
            if (arguments != null) {
                return new Expression.FunctionCall(name, arguments, new Span(start, pos));
            }
            pos = start;
        }
        Expression array = arrayExpression();
        if (array != null) {
            return array;
        }
        Expression number = numericLiteral();
        if (number != null) {
            return number;
        }
        Expression string = stringLiteral();
        if (string != null) {
            return string;
        }
        if (path()) {
            return new Expression.ConstantValue(s.substring(start, pos), new Span(start, pos));
        }
        return null;
    }

    private Expression arrayExpression() {
        int start = pos;
        if (!literal("[")) {
            return null;
        }
        skipWhitespace();
        List<Expression> items = commaSeparated(this::expression);
        skipWhitespace();
        if (!literal("]")) {
            pos = start;
            return null;
        }
        return new Expression.ArrayValue(items, new Span(start, pos));
    }

    private Expression numericLiteral() {
        int start = pos;
        if (pos < length && s.charAt(pos) == '-') {
            pos++;
        }
        if (!digits()) {
            pos = start;
            return null;
        }
        int afterInteger = pos;
        if (literal(".") && !digits()) {
            pos = afterInteger;
        }
        return new Expression.NumericValue(s.substring(start, pos), new Span(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (pos < length && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Expression.StringValue stringLiteral() {
        int start = pos;
        if (!literal("\"")) {
            return null;
        }
        int contentStart = pos;
        while (pos < length) {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < length) {
                pos += 2;
            } else if (c == '"' || c < 0x20) {
                break;
            } else {
                pos++;
            }
        }
        int contentEnd = pos;
        if (!literal("\"")) {
            pos = start;
            return null;
        }
        String value = unescape(contentStart, contentEnd);
        return new Expression.StringValue(value, s.substring(start, pos), new Span(start, pos));
    }

    /** Resolves JSON escapes; reports unknown escapes and malformed {@code \\u} sequences as Prisma does. */
    private String unescape(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            char next = s.charAt(i + 1);
            switch (next) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    i = unicodeEscape(i, to, out);
                    continue;
                }
                default -> report(Diagnostic.error(DiagnosticCode.SYNTAX_INVALID_STRING,
                        "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.",
                        new Span(i, i + 2)));
            }
            i += 2;
        }
        return out.toString();
    }

    /** Reads {@code \\uXXXX}, or a surrogate pair of two of them, at {@code i}; returns the index after it. */
    private int unicodeEscape(int i, int to, StringBuilder out) {
        int first = hex4(i + 2, to);
        if (first < 0) {
            int consumed = Math.max(2, hexDigitsAt(i + 2, to) + 2);
            invalidUnicode(i, Math.min(to, i + consumed));
            return i + consumed;
        }
        if (!Character.isSurrogate((char) first)) {
            out.append((char) first);
            return i + 6;
        }
        boolean secondPresent = i + 6 + 1 < to && s.charAt(i + 6) == '\\' && s.charAt(i + 7) == 'u';
        int second = secondPresent ? hex4(i + 8, to) : -1;
        if (second < 0) {
            invalidUnicode(i, Math.min(to, i + 6));
            return i + 6;
        }
        if (Character.isHighSurrogate((char) first) && Character.isLowSurrogate((char) second)) {
            out.append((char) first).append((char) second);
        } else {
            invalidUnicode(i, Math.min(to, i + 12));
        }
        return i + 12;
    }

    private void invalidUnicode(int from, int to) {
        report(Diagnostic.error(DiagnosticCode.SYNTAX_INVALID_STRING, "Invalid unicode escape sequence.",
                new Span(from, to)));
    }

    private int hex4(int at, int to) {
        if (at + 4 > to) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(s.charAt(at + k), 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private int hexDigitsAt(int at, int to) {
        int n = 0;
        while (n < 4 && at + n < to && Character.digit(s.charAt(at + n), 16) >= 0) {
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // comments, blank lines, catch-alls

    private CommentBlock parseCommentBlock() {
        int start = pos;
        List<Comment> comments = new ArrayList<>();
        while (true) {
            Comment comment = comment();
            if (comment == null) {
                break;
            }
            comments.add(comment);
            newline();
        }
        if (comments.isEmpty()) {
            pos = start;
            return null;
        }
        return new CommentBlock(comments, new Span(start, pos));
    }

    private Comment trailingComment() {
        return comment();
    }

    /** One {@code ///}, {@code //} or {@code /* … *}{@code /} comment, with the spaces before it. */
    private Comment comment() {
        int start = pos;
        skipWhitespace();
        int commentStart = pos;
        if (literal("/*")) {
            int close = s.indexOf("*/", pos);
            if (close < 0) {
                pos = start;
                return null;
            }
            pos = close + 2;
            return new Comment(Comment.Kind.MULTI_LINE, s.substring(commentStart, pos), new Span(commentStart, pos));
        }
        Comment.Kind kind;
        if (literal("///")) {
            kind = Comment.Kind.DOC;
        } else if (literal("//")) {
            kind = Comment.Kind.LINE;
        } else {
            pos = start;
            return null;
        }
        int contentStart = pos;
        while (pos < length && !atNewline()) {
            pos++;
        }
        return new Comment(kind, s.substring(contentStart, pos), new Span(commentStart, pos));
    }

    private Span parseEmptyLines() {
        int start = pos;
        while (true) {
            int lineStart = pos;
            skipWhitespace();
            if (!newline()) {
                pos = lineStart;
                break;
            }
        }
        return pos > start ? new Span(start, pos) : null;
    }

    /** The rest of the line (at least one character) and its newline, if any. */
    private Span parseCatchAll() {
        int start = pos;
        while (pos < length && !atNewline()) {
            pos++;
        }
        newline();
        return new Span(start, pos);
    }

    private Top parseTypeAlias() {
        int start = pos;
        if (!literal("type")) {
            return null;
        }
        skipWhitespace();
        if (identifier() == null) {
            pos = start;
            return null;
        }
        skipWhitespace();
        if (!literal("=")) {
            pos = start;
            return null;
        }
        skipWhitespace();
        if (baseType() == null) {
            pos = start;
            return null;
        }
        fieldAttributes();
        return new Top.TypeAlias(s.substring(start, pos), new Span(start, pos));
    }

    private Top parseArbitraryBlock() {
        int start = pos;
        if (identifier() == null) {
            return null;
        }
        skipWhitespace();
        if (blockOpen() == null) {
            pos = start;
            return null;
        }
        int close = s.indexOf('}', pos);
        if (close < 0) {
            pos = start;
            return null;
        }
        pos = close + 1;
        return new Top.InvalidBlock(s.substring(start, pos), new Span(start, pos));
    }

    // ---------------------------------------------------------------------------------------------------------
    // lexical building blocks

    private Identifier identifier() {
        int start = pos;
        if (pos >= length || !isAsciiAlphanumeric(s.charAt(pos))) {
            return null;
        }
        pos++;
        while (pos < length) {
            char c = s.charAt(pos);
            if (isAsciiAlphanumeric(c) || c == '_' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        return new Identifier(s.substring(start, pos), new Span(start, pos));
    }

    /** {@code identifier ("." identifier?)*}, as in {@code db.VarChar} or {@code sort.Desc}. */
    private boolean path() {
        if (identifier() == null) {
            return false;
        }
        while (pos < length && s.charAt(pos) == '.') {
            pos++;
            identifier();
        }
        return true;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = s.charAt(pos);
            if (c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean atNewline() {
        char c = s.charAt(pos);
        return c == '\n' || c == '\r';
    }

    private boolean newline() {
        if (pos >= length) {
            return false;
        }
        char c = s.charAt(pos);
        if (c == '\n') {
            pos++;
            return true;
        }
        if (c == '\r') {
            pos += pos + 1 < length && s.charAt(pos + 1) == '\n' ? 2 : 1;
            return true;
        }
        return false;
    }

    private boolean literal(String text) {
        if (s.startsWith(text, pos)) {
            pos += text.length();
            return true;
        }
        return false;
    }

    private String slice(Span span) {
        return s.substring(span.start(), span.end());
    }

    private static String trimNewline(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private void error(DiagnosticCode code, String message, Span span) {
        found.add(Diagnostic.error(code, message, span));
    }

    /** Escape errors count only for strings in the final tree, not in alternatives the parser gave up. */
    private void report(Diagnostic diagnostic) {
        if (reportEscapes) {
            found.add(diagnostic);
        }
    }

    private void reportStringEscapes(SchemaAst ast) {
        reportEscapes = true;
        for (Block block : ast.blocks()) {
            for (BlockEntry entry : block.entries()) {
                if (entry instanceof BlockEntry.Field f) {
                    if (f.type() != null && f.type().isUnsupported()) {
                        int open = s.indexOf('"', f.type().baseSpan().start());
                        unescape(open + 1, s.lastIndexOf('"', f.type().baseSpan().end() - 1));
                    }
                    f.attributes().forEach(this::reportStringEscapes);
                } else if (entry instanceof BlockEntry.EnumValue v) {
                    v.attributes().forEach(this::reportStringEscapes);
                } else if (entry instanceof BlockEntry.BlockAttribute a) {
                    reportStringEscapes(a.attribute());
                } else if (entry instanceof BlockEntry.Property p) {
                    reportStringEscapes(p.value());
                }
            }
        }
    }

    private void reportStringEscapes(Attribute attribute) {
        if (attribute.arguments() != null) {
            reportStringEscapes(attribute.arguments());
        }
    }

    private void reportStringEscapes(ArgumentList arguments) {
        for (Argument argument : arguments.arguments()) {
            reportStringEscapes(argument.value());
        }
    }

    private void reportStringEscapes(Expression expression) {
        if (expression instanceof Expression.StringValue string) {
            unescape(string.span().start() + 1, string.span().end() - 1);
        } else if (expression instanceof Expression.FunctionCall call) {
            reportStringEscapes(call.arguments());
        } else if (expression instanceof Expression.ArrayValue array) {
            array.items().forEach(this::reportStringEscapes);
        }
    }
}
