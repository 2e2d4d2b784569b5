package dev.sinew.codegen;

import com.palantir.javapoet.CodeBlock;

/** The schema's {@code ///} comments as Javadoc: escaped so that no text of the schema can break the Java file. */
final class Docs {
    private Docs() {
    }

    /** The documentation as Javadoc text (without a trailing newline), or null when there is none. */
    static String text(String documentation) {
        if (documentation == null || documentation.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String line : documentation.strip().split("\\R", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(escape(line.strip()));
        }
        return out.toString();
    }

    /**
     * The Javadoc of a method for one field: the field's {@code ///} comment, or nothing (a line such as
     * "Conditions on {@code email}" on every method would only repeat the method's name, in every model).
     */
    static CodeBlock field(String documentation) {
        String doc = text(documentation);
        return doc == null ? CodeBlock.of("") : CodeBlock.of("$L\n", doc);
    }

    /** A Javadoc block: the documentation (if any), then {@code extra} (if any), as separate paragraphs. */
    static CodeBlock javadoc(String documentation, String extra) {
        String doc = text(documentation);
        CodeBlock.Builder out = CodeBlock.builder();
        if (doc != null) {
            out.add("$L\n", doc);
        }
        if (extra != null) {
            out.add(doc != null ? "\n<p>$L\n" : "$L\n", extra);
        }
        return out.build();
    }

    /**
     * HTML-escapes the text, breaks comment terminators, keeps {@code @} from starting a block tag, and keeps
     * backslashes from forming Unicode escapes (which javac reads even inside comments).
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\' -> out.append("&#92;");
                case '@' -> out.append("&#64;");
                case '*' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The longest Javadoc line {@link #wrapJavadoc} leaves alone. */
    static final int LINE_LENGTH = 110;

    /** The longest line of code {@link #wrapJavadoc} leaves alone; JavaPoet wraps statements but not headers. */
    static final int CODE_LINE_LENGTH = 120;

    /**
     * Breaks a long line of code (a class header with many type arguments, a long {@code super(...)}) after
     * commas outside string literals, continuing 8 columns deeper.
     */
    private static void wrapCode(String line, StringBuilder out) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String continuation = indent + "        ";
        String rest = line;
        String prefix = "";
        while (prefix.length() + rest.length() > CODE_LINE_LENGTH) {
            int cut = lastCommaOutsideStrings(rest, CODE_LINE_LENGTH - 1 - prefix.length());
            if (cut <= 0) {
                break;
            }
            out.append(prefix).append(rest, 0, cut + 1).append('\n');
            rest = rest.substring(cut + 2);
            prefix = continuation;
        }
        out.append(prefix).append(rest).append('\n');
    }

    /** The index of the last {@code ", "} at or before {@code limit} that is not inside a string literal, or -1. */
    private static int lastCommaOutsideStrings(String line, int limit) {
        int found = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length() - 1 && i <= limit; i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',' && line.charAt(i + 1) == ' ') {
                found = i;
            }
        }
        return found;
    }

    /**
     * The source with its long Javadoc lines wrapped at spaces (JavaPoet writes a Javadoc line as it is given);
     * lines inside {@code <pre>} blocks are left as they are.
     */
    static String wrapJavadoc(String source) {
        StringBuilder out = new StringBuilder(source.length() + 256);
        boolean pre = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.stripLeading();
            boolean javadoc = trimmed.startsWith("* ") || trimmed.equals("*");
            if (javadoc && trimmed.contains("<pre>")) {
                pre = !trimmed.contains("</pre>");
            } else if (javadoc && trimmed.contains("</pre>")) {
                pre = false;
            }
            if (!javadoc && line.length() > CODE_LINE_LENGTH) {
                wrapCode(line, out);
                continue;
            }
            if (!javadoc || pre || line.length() <= LINE_LENGTH) {
                out.append(line).append('\n');
                continue;
            }
            String prefix = line.substring(0, line.length() - trimmed.length()) + "* ";
            String rest = trimmed.substring(2);
            while (prefix.length() + rest.length() > LINE_LENGTH) {
                int cut = rest.lastIndexOf(' ', LINE_LENGTH - prefix.length());
                if (cut <= 0) {
                    cut = rest.indexOf(' ');
                    if (cut <= 0) {
                        break;
                    }
                }
                out.append(prefix).append(rest, 0, cut).append('\n');
                rest = rest.substring(cut + 1);
            }
            out.append(prefix).append(rest).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
