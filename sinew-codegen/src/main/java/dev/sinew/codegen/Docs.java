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
}
