package dev.sinew.schema.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Parses the literal of a default value as the database will have to, and describes a failure the way Prisma's
 * parsers (Rust's integer parsing, chrono, serde_json, base64) word it. Null means the literal is fine.
 */
final class LiteralChecks {
    private LiteralChecks() {}

    static String integer(String raw) {
        if (raw.isEmpty() || raw.equals("-")) {
            return "cannot parse integer from empty string";
        }
        int start = raw.charAt(0) == '-' || raw.charAt(0) == '+' ? 1 : 0;
        for (int i = start; i < raw.length(); i++) {
            if (!Character.isDigit(raw.charAt(i))) {
                return "invalid digit found in string";
            }
        }
        BigInteger value = new BigInteger(raw);
        if (value.bitLength() > 63) {
            return value.signum() < 0 ? "number too small to fit in target type" : "number too large to fit in target type";
        }
        return null;
    }

    static String decimal(String raw) {
        try {
            new BigDecimal(raw.trim());
            return null;
        } catch (NumberFormatException e) {
            return "invalid digit found in string";
        }
    }

    static String dateTime(String raw) {
        try {
            OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return null;
        } catch (DateTimeParseException e) {
            String example = "2000-01-01T00:00:00Z";
            boolean prefix = raw.length() < example.length() && raw.chars().allMatch(c -> Character.isDigit(c)
                    || c == '-' || c == ':' || c == 'T' || c == '.');
            if (prefix) {
                return "premature end of input";
            }
            if (raw.length() >= 19 && Character.isDigit(raw.charAt(0))) {
                return "input is out of range";
            }
            return "input contains invalid characters";
        }
    }

    static String base64(String raw) {
        try {
            Base64.getDecoder().decode(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return "Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`";
        }
    }

    /** A JSON syntax check with serde_json's messages for the usual mistakes. */
    static String json(String raw) {
        return new JsonChecker(raw).check();
    }

    private static final class JsonChecker {
        private final String s;
        private int pos;

        JsonChecker(String s) {
            this.s = s;
        }

        String check() {
            try {
                skipSpace();
                value("a value");
                skipSpace();
                if (pos < s.length()) {
                    throw error("trailing characters", pos + 1);
                }
                return null;
            } catch (JsonError e) {
                return e.getMessage();
            }
        }

        private static final class JsonError extends RuntimeException {
            JsonError(String message) {
                super(message, null, false, false);
            }
        }

        private JsonError error(String what, int at) {
            int line = 1;
            int column = 0;
            for (int i = 0; i < Math.min(at, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    column = 0;
                } else {
                    column++;
                }
            }
            return new JsonError(what + " at line " + line + " column " + column);
        }

        private JsonError eof(String what) {
            return error("EOF while parsing " + what, s.length());
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private void value(String what) {
            if (pos >= s.length()) {
                throw eof(what);
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> word("true");
                case 'f' -> word("false");
                case 'n' -> word("null");
                default -> {
                    if (c == '-' || Character.isDigit(c)) {
                        number();
                    } else {
                        throw error("expected value", pos + 1);
                    }
                }
            }
        }

        private void word(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (pos >= s.length()) {
                    throw eof("a value");
                }
                if (s.charAt(pos) != word.charAt(i)) {
                    throw error("expected ident", pos + 1);
                }
                pos++;
            }
        }

        private void number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || ".eE+-".indexOf(s.charAt(pos)) >= 0)) {
                pos++;
            }
            if (pos == start + 1 && s.charAt(start) == '-') {
                throw pos >= s.length() ? eof("a value") : error("invalid number", pos + 1);
            }
        }

        private void string() {
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return;
                }
                if (c == '\\') {
                    pos++;
                } else if (c < 0x20) {
                    throw error("control character (\\u0000-\\u001F) found while parsing a string", pos + 1);
                }
                pos++;
            }
            throw eof("a string");
        }

        private void array() {
            pos++;
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                value("a value");
                skipSpace();
                if (pos >= s.length()) {
                    throw eof("a list");
                }
                char c = s.charAt(pos++);
                if (c == ']') {
                    return;
                }
                if (c != ',') {
                    throw error("expected `,` or `]`", pos);
                }
            }
        }

        private void object() {
            pos++;
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw eof("an object");
                }
                if (s.charAt(pos) != '"') {
                    throw error("key must be a string", pos + 1);
                }
                string();
                skipSpace();
                if (pos >= s.length()) {
                    throw eof("an object");
                }
                if (s.charAt(pos) != ':') {
                    throw error("expected `:`", pos + 1);
                }
                pos++;
                skipSpace();
                value("a value");
                skipSpace();
                if (pos >= s.length()) {
                    throw eof("an object");
                }
                char c = s.charAt(pos++);
                if (c == '}') {
                    return;
                }
                if (c != ',') {
                    throw error("expected `,` or `}`", pos);
                }
            }
        }
    }
}
