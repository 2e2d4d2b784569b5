package dev.sinew.migrate.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SQL script split into its statements, the way the database would read it: a semicolon ends a statement unless
 * it is inside a string, a quoted identifier, a comment, a PostgreSQL dollar-quoted body or a SQLite trigger's
 * {@code BEGIN … END}. Statements keep their text (comments included) without the closing semicolon; parts that hold
 * only comments and blanks are left out.
 */
public final class SqlScript {

    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?i)(BEGIN|BEGIN\\s+TRANSACTION|BEGIN\\s+TRAN|START\\s+TRANSACTION|COMMIT|COMMIT\\s+TRANSACTION"
                    + "|COMMIT\\s+TRAN|END|END\\s+TRANSACTION)");

    private SqlScript() {}

    /**
     * The statements of a script.
     *
     * @param backslashEscapes whether a backslash escapes the next character inside strings (MySQL)
     */
    public static List<String> statements(String script, boolean backslashEscapes) {
        List<String> out = new ArrayList<>();
        int n = script.length();
        int start = 0;
        int i = 0;
        int blockDepth = 0; // BEGIN … END of a trigger body
        boolean trigger = false;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i, c, backslashEscapes && c == '\'');
            } else if (c == '[' && !inExpressionBracket(script, i)) {
                int close = script.indexOf(']', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = lineEnd(script, i);
            } else if (c == '#' && backslashEscapes) {
                i = lineEnd(script, i);
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int close = script.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '$' && !backslashEscapes) {
                i = skipDollarQuoted(script, i);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                if (word.equals("TRIGGER") && startsWithCreate(script.substring(start, i))) {
                    trigger = true;
                } else if (trigger && (word.equals("BEGIN") || word.equals("CASE"))) {
                    blockDepth++;
                } else if (trigger && word.equals("END") && blockDepth > 0) {
                    blockDepth--;
                }
                i = end;
            } else if (c == ';' && blockDepth == 0) {
                add(out, script.substring(start, i));
                start = i + 1;
                trigger = false;
                i++;
            } else {
                i++;
            }
        }
        add(out, script.substring(start));
        return out;
    }

    /** Whether a statement only opens or closes a transaction ({@code BEGIN}, {@code COMMIT}, …). */
    public static boolean isTransactionControl(String statement) {
        return TRANSACTION_CONTROL.matcher(withoutComments(statement).strip()).matches();
    }

    /** The statement without its comments, for recognising what it does. */
    public static String withoutComments(String statement) {
        StringBuilder out = new StringBuilder();
        int n = statement.length();
        int i = 0;
        while (i < n) {
            char c = statement.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = skipQuoted(statement, i, c, false);
                out.append(statement, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && statement.charAt(i + 1) == '-') {
                i = lineEnd(statement, i);
                out.append(' ');
            } else if (c == '/' && i + 1 < n && statement.charAt(i + 1) == '*') {
                int close = statement.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean startsWithCreate(String text) {
        String head = withoutComments(text).strip().toUpperCase(Locale.ROOT);
        return head.startsWith("CREATE");
    }

    /** SQL Server and SQLite quote identifiers in brackets; PostgreSQL uses brackets for array subscripts. */
    private static boolean inExpressionBracket(String script, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(script.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        char before = script.charAt(j);
        return Character.isLetterOrDigit(before) && j == i - 1 || before == ')' || before == ']';
    }

    private static void add(List<String> out, String statement) {
        if (!withoutComments(statement).isBlank()) {
            out.add(statement.strip());
        }
    }

    private static int lineEnd(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl + 1;
    }

    /** The index after the closing quote; a doubled quote is an escaped quote. */
    private static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
        int j = i + 1;
        int n = s.length();
        while (j < n) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return n;
    }

    /** A {@code $tag$ … $tag$} body (PostgreSQL), or just past a lone {@code $} ({@code $1} parameters). */
    private static int skipDollarQuoted(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '$' || (j > i + 1 && Character.isDigit(s.charAt(i + 1)))) {
            return i + 1;
        }
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        return close < 0 ? s.length() : close + tag.length();
    }
}
