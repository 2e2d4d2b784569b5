package dev.sinew.migrate.workflow;

import dev.sinew.migrate.database.SqlScript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The foreign keys a migration script adds to tables that already hold rows, read from its statements, so that
 * {@code migrate deploy} can look for the rows that would violate them before it runs the script. It reads the
 * statements Prisma and Sinew write, and the common hand-written forms:
 *
 * <ul>
 *   <li>{@code ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY (a, b) REFERENCES p [(x, y)]}, several per statement;</li>
 *   <li>SQLite's table rebuild: {@code CREATE TABLE "new_t" (… FOREIGN KEY … REFERENCES …)} filled by
 *       {@code INSERT INTO "new_t" (cols) SELECT cols FROM "t"}: the foreign key applies to the rows of {@code t}.</li>
 * </ul>
 *
 * A foreign key whose tables an earlier statement of the script writes to ({@code INSERT}, {@code UPDATE},
 * {@code DELETE}) is left to the database: the script may be fixing the data it is about to constrain.
 */
final class ScriptForeignKeys {

    private ScriptForeignKeys() {}

    /**
     * The foreign keys the script adds to existing rows. A reference's {@code referencedColumns} is empty when the
     * script leaves them implicit (the referenced table's primary key); names are as the script writes them.
     */
    static List<Reference> of(String script, boolean backslashEscapes) {
        List<Reference> out = new ArrayList<>();
        Set<String> written = new HashSet<>();
        Map<String, List<Reference>> created = new HashMap<>();
        for (String statement : SqlScript.statements(script, backslashEscapes)) {
            List<Token> t = Token.read(SqlScript.withoutComments(statement));
            if (t.isEmpty()) {
                continue;
            }
            if (t.get(0).is("ALTER") && t.size() > 2 && t.get(1).is("TABLE")) {
                int i = 2;
                while (i < t.size() && (t.get(i).is("ONLY") || t.get(i).is("IF") || t.get(i).is("EXISTS"))) {
                    i++;
                }
                Name table = Name.read(t, i);
                if (table == null) {
                    continue;
                }
                for (Reference fk : alterTableForeignKeys(t, table.end, table)) {
                    if (!written.contains(key(fk.table())) && !written.contains(key(fk.referencedTable()))) {
                        out.add(fk);
                    }
                }
            } else if (t.get(0).is("CREATE") && indexOfWord(t, "TABLE", 1, 4) > 0) {
                int i = indexOfWord(t, "TABLE", 1, 4) + 1;
                if (i + 2 < t.size() && t.get(i).is("IF")) {
                    i += 3;
                }
                Name table = Name.read(t, i);
                if (table != null) {
                    created.put(key(table.name), createTableForeignKeys(t, table.end, table));
                }
            } else if (t.get(0).is("INSERT") && t.size() > 2 && t.get(1).is("INTO")) {
                Name target = Name.read(t, 2);
                if (target == null) {
                    continue;
                }
                written.add(key(target.name));
                List<Reference> pending = created.remove(key(target.name));
                if (pending != null) {
                    out.addAll(copiedForeignKeys(t, target, pending, written));
                }
            } else if (t.get(0).is("UPDATE")) {
                Name target = Name.read(t, 1);
                if (target != null) {
                    written.add(key(target.name));
                }
            } else if (t.get(0).is("DELETE") && t.size() > 2 && t.get(1).is("FROM")) {
                Name target = Name.read(t, 2);
                if (target != null) {
                    written.add(key(target.name));
                }
            }
        }
        return out;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    private static int indexOfWord(List<Token> t, String word, int from, int to) {
        for (int i = from; i < Math.min(to, t.size()); i++) {
            if (t.get(i).is(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Every {@code ADD [CONSTRAINT n] FOREIGN KEY …} of an ALTER TABLE; added columns are new and hold no rows. */
    private static List<Reference> alterTableForeignKeys(List<Token> t, int from, Name table) {
        List<Reference> out = new ArrayList<>();
        for (int i = from; i < t.size(); i++) {
            if (!t.get(i).is("ADD")) {
                continue;
            }
            int j = i + 1;
            String constraint = null;
            if (j < t.size() && t.get(j).is("CONSTRAINT") && j + 1 < t.size()) {
                constraint = t.get(j + 1).text;
                j += 2;
            }
            if (j + 1 < t.size() && t.get(j).is("FOREIGN") && t.get(j + 1).is("KEY")) {
                Reference fk = foreignKey(t, j + 2, constraint, table);
                if (fk != null) {
                    out.add(fk);
                }
            }
        }
        return out;
    }

    /** {@code ( cols ) REFERENCES p [( cols )]} from position {@code i}. */
    private static Reference foreignKey(List<Token> t, int i, String constraint, Name table) {
        List<String> columns = new ArrayList<>();
        int next = identifierList(t, i, columns);
        if (next < 0 || next >= t.size() || !t.get(next).is("REFERENCES")) {
            return null;
        }
        Name referenced = Name.read(t, next + 1);
        if (referenced == null) {
            return null;
        }
        List<String> referencedColumns = new ArrayList<>();
        if (referenced.end < t.size() && t.get(referenced.end).text.equals("(")) {
            identifierList(t, referenced.end, referencedColumns);
        }
        String label = constraint == null ? "foreign key on `" + table.name + "`(" + String.join(", ", columns) + ")"
                : "foreign key `" + constraint + "`";
        return new Reference(label, constraint, table.namespace, table.name, columns, referenced.namespace,
                referenced.name, referencedColumns);
    }

    /** Reads {@code ( a, b )} at {@code i} into {@code out}; returns the index after {@code )}, or -1. */
    private static int identifierList(List<Token> t, int i, List<String> out) {
        if (i >= t.size() || !t.get(i).text.equals("(")) {
            return -1;
        }
        int j = i + 1;
        while (j < t.size() && !t.get(j).text.equals(")")) {
            Token token = t.get(j);
            if (token.identifier) {
                out.add(token.text);
            } else if (!token.text.equals(",")) {
                return -1;
            }
            j++;
        }
        return j < t.size() ? j + 1 : -1;
    }

    /** The foreign keys in a CREATE TABLE: table constraints and column {@code REFERENCES} clauses. */
    private static List<Reference> createTableForeignKeys(List<Token> t, int from, Name table) {
        List<Reference> out = new ArrayList<>();
        if (from >= t.size() || !t.get(from).text.equals("(")) {
            return out;
        }
        int depth = 0;
        int elementStart = from + 1;
        for (int i = from; i < t.size(); i++) {
            String text = t.get(i).text;
            if (text.equals("(")) {
                depth++;
            } else if (text.equals(")")) {
                depth--;
                if (depth == 0) {
                    element(t.subList(elementStart, i), table, out);
                    break;
                }
            } else if (text.equals(",") && depth == 1) {
                element(t.subList(elementStart, i), table, out);
                elementStart = i + 1;
            }
        }
        return out;
    }

    private static void element(List<Token> e, Name table, List<Reference> out) {
        if (e.isEmpty()) {
            return;
        }
        int i = 0;
        String constraint = null;
        if (e.get(0).is("CONSTRAINT") && e.size() > 1) {
            constraint = e.get(1).text;
            i = 2;
        }
        if (i + 1 < e.size() && e.get(i).is("FOREIGN") && e.get(i + 1).is("KEY")) {
            Reference fk = foreignKey(e, i + 2, constraint, table);
            if (fk != null) {
                out.add(fk);
            }
            return;
        }
        if (!e.get(0).identifier || constraint != null) {
            return;
        }
        for (int j = 1; j < e.size(); j++) {
            if (e.get(j).is("REFERENCES")) {
                List<Token> inline = new ArrayList<>();
                inline.add(new Token("(", false));
                inline.add(e.get(0));
                inline.add(new Token(")", false));
                inline.addAll(e.subList(j, e.size()));
                Reference fk = foreignKey(inline, 0, null, table);
                if (fk != null) {
                    out.add(fk);
                }
                return;
            }
        }
    }

    /**
     * {@code INSERT INTO new_t (a, b) SELECT a, b FROM t}: the new table's foreign keys apply to the rows of
     * {@code t}, through the column lists.
     */
    private static List<Reference> copiedForeignKeys(List<Token> t, Name target, List<Reference> pending,
                                                     Set<String> written) {
        List<Reference> out = new ArrayList<>();
        List<String> targetColumns = new ArrayList<>();
        int i = identifierList(t, target.end, targetColumns);
        if (i < 0 || i >= t.size() || !t.get(i).is("SELECT")) {
            return out;
        }
        List<String> sourceColumns = new ArrayList<>();
        int j = i + 1;
        while (j < t.size() && !t.get(j).is("FROM")) {
            Token token = t.get(j);
            if (token.identifier) {
                sourceColumns.add(token.text);
            } else if (!token.text.equals(",")) {
                return out; // expressions in the select list: the mapping is not a plain copy
            }
            j++;
        }
        Name source = Name.read(t, j + 1);
        if (source == null || sourceColumns.size() != targetColumns.size() || written.contains(key(source.name))) {
            return out;
        }
        for (Reference fk : pending) {
            List<String> columns = new ArrayList<>();
            for (String column : fk.columns()) {
                int k = targetColumns.indexOf(column);
                if (k < 0) {
                    columns = null;
                    break;
                }
                columns.add(sourceColumns.get(k));
            }
            if (columns != null && !written.contains(key(fk.referencedTable()))) {
                out.add(new Reference(fk.label(), fk.constraint(), source.namespace, source.name, columns,
                        fk.referencedNamespace(), fk.referencedTable(), fk.referencedColumns()));
            }
        }
        return out;
    }

    /** A possibly qualified table name and the index after it. */
    private record Name(String namespace, String name, int end) {
        static Name read(List<Token> t, int i) {
            if (i >= t.size() || !t.get(i).identifier) {
                return null;
            }
            if (i + 2 < t.size() && t.get(i + 1).text.equals(".") && t.get(i + 2).identifier) {
                return new Name(t.get(i).text, t.get(i + 2).text, i + 3);
            }
            return new Name(null, t.get(i).text, i + 1);
        }
    }

    /** A word, a quoted identifier (unquoted here), a string, or one punctuation character. */
    private record Token(String text, boolean identifier) {
        boolean is(String keyword) {
            return identifier && text.equalsIgnoreCase(keyword);
        }

        static List<Token> read(String sql) {
            List<Token> out = new ArrayList<>();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"' || c == '`' || c == '[') {
                    char close = c == '[' ? ']' : c;
                    StringBuilder name = new StringBuilder();
                    int j = i + 1;
                    while (j < n) {
                        if (sql.charAt(j) == close) {
                            if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                                name.append(close);
                                j += 2;
                                continue;
                            }
                            break;
                        }
                        name.append(sql.charAt(j++));
                    }
                    out.add(new Token(name.toString(), true));
                    i = j + 1;
                } else if (c == '\'') {
                    int j = i + 1;
                    while (j < n && !(sql.charAt(j) == '\'' && (j + 1 >= n || sql.charAt(j + 1) != '\''))) {
                        j += sql.charAt(j) == '\'' ? 2 : 1;
                    }
                    out.add(new Token(sql.substring(i, Math.min(j + 1, n)), false));
                    i = j + 1;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    int j = i;
                    while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                            || sql.charAt(j) == '$')) {
                        j++;
                    }
                    out.add(new Token(sql.substring(i, j), true));
                    i = j;
                } else {
                    out.add(new Token(String.valueOf(c), false));
                    i++;
                }
            }
            return out;
        }
    }
}
